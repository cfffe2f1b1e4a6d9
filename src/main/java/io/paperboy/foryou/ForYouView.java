package io.paperboy.foryou;

import io.paperboy.web.Page;

/** The "for you" page: the feed, or why it is empty. */
public record ForYouView(Page page, ForYou.Feed feed) {}

package io.paperboy.foryou;

import io.paperboy.web.Page;

/**
 * The "for you" page: the feed, or why it is empty; whether the member has a private feed URL,
 * and the new one just made ({@code newFeedUrl}, shown this once; null otherwise).
 */
public record ForYouView(Page page, ForYou.Feed feed, boolean hasPrivateFeed, String newFeedUrl) {}

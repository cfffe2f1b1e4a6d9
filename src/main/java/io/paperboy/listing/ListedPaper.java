package io.paperboy.listing;

import io.paperboy.paper.Paper;

/** A paper as a listing shows it: the paper and the entry that featured it. */
public record ListedPaper(Paper paper, ListingEntry entry) {}

package io.paperboy.listing;

/** A listing entry and whether it is shown: false once a curator unfeatured it. */
public record ListingEntryState(ListingEntry entry, boolean featured) {}

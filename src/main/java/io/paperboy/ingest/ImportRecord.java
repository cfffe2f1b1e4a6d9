package io.paperboy.ingest;

import io.paperboy.listing.ListingEntry;
import io.paperboy.paper.Paper;
import java.util.List;

/** One paper read from an input, with the listing entries the input gives it, and where it starts. */
public record ImportRecord(long line, Paper paper, List<ListingEntry> listings, List<String> keywords) {
    public ImportRecord {
        listings = List.copyOf(listings);
        keywords = List.copyOf(keywords);
    }

    /** A record whose source gives no key phrases. */
    public ImportRecord(long line, Paper paper, List<ListingEntry> listings) {
        this(line, paper, listings, List.of());
    }
}

package io.paperboy.ingest;

import io.paperboy.listing.ListingEntry;
import io.paperboy.paper.Paper;
import java.util.List;

/** One paper read from an input, with the listing entries the input gives it, and where it starts. */
public record ImportRecord(long line, Paper paper, List<ListingEntry> listings) {
    public ImportRecord {
        listings = List.copyOf(listings);
    }
}

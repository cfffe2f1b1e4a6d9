package io.paperboy.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.json.Json;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Writes every paper and its listing entries in Paperboy's export format, streaming. */
public final class Exporter {
    private final PaperService papers;
    private final ListingService listings;
    private final ObjectMapper json = Json.mapper();
    private final ExportCodec codec = new ExportCodec(json);
    private final AtomicLong written = new AtomicLong();

    public Exporter(PaperService papers, ListingService listings) {
        this.papers = papers;
        this.listings = listings;
    }

    public long written() {
        return written.get();
    }

    /** Writes the export to {@code out} (left open) and returns the number of papers written. */
    public long export(OutputStream out) throws IOException {
        byte[] newline = {'\n'};
        out.write(json.writeValueAsBytes(codec.header(Instant.now())));
        out.write(newline);
        try {
            papers.forEach(p -> {
                try {
                    out.write(json.writeValueAsBytes(codec.write(p, listings.forPaper(p.id()))));
                    out.write(newline);
                    written.incrementAndGet();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
        return written.get();
    }
}

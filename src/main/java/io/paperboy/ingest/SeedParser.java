package io.paperboy.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperboy.listing.ListingEntry;
import io.paperboy.paper.ArtifactLinks;
import io.paperboy.paper.ArxivId;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperIds;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads the seed format (the bundled demo papers: a Hugging Face Daily Papers page enriched with
 * arXiv ids). Each paper is featured on its {@code featured} date when the line has one (the demo
 * lays its papers out over recent days that way, by {@code submitted_by}), else on its published
 * date, else on the first day of its arXiv id's month, else on the import date; a paper without an
 * arXiv id gets a stable title-based id.
 */
final class SeedParser implements RecordParser {
    static final String SOURCE = "seed";

    private final LocalDate importDate;

    SeedParser(LocalDate importDate) {
        this.importDate = importDate;
    }

    @Override
    public ImportRecord parse(JsonNode r, long line) throws RecordException {
        String title = JsonFields.title(r, "title");
        ArxivId arxivId = JsonFields.text(r, "arxiv_id") == null ? null : JsonFields.arxivId(r, "arxiv_id");
        String id = arxivId == null ? PaperIds.forTitle(title) : arxivId.id();
        String abstractText = JsonFields.text(r, "abstract");
        LocalDate published = JsonFields.date(r, "published");
        Paper paper = Paper.builder(id, title)
                .version(arxivId == null ? 0 : arxivId.version())
                .abstractText(abstractText == null ? "" : abstractText)
                .authors(JsonFields.strings(r, "authors"))
                .published(published)
                .links(ArtifactLinks.extract(abstractText))
                .build();
        LocalDate featured = JsonFields.date(r, "featured");
        LocalDate day = featured != null
                ? featured
                : published != null
                        ? published
                        : arxivId != null ? arxivId.yearMonth().atDay(1) : importDate;
        // A line naming its submitter says a member of this site featured it (the demo's members do).
        String submitter = JsonFields.text(r, "submitted_by");
        return new ImportRecord(
                line,
                paper,
                List.of(new ListingEntry(id, day, submitter, 0, submitter == null ? SOURCE : ListingEntry.SUBMISSION)));
    }
}

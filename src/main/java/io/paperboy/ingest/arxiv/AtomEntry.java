package io.paperboy.ingest.arxiv;

import io.paperboy.paper.ArtifactLinks;
import io.paperboy.paper.ArxivId;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperVersion;
import io.paperboy.paper.TexText;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The fields of one arXiv API Atom {@code <entry>}, turned into a {@link Paper} with the snapshot
 * importer's normalisation. The entry's id carries the latest version; {@code published} is the
 * first version's date and {@code updated} the latest one's, so both versions are known by date.
 */
final class AtomEntry {
    String id;
    String title;
    String summary;
    String published;
    String updated;
    String comment;
    String journalRef;
    String doi;
    String primaryCategory;
    final List<String> categories = new ArrayList<>();
    final List<String> authors = new ArrayList<>();

    /** arXiv reports a bad query as an entry whose id is under {@code http://arxiv.org/api/errors}. */
    boolean isError() {
        return id != null && id.contains("arxiv.org/api/errors");
    }

    Paper toPaper() throws BadRecordException {
        ArxivId arxivId = arxivId();
        if (title == null || title.isBlank()) {
            throw new BadRecordException("element <title>: missing or empty");
        }
        String abstractText = summary == null ? "" : TexText.unwrapAbstract(summary);
        String comments = collapsed(comment);
        Instant first = instant("published", published);
        Instant latest = instant("updated", updated);
        return Paper.builder(arxivId.id(), TexText.collapseWhitespace(title))
                .version(arxivId.version())
                .abstractText(abstractText)
                .authors(authors.stream()
                        .map(a -> TexText.collapseWhitespace(TexText.deaccent(a)))
                        .filter(a -> !a.isEmpty())
                        .toList())
                .categories(categories())
                .published(day(first))
                .updated(day(latest != null ? latest : first))
                .comments(comments)
                .journalRef(collapsed(journalRef))
                .dois(
                        doi == null || doi.isBlank()
                                ? List.of()
                                : List.of(doi.strip().split("\\s+")))
                .links(ArtifactLinks.extract(abstractText, comments))
                .versions(versions(arxivId.version(), first, latest))
                .build();
    }

    private ArxivId arxivId() throws BadRecordException {
        if (id == null || id.isBlank()) {
            throw new BadRecordException("element <id>: missing or empty");
        }
        try {
            return ArxivId.parse(id.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRecordException("element <id>: " + e.getMessage());
        }
    }

    private List<String> categories() {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        if (primaryCategory != null && !primaryCategory.isBlank()) {
            all.add(primaryCategory.strip());
        }
        categories.stream().map(String::strip).filter(c -> !c.isEmpty()).forEach(all::add);
        return List.copyOf(all);
    }

    private static List<PaperVersion> versions(int latest, Instant first, Instant last) {
        List<PaperVersion> versions = new ArrayList<>();
        if (latest >= 1 && first != null) {
            versions.add(new PaperVersion(1, first));
        }
        if (latest > 1 && last != null) {
            versions.add(new PaperVersion(latest, last));
        }
        return versions;
    }

    private static Instant instant(String element, String text) throws BadRecordException {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRecordException("element <" + element + ">: '" + text.strip() + "' is not an ISO-8601 time");
        }
    }

    private static java.time.LocalDate day(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static String collapsed(String text) {
        if (text == null) {
            return null;
        }
        String collapsed = TexText.collapseWhitespace(text);
        return collapsed.isEmpty() ? null : collapsed;
    }
}

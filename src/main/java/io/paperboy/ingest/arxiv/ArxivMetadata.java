package io.paperboy.ingest.arxiv;

import io.paperboy.paper.ArtifactLinks;
import io.paperboy.paper.ArxivId;
import io.paperboy.paper.Paper;
import io.paperboy.paper.TexText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one {@code <arXiv>} metadata element (OAI-PMH {@code metadataPrefix=arXiv}),
 * turned into a {@link Paper} with exactly the normalisation of the snapshot importer, so the
 * same paper from either source is stored the same way.
 *
 * <p>This format carries no version numbers, only the first ({@code created}) and latest
 * ({@code updated}, absent for a single version) submission dates, so the paper's version is 0
 * ("not said") and its version list is empty; the store keeps what the snapshot said about them.
 */
final class ArxivMetadata {
    private final Map<String, String> fields = new HashMap<>();
    private final List<String> authors = new ArrayList<>();

    /** Records a simple child element's text ({@code title}, {@code abstract}, …). */
    void field(String name, String text) {
        fields.put(name, text);
    }

    /** Records one {@code <author>} from its {@code keyname}, {@code forenames} and {@code suffix}. */
    void author(String keyname, String forenames, String suffix) {
        // Shown as "forenames keyname suffix", like the snapshot's authors_parsed; names may carry TeX accents.
        String name = TexText.collapseWhitespace(
                TexText.deaccent(nonNull(forenames) + " " + nonNull(keyname) + " " + nonNull(suffix)));
        if (!name.isEmpty()) {
            authors.add(name);
        }
    }

    /** The paper, or a {@link BadRecordException} naming the field that is missing or wrong. */
    Paper toPaper() throws BadRecordException {
        ArxivId id = arxivId();
        String rawAbstract = text("abstract");
        String abstractText = rawAbstract == null ? "" : TexText.unwrapAbstract(rawAbstract);
        String comments = collapsed("comments");
        LocalDate created = date("created");
        LocalDate updated = date("updated");
        return Paper.builder(id.id(), title())
                .version(id.version())
                .abstractText(abstractText)
                .authors(authors)
                .categories(spaced("categories"))
                .published(created)
                .updated(updated != null ? updated : created)
                .comments(comments)
                .journalRef(collapsed("journal-ref"))
                .dois(spaced("doi"))
                .reportNo(collapsed("report-no"))
                .license(text("license"))
                .links(ArtifactLinks.extract(abstractText, comments))
                .build();
    }

    private ArxivId arxivId() throws BadRecordException {
        String raw = text("id");
        if (raw == null) {
            throw new BadRecordException("element <id>: missing or empty");
        }
        try {
            return ArxivId.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new BadRecordException("element <id>: " + e.getMessage());
        }
    }

    private String title() throws BadRecordException {
        String title = collapsed("title");
        if (title == null) {
            throw new BadRecordException("element <title>: missing or empty");
        }
        return title;
    }

    private LocalDate date(String name) throws BadRecordException {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRecordException("element <" + name + ">: '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    // Blank counts as absent, as in the snapshot importer.
    private String text(String name) {
        String text = fields.get(name);
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private String collapsed(String name) {
        String text = text(name);
        return text == null ? null : TexText.collapseWhitespace(text);
    }

    private List<String> spaced(String name) {
        String text = text(name);
        return text == null ? List.of() : List.of(text.split("\\s+"));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}

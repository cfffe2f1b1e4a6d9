package io.paperboy.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperboy.paper.ArtifactLinks;
import io.paperboy.paper.ArxivId;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperVersion;
import io.paperboy.paper.TexText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the arXiv metadata snapshot format ({@code arxiv-metadata-oai-snapshot.json}, one record
 * per line). Authors come from {@code authors_parsed}, which has Unicode names, falling back to
 * the free-text {@code authors} with its TeX accents decoded; version dates are RFC 1123.
 */
final class SnapshotParser implements RecordParser {
    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("v[1-9][0-9]*");

    @Override
    public ImportRecord parse(JsonNode r, long line) throws RecordException {
        ArxivId id = JsonFields.arxivId(r, "id");
        String rawAbstract = JsonFields.text(r, "abstract");
        String abstractText = rawAbstract == null ? "" : TexText.unwrapAbstract(rawAbstract);
        String comments = collapse(JsonFields.text(r, "comments"));
        List<PaperVersion> versions = versions(r);
        int latest = versions.isEmpty()
                ? id.version()
                : versions.get(versions.size() - 1).number();
        Paper paper = Paper.builder(id.id(), JsonFields.title(r, "title"))
                .version(latest)
                .abstractText(abstractText)
                .authors(authors(r))
                .categories(spaced(JsonFields.text(r, "categories")))
                .published(versions.isEmpty() ? null : day(versions.get(0).created()))
                .updated(
                        versions.isEmpty()
                                ? JsonFields.date(r, "update_date")
                                : day(versions.get(versions.size() - 1).created()))
                .comments(comments)
                .journalRef(collapse(JsonFields.text(r, "journal-ref")))
                .dois(spaced(JsonFields.text(r, "doi")))
                .reportNo(collapse(JsonFields.text(r, "report-no")))
                .license(JsonFields.text(r, "license"))
                .links(ArtifactLinks.extract(abstractText, comments))
                .versions(versions)
                .build();
        return new ImportRecord(line, paper, List.of());
    }

    private static List<String> authors(JsonNode r) throws RecordException {
        JsonNode parsed = r.get("authors_parsed");
        if (parsed != null && parsed.isArray() && !parsed.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (JsonNode parts : parsed) {
                String name = parsedName(parts);
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
            return names;
        }
        String free = JsonFields.text(r, "authors");
        return free == null ? List.of() : AuthorList.split(TexText.deaccent(free));
    }

    // authors_parsed entries are [last, first, suffix]; shown as "first last suffix".
    private static String parsedName(JsonNode parts) throws RecordException {
        if (!parts.isArray()) {
            throw RecordException.field("authors_parsed", "expected [last, first, suffix] lists");
        }
        String last = parts.path(0).asText("");
        String first = parts.path(1).asText("");
        String suffix = parts.path(2).asText("");
        return TexText.collapseWhitespace(TexText.deaccent(first + " " + last + " " + suffix));
    }

    private static List<PaperVersion> versions(JsonNode r) throws RecordException {
        JsonNode list = r.get("versions");
        List<PaperVersion> versions = new ArrayList<>();
        if (list == null || list.isNull()) {
            return versions;
        }
        if (!list.isArray()) {
            throw RecordException.field("versions", "expected a list, found " + JsonFields.kind(list));
        }
        for (JsonNode v : list) {
            String name = v.path("version").asText("");
            if (!VERSION.matcher(name).matches()) {
                throw RecordException.field("versions", "version '" + name + "' is not v1, v2, …");
            }
            versions.add(new PaperVersion(
                    Integer.parseInt(name.substring(1)),
                    created(v.path("created").asText(""))));
        }
        versions.sort(java.util.Comparator.comparingInt(PaperVersion::number));
        return versions;
    }

    private static Instant created(String text) throws RecordException {
        if (text.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw RecordException.field("versions", "created '" + text + "' is not an RFC 1123 date");
        }
    }

    private static LocalDate day(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static List<String> spaced(String text) {
        return text == null ? List.of() : List.of(text.split("\\s+"));
    }

    private static String collapse(String text) {
        return text == null ? null : TexText.collapseWhitespace(text);
    }
}

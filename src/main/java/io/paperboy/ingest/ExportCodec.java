package io.paperboy.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperboy.listing.ListingEntry;
import io.paperboy.paper.ArtifactLink;
import io.paperboy.paper.LinkKind;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperIds;
import io.paperboy.paper.PaperVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Paperboy's own JSON-lines export: a header line {@code {"paperboy_export":1,…}}, then one line
 * per paper with every stored field and its listing entries, so export then import loses nothing.
 */
final class ExportCodec implements RecordParser {
    static final String HEADER_KEY = "paperboy_export";
    static final int FORMAT_VERSION = 1;

    private final ObjectMapper json;

    ExportCodec(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode header(Instant exportedAt) {
        return json.createObjectNode().put(HEADER_KEY, FORMAT_VERSION).put("exported_at", exportedAt.toString());
    }

    ObjectNode write(Paper p, List<ListingEntry> listings) {
        ObjectNode o = json.createObjectNode();
        o.put("id", p.id()).put("version", p.version()).put("title", p.title()).put("abstract", p.abstractText());
        strings(o.putArray("authors"), p.authors());
        strings(o.putArray("categories"), p.categories());
        o.put("published", text(p.published())).put("updated", text(p.updated()));
        o.put("comments", p.comments()).put("journal_ref", p.journalRef());
        strings(o.putArray("dois"), p.dois());
        o.put("report_no", p.reportNo()).put("license", p.license());
        ArrayNode links = o.putArray("links");
        p.links().forEach(l -> links.addObject().put("kind", l.kind().label()).put("url", l.url()));
        ArrayNode versions = o.putArray("versions");
        p.versions()
                .forEach(v -> versions.addObject()
                        .put("version", v.number())
                        .put("created", v.created() == null ? null : v.created().toString()));
        ArrayNode entries = o.putArray("listings");
        listings.forEach(e -> entries.addObject()
                .put("day", e.day().toString())
                .put("submitted_by", e.submittedBy())
                .put("upvotes", e.upvotes())
                .put("source", e.source()));
        return o;
    }

    @Override
    public ImportRecord parse(JsonNode r, long line) throws RecordException {
        String id = id(r);
        Paper paper = Paper.builder(id, JsonFields.title(r, "title"))
                .version(JsonFields.nonNegativeInt(r, "version"))
                .abstractText(r.path("abstract").asText(""))
                .authors(JsonFields.strings(r, "authors"))
                .categories(JsonFields.strings(r, "categories"))
                .published(JsonFields.date(r, "published"))
                .updated(JsonFields.date(r, "updated"))
                .comments(JsonFields.text(r, "comments"))
                .journalRef(JsonFields.text(r, "journal_ref"))
                .dois(JsonFields.strings(r, "dois"))
                .reportNo(JsonFields.text(r, "report_no"))
                .license(JsonFields.text(r, "license"))
                .links(links(r))
                .versions(versions(r))
                .build();
        return new ImportRecord(line, paper, listings(r, id));
    }

    private static String id(JsonNode r) throws RecordException {
        String raw = JsonFields.required(r, "id");
        try {
            return PaperIds.canonical(raw);
        } catch (IllegalArgumentException e) {
            throw RecordException.field("id", e.getMessage());
        }
    }

    private static List<ArtifactLink> links(JsonNode r) throws RecordException {
        List<ArtifactLink> links = new ArrayList<>();
        for (JsonNode l : r.path("links")) {
            String url = JsonFields.required(l, "url");
            try {
                links.add(new ArtifactLink(LinkKind.fromLabel(JsonFields.required(l, "kind")), url));
            } catch (IllegalArgumentException e) {
                throw RecordException.field("links", e.getMessage());
            }
        }
        return links;
    }

    private static List<PaperVersion> versions(JsonNode r) throws RecordException {
        List<PaperVersion> versions = new ArrayList<>();
        for (JsonNode v : r.path("versions")) {
            int number = JsonFields.nonNegativeInt(v, "version");
            String created = JsonFields.text(v, "created");
            try {
                versions.add(new PaperVersion(number, created == null ? null : Instant.parse(created)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw RecordException.field("versions", e.getMessage());
            }
        }
        return versions;
    }

    private static List<ListingEntry> listings(JsonNode r, String id) throws RecordException {
        List<ListingEntry> entries = new ArrayList<>();
        for (JsonNode e : r.path("listings")) {
            LocalDate day = JsonFields.date(e, "day");
            if (day == null) {
                throw RecordException.field("listings", "an entry has no day");
            }
            String source = JsonFields.text(e, "source");
            entries.add(new ListingEntry(
                    id,
                    day,
                    JsonFields.text(e, "submitted_by"),
                    JsonFields.nonNegativeInt(e, "upvotes"),
                    source == null ? "export" : source));
        }
        return entries;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}

package io.paperboy.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperboy.listing.ListingEntry;
import io.paperboy.paper.ArtifactLink;
import io.paperboy.paper.ArtifactLinks;
import io.paperboy.paper.ArxivId;
import io.paperboy.paper.LinkKind;
import io.paperboy.paper.Paper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one entry of Hugging Face's {@code /api/daily_papers} response. The day a paper was
 * featured is {@code paper.submittedOnDailyAt} (the top-level {@code publishedAt} changed
 * meaning between API generations, so it is not used); {@code paper.publishedAt} is the arXiv
 * v1 date at midnight UTC.
 */
final class HfDailyPapersParser implements RecordParser {
    static final String SOURCE = "hf";

    @Override
    public ImportRecord parse(JsonNode entry, long line) throws RecordException {
        JsonNode p = entry.has("paper") ? JsonFields.object(entry, "paper") : entry;
        ArxivId id = JsonFields.arxivId(p, "id");
        String summary = JsonFields.text(p, "summary");
        Paper paper = Paper.builder(id.id(), JsonFields.title(p, "title"))
                .version(id.version())
                .abstractText(summary == null ? "" : summary)
                .authors(authors(p))
                .published(JsonFields.instantDate(p, "publishedAt"))
                .links(links(p, summary))
                .build();
        LocalDate day = JsonFields.instantDate(p, "submittedOnDailyAt");
        List<ListingEntry> listings = day == null
                ? List.of()
                : List.of(
                        new ListingEntry(id.id(), day, submitter(p), JsonFields.nonNegativeInt(p, "upvotes"), SOURCE));
        return new ImportRecord(line, paper, listings, keywords(p));
    }

    // Hugging Face's own key phrases of the paper (ai_keywords), kept as given; blanks and repeats dropped.
    private static List<String> keywords(JsonNode p) {
        JsonNode array = p.get("ai_keywords");
        if (array == null || !array.isArray()) {
            return List.of();
        }
        java.util.LinkedHashSet<String> phrases = new java.util.LinkedHashSet<>();
        for (JsonNode k : array) {
            if (k.isTextual() && !k.asText().isBlank() && k.asText().length() <= 100) {
                phrases.add(k.asText().strip().replaceAll("\\s+", " "));
            }
        }
        return List.copyOf(phrases);
    }

    private static List<String> authors(JsonNode p) throws RecordException {
        JsonNode list = p.get("authors");
        List<String> names = new ArrayList<>();
        if (list == null || list.isNull()) {
            return names;
        }
        if (!list.isArray()) {
            throw RecordException.field("paper.authors", "expected a list, found " + JsonFields.kind(list));
        }
        for (JsonNode author : list) {
            String name = JsonFields.text(author, "name");
            if (name != null) {
                names.add(io.paperboy.paper.TexText.collapseWhitespace(name));
            }
        }
        return names;
    }

    private static String submitter(JsonNode p) throws RecordException {
        JsonNode by = p.get("submittedOnDailyBy");
        return by == null || !by.isObject() ? null : JsonFields.text(by, "name");
    }

    private static List<ArtifactLink> links(JsonNode p, String summary) throws RecordException {
        List<ArtifactLink> links = new ArrayList<>();
        String github = JsonFields.text(p, "githubRepo");
        if (github != null) {
            links.add(new ArtifactLink(ArtifactLinks.classify(github), github));
        }
        String project = JsonFields.text(p, "projectPage");
        if (project != null) {
            links.add(new ArtifactLink(LinkKind.PROJECT_PAGE, project));
        }
        for (ArtifactLink found : ArtifactLinks.extract(summary)) {
            if (links.stream().noneMatch(l -> l.url().equals(found.url()))) {
                links.add(found);
            }
        }
        return links;
    }
}

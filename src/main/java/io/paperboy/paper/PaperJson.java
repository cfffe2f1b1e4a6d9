package io.paperboy.paper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * A paper as JSON in the shape of Hugging Face's paper API ({@code id, title, summary,
 * authors[].name, publishedAt, upvotes, numComments, githubRepo, projectPage, ai_keywords}), plus the arXiv metadata
 * Paperboy keeps beside it. Every API that shows a paper uses this one rendering.
 */
public final class PaperJson {
    private final ObjectMapper json;
    private final Function<String, List<String>> keywords;

    /** Papers without key phrases ({@code ai_keywords} is empty). */
    public PaperJson(ObjectMapper json) {
        this(json, id -> List.of());
    }

    /** {@code keywords} gives a paper's key phrases by id (from the keyword feature), as {@code ai_keywords}. */
    public PaperJson(ObjectMapper json, Function<String, List<String>> keywords) {
        this.json = json;
        this.keywords = keywords;
    }

    /** {@code comments} counts the visible comments (neither hidden nor deleted), as {@code numComments}. */
    public ObjectNode write(Paper p, int upvotes, int comments) {
        ObjectNode o = json.createObjectNode();
        o.put("id", p.id()).put("title", p.title()).put("summary", p.abstractText());
        ArrayNode authors = o.putArray("authors");
        p.authors().forEach(name -> authors.addObject().put("name", name));
        o.put("publishedAt", p.published() == null ? null : p.published() + "T00:00:00.000Z");
        o.put("upvotes", upvotes);
        o.put("numComments", comments);
        o.put("githubRepo", firstUrl(p, LinkKind.GITHUB));
        o.put("projectPage", firstUrl(p, LinkKind.PROJECT_PAGE));
        ArrayNode phrases = o.putArray("ai_keywords");
        keywords.apply(p.id()).forEach(phrases::add);
        o.put("version", p.version());
        ArrayNode categories = o.putArray("categories");
        p.categories().forEach(categories::add);
        o.put("updatedAt", p.updated() == null ? null : p.updated().toString());
        o.put("comments", p.comments()).put("journalRef", p.journalRef());
        ArrayNode dois = o.putArray("dois");
        p.dois().forEach(dois::add);
        o.put("license", p.license());
        ArrayNode links = o.putArray("links");
        p.links().forEach(l -> links.addObject().put("kind", l.kind().label()).put("url", l.url()));
        if (p.isArxiv()) {
            o.put("arxivUrl", PaperLinks.abs(p)).put("pdfUrl", PaperLinks.pdf(p));
        }
        return o;
    }

    private static String firstUrl(Paper p, LinkKind kind) {
        return p.links().stream().filter(l -> l.kind() == kind).map(ArtifactLink::url).findFirst().orElse(null);
    }
}

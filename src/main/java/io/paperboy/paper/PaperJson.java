package io.paperboy.paper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A paper as JSON in the shape of Hugging Face's paper API ({@code id, title, summary,
 * authors[].name, publishedAt, upvotes, numComments, githubRepo, githubStars, projectPage, ai_keywords,
 * linkedModels, numTotalModels, linkedDatasets, numTotalDatasets, linkedSpaces, numTotalSpaces}), plus the
 * arXiv metadata Paperboy keeps beside it. Every API that shows a paper uses this one rendering.
 */
public final class PaperJson {
    private final ObjectMapper json;
    private final PaperExtras.Source extras;

    /** Papers without extras ({@code ai_keywords} is empty, no stars, nothing linked). */
    public PaperJson(ObjectMapper json) {
        this(json, PaperExtras.Source.EMPTY);
    }

    /** {@code extras} gives papers' key phrases, stars and Hub links by id (from other features). */
    public PaperJson(ObjectMapper json, PaperExtras.Source extras) {
        this.json = json;
        this.extras = extras;
    }

    /** The extras of a list's papers in one batch, for {@link #write(Paper, int, int, PaperExtras)}. */
    public java.util.Map<String, PaperExtras> extras(java.util.Collection<String> ids) {
        return extras.of(ids);
    }

    /** {@code comments} counts the visible comments (neither hidden nor deleted), as {@code numComments}. */
    public ObjectNode write(Paper p, int upvotes, int comments) {
        return write(p, upvotes, comments, extras.of(p.id()));
    }

    /** The same with extras already read (a list reads them for all its papers at once). */
    public ObjectNode write(Paper p, int upvotes, int comments, PaperExtras extra) {
        ObjectNode o = json.createObjectNode();
        o.put("id", p.id()).put("title", p.title()).put("summary", p.abstractText());
        ArrayNode authors = o.putArray("authors");
        p.authors().forEach(name -> authors.addObject().put("name", name));
        o.put("publishedAt", p.published() == null ? null : p.published() + "T00:00:00.000Z");
        o.put("upvotes", upvotes);
        o.put("numComments", comments);
        o.put("githubRepo", firstUrl(p, LinkKind.GITHUB));
        o.put("githubStars", extra.githubStars());
        o.put("projectPage", firstUrl(p, LinkKind.PROJECT_PAGE));
        ArrayNode phrases = o.putArray("ai_keywords");
        extra.keywords().forEach(phrases::add);
        PaperExtras.HubLinks hub = extra.hub();
        linked(o, "Models", hub == null ? null : hub.models());
        linked(o, "Datasets", hub == null ? null : hub.datasets());
        linked(o, "Spaces", hub == null ? null : hub.spaces());
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

    // As the Hub's paper API: linkedModels [{id, likes, downloads}] and numTotalModels; 0 and [] until fetched.
    private static void linked(ObjectNode o, String kind, PaperExtras.Linked linked) {
        PaperExtras.Linked shown = linked == null ? PaperExtras.Linked.NONE : linked;
        ArrayNode items = o.putArray("linked" + kind);
        for (PaperExtras.Item item : shown.top()) {
            ObjectNode i = items.addObject().put("id", item.id()).put("likes", item.likes());
            if (item.downloads() != null) {
                i.put("downloads", item.downloads());
            }
        }
        o.put("numTotal" + kind, shown.total());
    }

    private static String firstUrl(Paper p, LinkKind kind) {
        return p.links().stream().filter(l -> l.kind() == kind).map(ArtifactLink::url).findFirst().orElse(null);
    }
}

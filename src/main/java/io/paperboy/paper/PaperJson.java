package io.paperboy.paper;

import java.util.List;

/**
 * A paper as the API shows it ({@link ApiPaper}), in the shape of Hugging Face's paper API ({@code id, title, summary,
 * authors[].name, publishedAt, upvotes, numComments, githubRepo, githubStars, projectPage, ai_keywords,
 * linkedModels, numTotalModels, linkedDatasets, numTotalDatasets, linkedSpaces, numTotalSpaces}), plus the
 * arXiv metadata Paperboy keeps beside it. Every API that shows a paper uses this one rendering.
 */
public final class PaperJson {
    private final PaperExtras.Source extras;

    /** Papers without extras ({@code ai_keywords} is empty, no stars, nothing linked). */
    public PaperJson() {
        this(PaperExtras.Source.EMPTY);
    }

    /** {@code extras} gives papers' key phrases, stars and Hub links by id (from other features). */
    public PaperJson(PaperExtras.Source extras) {
        this.extras = extras;
    }

    /** The extras of a list's papers in one batch, for {@link #write(Paper, int, int, PaperExtras)}. */
    public java.util.Map<String, PaperExtras> extras(java.util.Collection<String> ids) {
        return extras.of(ids);
    }

    /** {@code comments} counts the visible comments (neither hidden nor deleted), as {@code numComments}. */
    public ApiPaper write(Paper p, int upvotes, int comments) {
        return write(p, upvotes, comments, extras.of(p.id()));
    }

    /** The same with extras already read (a list reads them for all its papers at once). */
    public static ApiPaper write(Paper p, int upvotes, int comments, PaperExtras extra) {
        PaperExtras.HubLinks hub = extra.hub();
        PaperExtras.Linked models = linked(hub == null ? null : hub.models());
        PaperExtras.Linked datasets = linked(hub == null ? null : hub.datasets());
        PaperExtras.Linked spaces = linked(hub == null ? null : hub.spaces());
        return new ApiPaper(
                p.id(),
                p.title(),
                p.abstractText(),
                p.authors().stream().map(ApiPaper.Person::new).toList(),
                p.published() == null ? null : p.published() + "T00:00:00.000Z",
                upvotes,
                comments,
                firstUrl(p, LinkKind.GITHUB),
                extra.githubStars(),
                firstUrl(p, LinkKind.PROJECT_PAGE),
                extra.keywords(),
                items(models),
                models.total(),
                items(datasets),
                datasets.total(),
                items(spaces),
                spaces.total(),
                p.version(),
                p.categories(),
                p.updated() == null ? null : p.updated().toString(),
                p.comments(),
                p.journalRef(),
                p.dois(),
                p.license(),
                p.links().stream()
                        .map(l -> new ApiPaper.Link(l.kind().label(), l.url()))
                        .toList(),
                p.isArxiv() ? PaperLinks.abs(p) : null,
                p.isArxiv() ? PaperLinks.pdf(p) : null);
    }

    // As the Hub's paper API: linkedModels [{id, likes, downloads}] and numTotalModels; 0 and [] until fetched.
    private static PaperExtras.Linked linked(PaperExtras.Linked linked) {
        return linked == null ? PaperExtras.Linked.NONE : linked;
    }

    private static List<ApiPaper.LinkedItem> items(PaperExtras.Linked linked) {
        return linked.top().stream()
                .map(i -> new ApiPaper.LinkedItem(i.id(), i.likes(), i.downloads()))
                .toList();
    }

    private static String firstUrl(Paper p, LinkKind kind) {
        return p.links().stream()
                .filter(l -> l.kind() == kind)
                .map(ArtifactLink::url)
                .findFirst()
                .orElse(null);
    }
}

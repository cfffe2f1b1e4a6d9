package io.paperboy.paper;

import java.util.Objects;

/** A URL found in or attached to a paper (code, model, dataset, project page…), with its kind. */
public record ArtifactLink(LinkKind kind, String url) {
    public ArtifactLink {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("an artifact link needs a URL");
        }
    }
}

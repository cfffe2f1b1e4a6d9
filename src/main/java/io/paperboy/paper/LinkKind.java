package io.paperboy.paper;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What an artifact link points to: code, a Hugging Face model / dataset / space, a project site, a DOI, or other. */
public enum LinkKind {
    GITHUB("github"),
    HF_MODEL("hf-model"),
    HF_DATASET("hf-dataset"),
    HF_SPACE("hf-space"),
    PROJECT_PAGE("project"),
    DOI("doi"),
    OTHER("other");

    private final String label;

    LinkKind(String label) {
        this.label = label;
    }

    /** The stable lower-case name used in storage, JSON and CSS classes. */
    public String label() {
        return label;
    }

    /** The kind with this {@link #label()}, ignoring case. */
    public static LinkKind fromLabel(String label) {
        for (LinkKind kind : values()) {
            if (kind.label.equalsIgnoreCase(label == null ? "" : label.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("link kind must be one of: "
                + Arrays.stream(values()).map(LinkKind::label).collect(Collectors.joining(", "))
                + "; got \"" + label + "\"");
    }
}

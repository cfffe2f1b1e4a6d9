package io.paperboy.ingest;

/** The input formats the importer reads, each recognised from content rather than file name. */
public enum SourceFormat {
    ARXIV_SNAPSHOT("arXiv metadata snapshot (JSON lines)"),
    HF_DAILY_PAPERS("Hugging Face daily_papers JSON"),
    PAPERBOY_EXPORT("Paperboy export (JSON lines)"),
    SEED("Paperboy seed papers (JSON lines)");

    private final String description;

    SourceFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** True for formats with one JSON record per line (the HF format is a single JSON array). */
    boolean lineOriented() {
        return this != HF_DAILY_PAPERS;
    }
}

package io.paperboy.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A research paper as the store keeps it.
 *
 * @param id canonical arXiv id without version ({@code 2306.15794}, {@code hep-th/9901001}), or a
 *     stable {@code pb-…} id for papers known without one (see {@link PaperIds})
 * @param version latest known arXiv version, 0 when the source did not say
 * @param categories arXiv categories, primary first
 * @param published date of the first version
 * @param updated date of the latest version
 * @param dois every DOI the paper carries (a journal version and an erratum, say)
 * @param changeSeq the store's change number of the last write, 0 before the paper is stored
 */
public record Paper(
        String id,
        int version,
        String title,
        String abstractText,
        List<String> authors,
        List<String> categories,
        LocalDate published,
        LocalDate updated,
        String comments,
        String journalRef,
        List<String> dois,
        String reportNo,
        String license,
        List<ArtifactLink> links,
        List<PaperVersion> versions,
        long changeSeq) {

    public Paper {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        abstractText = abstractText == null ? "" : abstractText;
        authors = List.copyOf(authors == null ? List.of() : authors);
        categories = List.copyOf(categories == null ? List.of() : categories);
        dois = List.copyOf(dois == null ? List.of() : dois);
        links = List.copyOf(links == null ? List.of() : links);
        versions = List.copyOf(versions == null ? List.of() : versions);
    }

    /** Starts a paper with only what every source has. */
    public static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    public boolean isArxiv() {
        return !PaperIds.isLocal(id);
    }

    /**
     * The best date known for the paper: its publication, else its first version's submission
     * (UTC), else its last update; empty for a record that carries none (then a feed says nothing
     * rather than 1970-01-01).
     */
    public Optional<LocalDate> knownDate() {
        if (published != null) {
            return Optional.of(published);
        }
        Optional<LocalDate> firstVersion = versions.stream()
                .map(PaperVersion::created)
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .map(i -> i.atOffset(ZoneOffset.UTC).toLocalDate());
        return firstVersion.isPresent() ? firstVersion : Optional.ofNullable(updated);
    }

    public String primaryCategory() {
        return categories.isEmpty() ? null : categories.get(0);
    }

    public Paper withChangeSeq(long seq) {
        return new Paper(
                id,
                version,
                title,
                abstractText,
                authors,
                categories,
                published,
                updated,
                comments,
                journalRef,
                dois,
                reportNo,
                license,
                links,
                versions,
                seq);
    }

    /** True when both describe the paper the same way, whatever their change numbers. */
    public boolean sameContent(Paper other) {
        return withChangeSeq(0).equals(other.withChangeSeq(0));
    }

    /** Collects a paper's fields; everything but id and title is optional. */
    public static final class Builder {
        private final String id;
        private final String title;
        private int version;
        private String abstractText = "";
        private List<String> authors = List.of();
        private List<String> categories = List.of();
        private LocalDate published;
        private LocalDate updated;
        private String comments;
        private String journalRef;
        private List<String> dois = List.of();
        private String reportNo;
        private String license;
        private List<ArtifactLink> links = List.of();
        private List<PaperVersion> versions = List.of();

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public Builder version(int v) {
            this.version = v;
            return this;
        }

        public Builder abstractText(String v) {
            this.abstractText = v;
            return this;
        }

        public Builder authors(List<String> v) {
            this.authors = v;
            return this;
        }

        public Builder categories(List<String> v) {
            this.categories = v;
            return this;
        }

        public Builder published(LocalDate v) {
            this.published = v;
            return this;
        }

        public Builder updated(LocalDate v) {
            this.updated = v;
            return this;
        }

        public Builder comments(String v) {
            this.comments = v;
            return this;
        }

        public Builder journalRef(String v) {
            this.journalRef = v;
            return this;
        }

        public Builder dois(List<String> v) {
            this.dois = v;
            return this;
        }

        public Builder reportNo(String v) {
            this.reportNo = v;
            return this;
        }

        public Builder license(String v) {
            this.license = v;
            return this;
        }

        public Builder links(List<ArtifactLink> v) {
            this.links = v;
            return this;
        }

        public Builder versions(List<PaperVersion> v) {
            this.versions = v;
            return this;
        }

        public Paper build() {
            return new Paper(
                    id,
                    version,
                    title,
                    abstractText,
                    authors,
                    categories,
                    published,
                    updated,
                    comments,
                    journalRef,
                    dois,
                    reportNo,
                    license,
                    links,
                    versions,
                    0);
        }
    }
}

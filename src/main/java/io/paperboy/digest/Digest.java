package io.paperboy.digest;

import java.util.List;

/** One subscriber's digest for one period, ready to render as mail or as the preview page. */
public record Digest(String subject, String heading, DigestPeriod period, List<DigestSection> sections) {
    public Digest {
        sections = List.copyOf(sections);
    }

    public int itemCount() {
        return sections.stream().mapToInt(s -> s.items().size()).sum();
    }
}

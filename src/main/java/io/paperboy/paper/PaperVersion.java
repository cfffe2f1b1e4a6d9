package io.paperboy.paper;

import java.time.Instant;

/** One arXiv version of a paper and when it was submitted. */
public record PaperVersion(int number, Instant created) {
    public PaperVersion {
        if (number < 1) {
            throw new IllegalArgumentException("version numbers start at 1, got " + number);
        }
    }
}

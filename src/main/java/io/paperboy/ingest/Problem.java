package io.paperboy.ingest;

import java.nio.file.Path;

/** Why one input, or one record of it, was rejected; {@code line} is 0 for the whole file. */
public record Problem(Path file, long line, String reason) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}

package io.paperboy.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies the real sample files from test resources to a folder, as a user's files would be. */
public final class Samples {
    public static final String SNAPSHOT = "/samples/arxiv-metadata-oai-snapshot.sample.jsonl";
    public static final String HF_DAILY = "/samples/daily_papers-2026-06-12.json";
    public static final String SEED = "/demo/papers.jsonl";

    private Samples() {}

    public static Path copy(String resource, Path dir) throws IOException {
        Path target = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (InputStream in = Samples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}

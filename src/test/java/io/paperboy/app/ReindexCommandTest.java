package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.search.SearchIndex;
import io.paperboy.testing.Samples;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReindexCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void reindex_hasHelp() {
        assertThat(Main.run("reindex", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: paperboy reindex").contains("--data");
    }

    @Test
    void reindex_rebuildsTheIndexFromTheStore() throws Exception {
        Path data = dir.resolve("data");
        assertThat(Main.run("import", "--data", data.toString(), Samples.copy(Samples.SEED, dir).toString())).isZero();

        assertThat(Main.run("reindex", "--data", data.toString())).isZero();

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("indexed 114 papers up to change 114");
        try (SearchIndex index = SearchIndex.open(data.resolve("index"))) {
            assertThat(index.size()).isEqualTo(114);
            assertThat(index.appliedSeq()).isEqualTo(114);
        }
    }

    @Test
    void reindex_whileAServerHoldsTheIndex_failsWithOneClearLine() throws Exception {
        Path data = dir.resolve("data");
        assertThat(Main.run("import", "--data", data.toString(), Samples.copy(Samples.SEED, dir).toString())).isZero();

        try (SearchIndex held = SearchIndex.open(data.resolve("index"))) {
            assertThat(Main.run("reindex", "--data", data.toString())).isEqualTo(1);
        }

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("paperboy reindex: search index ")
                .contains("is in use by another Paperboy process (stop the server first)");
    }
}

package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.search.SearchIndex;
import io.paperboy.testing.Console;
import io.paperboy.testing.Samples;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

final class ReindexCommandTest {
    @RegisterExtension
    final Console console = new Console();

    @TempDir
    Path dir;

    @Test
    void reindex_hasHelp() {
        assertThat(Main.run("reindex", "--help")).isZero();
        assertThat(console.out()).contains("Usage: paperboy reindex").contains("--data");
    }

    @Test
    void reindex_rebuildsTheIndexFromTheStore() throws Exception {
        Path data = dir.resolve("data");
        assertThat(Main.run(
                        "import",
                        "--data",
                        data.toString(),
                        Samples.copy(Samples.SEED, dir).toString()))
                .isZero();

        assertThat(Main.run("reindex", "--data", data.toString())).isZero();

        assertThat(console.err()).contains("indexed 114 papers up to change 114");
        try (SearchIndex index = SearchIndex.open(data.resolve("index"))) {
            assertThat(index.size()).isEqualTo(114);
            assertThat(index.appliedSeq()).isEqualTo(114);
        }
    }

    @Test
    void reindex_whileAServerHoldsTheIndex_failsWithOneClearLine() throws Exception {
        Path data = dir.resolve("data");
        assertThat(Main.run(
                        "import",
                        "--data",
                        data.toString(),
                        Samples.copy(Samples.SEED, dir).toString()))
                .isZero();

        try (SearchIndex held = SearchIndex.open(data.resolve("index"))) {
            assertThat(Main.run("reindex", "--data", data.toString())).isEqualTo(1);
        }

        assertThat(console.err())
                .contains("paperboy reindex: search index ")
                .contains("is in use by another Paperboy process (stop the server first)");
    }
}

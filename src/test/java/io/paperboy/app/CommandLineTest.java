package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.Console;
import io.paperboy.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class CommandLineTest {
    @RegisterExtension
    final Console console = new Console();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"serve", "import", "export"})
    void everyCommand_hasHelp(String command) {
        assertThat(Main.run(command, "--help")).isZero();
        assertThat(console.out()).contains("Usage: paperboy " + command).contains("--data");
    }

    @Test
    void import_thenExport_writesEveryPaper() throws Exception {
        Path seed = Samples.copy(Samples.SEED, dir);
        Path data = dir.resolve("data");
        Path export = dir.resolve("out.jsonl.gz");

        assertThat(Main.run("import", "--data", data.toString(), seed.toString()))
                .isZero();
        assertThat(Main.run("export", "--data", data.toString(), export.toString()))
                .isZero();

        assertThat(Files.exists(data.resolve("paperboy.db"))).isTrue();
        assertThat(console.err()).contains("114 new papers").contains("exported 114 papers");
        assertThat(Main.run("import", "--data", dir.resolve("copy").toString(), export.toString()))
                .isZero();
    }

    @Test
    void import_ofAMissingFile_failsWithTheFileAndReason() {
        Path missing = dir.resolve("nope.jsonl");

        int code = Main.run("import", "--data", dir.resolve("data").toString(), missing.toString());

        assertThat(code).isEqualTo(1);
        assertThat(console.err()).contains(missing + ": no such file");
    }

    @Test
    void unsupportedDatabaseUrl_failsWithOneClearLine() {
        int code = Main.run("export", "--db", "jdbc:mysql://localhost/x");

        assertThat(code).isEqualTo(1);
        assertThat(console.err().strip())
                .isEqualTo("paperboy export: unsupported database URL 'jdbc:mysql://localhost/x': "
                        + "use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
    }
}

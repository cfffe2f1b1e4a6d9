package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.Console;
import io.paperboy.testing.EmbeddedPostgres;
import io.paperboy.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every option also from PAPERBOY_… variables; passwords only from the environment or a file, never echoed. */
final class EnvironmentOptionsTest {
    @RegisterExtension
    final Console console = new Console();

    private static final String SECRET = "s3cret-Pa55word";

    @TempDir
    Path dir;

    @Test
    void anOptionGivenOnlyByTheEnvironment_takesEffect() throws Exception {
        Path data = dir.resolve("from-env");

        int exit = Main.run(
                Map.of("PAPERBOY_DATA", data.toString()),
                "import",
                Samples.copy(Samples.SEED, dir).toString());

        assertThat(exit).as(console.err()).isZero();
        assertThat(Files.exists(data.resolve("paperboy.db")))
                .as("the store went where PAPERBOY_DATA said")
                .isTrue();
    }

    @Test
    void theCommandLine_winsOverTheEnvironment_andPoolSizeComesFromEither() {
        ServeCommand serve = parse(
                Map.of("PAPERBOY_PORT", "9999", "PAPERBOY_DB_POOL_SIZE", "3", "PAPERBOY_HARVEST_SET", "cs,math"),
                "--port",
                "8123");

        assertThat(serve.port).isEqualTo(8123);
        assertThat(serve.store.access().poolSize()).isEqualTo(3);
        assertThat(serve.harvestSets).containsExactly("cs", "math");
        assertThat(parse(Map.of(), "--db-pool-size", "25").store.access().poolSize())
                .isEqualTo(25);
        assertThat(parse(Map.of()).store.access().poolSize())
                .as("unset: the default, 10")
                .isNull();
    }

    @Test
    void passwords_comeFromTheEnvironmentOrAFile_andNeverShow() throws Exception {
        Path file = Files.writeString(dir.resolve("db-password"), "from-a-file\n");

        assertThat(parse(Map.of("PAPERBOY_DB_PASSWORD", SECRET)).store.access().password())
                .isEqualTo(SECRET);
        assertThat(parse(Map.of("PAPERBOY_DB_PASSWORD", SECRET), "--db-password-file", file.toString())
                        .store
                        .access()
                        .password())
                .isEqualTo("from-a-file");
        assertThat(parse(Map.of("PAPERBOY_DB_PASSWORD", SECRET)).store.access().toString())
                .doesNotContain(SECRET);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new CommandLine(new Main()).parseArgs("serve", "--db-password", "x"))
                .as("no option takes a password on the command line")
                .hasMessageContaining("Unknown option");
    }

    @Test
    void aRunOnPostgresqlWithAPassword_andHelp_neverEchoTheSecrets() throws Exception {
        Map<String, String> env = Map.of(
                "PAPERBOY_DB",
                EmbeddedPostgres.shared().createDatabase("envpw"),
                "PAPERBOY_DB_PASSWORD",
                SECRET,
                "PAPERBOY_SMTP_PASSWORD",
                SECRET,
                "PAPERBOY_DB_POOL_SIZE",
                "2");

        assertThat(Main.run(env, "import", Samples.copy(Samples.SEED, dir).toString()))
                .isZero();
        assertThat(Main.run(env, "serve", "--help")).isZero();

        String printed = console.out() + console.err();
        assertThat(printed).contains("114 new papers").doesNotContain(SECRET);
        // --help names each option's variable.
        assertThat(printed)
                .containsPattern("PAPERBOY_DB_POOL_SIZE +--db-pool-size")
                .containsPattern("PAPERBOY_DRAIN_TIMEOUT +--drain-timeout")
                .contains("PAPERBOY_SMTP_PASSWORD");
    }

    @Test
    void aPasswordInAUrlOnTheCommandLine_isRefused_forEveryCommandThatTakesOne() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:1/site?user=pb&password=" + SECRET;
        Path backup = dir.resolve("site.backup.gz");

        int viaDb = Main.run(Map.of(), "backup", "--db", url, backup.toString());
        int viaTo = Main.run(Map.of(), "migrate", "--data", dir.toString(), "--to", url);
        int viaRestore = Main.run(Map.of(), "restore", "--db", url, backup.toString());

        String printed = console.err();
        assertThat(viaDb).isNotZero();
        assertThat(viaTo).isNotZero();
        assertThat(viaRestore).isNotZero();
        assertThat(printed)
                .contains(
                        "--db: the URL holds a password",
                        "give it as PAPERBOY_DB_PASSWORD or --db-password-file",
                        "--to: the URL holds a password",
                        "PAPERBOY_TO_PASSWORD or --to-password-file")
                .doesNotContain(SECRET);
        assertThat(Files.exists(backup)).isFalse();
    }

    @Test
    void backupAndMigrate_onPostgresql_takeThePasswordsFromTheEnvironment_andNeverShowThem() throws Exception {
        String source = EmbeddedPostgres.shared().createDatabase("envbackup");
        String target = EmbeddedPostgres.shared().createDatabase("envmigrate");
        Map<String, String> env =
                Map.of("PAPERBOY_DB", source, "PAPERBOY_DB_PASSWORD", SECRET, "PAPERBOY_TO_PASSWORD", SECRET);
        Path backup = dir.resolve("site.backup.gz");

        assertThat(Main.run(env, "import", Samples.copy(Samples.SEED, dir).toString()))
                .isZero();
        assertThat(Main.run(env, "backup", backup.toString())).as(console.err()).isZero();
        assertThat(Main.run(env, "migrate", "--to", target)).as(console.err()).isZero();

        assertThat(Files.size(backup)).isPositive();
        String printed = console.out() + console.err();
        assertThat(printed).contains("backed up", "copied").doesNotContain(SECRET);
    }

    @Test
    void helpShowsNoPasswordInAnyUrl_andNamesWhereThePasswordGoes() {
        for (String command : java.util.List.of("serve", "backup", "restore", "migrate", "import")) {
            assertThat(Main.run(Map.of(), command, "--help")).isZero();
        }

        String help = console.out();
        assertThat(help)
                .doesNotContain("password=…", "password=...")
                .contains(
                        "PAPERBOY_DB_PASSWORD",
                        "PAPERBOY_TO_PASSWORD",
                        "--to-password-file",
                        "--github-token-file",
                        "--db-statement-timeout");
    }

    @Test
    void theGithubToken_comesFromAFileOrTheEnvironment_neverFromAnOption() throws Exception {
        Path file = Files.writeString(dir.resolve("github-token"), "from-a-file\n");

        assertThat(parse(Map.of("GITHUB_TOKEN", "plain")).githubToken()).isEqualTo("plain");
        assertThat(parse(Map.of("GITHUB_TOKEN", "plain", "PAPERBOY_GITHUB_TOKEN", "ours"))
                        .githubToken())
                .isEqualTo("ours");
        assertThat(parse(Map.of("PAPERBOY_GITHUB_TOKEN", "ours"), "--github-token-file", file.toString())
                        .githubToken())
                .isEqualTo("from-a-file");
        assertThat(parse(Map.of()).githubToken()).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(Map.of(), "--github-token", "x"))
                .hasMessageContaining("Unknown option");
    }

    @Test
    void theStatementTimeout_isThirtySecondsForServe_noneForTheLongCommands_andReadsUnits() {
        assertThat(parse(Map.of()).store.access().statementTimeoutOrDefault())
                .isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(parse(Map.of("PAPERBOY_DB_STATEMENT_TIMEOUT", "2min"))
                        .store
                        .access()
                        .statementTimeout())
                .isEqualTo(java.time.Duration.ofMinutes(2));
        assertThat(parse(Map.of(), "--db-statement-timeout", "0").store.access().statementTimeout())
                .isZero();
        CommandLine backup = new CommandLine(new Main());
        backup.setDefaultValueProvider(new EnvironmentDefaults(Map.of()));
        CommandLine.ParseResult parsed = backup.parseArgs("backup", "x.gz");
        assertThat(((BackupCommand) parsed.subcommand().commandSpec().userObject())
                        .store
                        .access()
                        .statementTimeoutOrDefault())
                .isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(Map.of(), "--db-statement-timeout", "30"))
                .hasMessageContaining("is not a duration: give a number with a unit");
    }

    private static ServeCommand parse(Map<String, String> env, String... args) {
        CommandLine cli = new CommandLine(new ServeCommand());
        cli.setDefaultValueProvider(new EnvironmentDefaults(env));
        cli.parseArgs(args);
        return cli.getCommand();
    }
}

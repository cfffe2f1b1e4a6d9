package io.paperboy.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code paperboy} command line: serve, import, export, harvest, reindex, user, digest,
 * backup, restore, migrate, routes. */
@Command(
        name = "paperboy",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "A self-hostable daily papers platform.",
        subcommands = {
            ServeCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            HarvestCommand.class,
            ReindexCommand.class,
            UserCommand.class,
            DigestCommand.class,
            WebhooksCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            MigrateCommand.class,
            RoutesCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests and benchmarks). */
    public static int run(String... args) {
        return run(System.getenv(), args);
    }

    /** The same with {@code env} for the environment ({@code PAPERBOY_…} options and secrets), for tests. */
    static int run(java.util.Map<String, String> env, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setDefaultValueProvider(new EnvironmentDefaults(env));
        EnvironmentDefaults.describe(cli);
        return cli.execute(args);
    }

    /** Prints the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"paperboy " + (version == null ? "(development build)" : version)};
        }
    }
}

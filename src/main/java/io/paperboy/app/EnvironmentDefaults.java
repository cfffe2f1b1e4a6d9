package io.paperboy.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option's default from the environment, through picocli's own default-provider hook:
 * {@code --db-pool-size} reads {@code PAPERBOY_DB_POOL_SIZE}, the same rule for every option of
 * every command (a value on the command line still wins). Repeatable options take a
 * comma-separated list. Secrets have no option at all, so they never show on a command line:
 * {@code PAPERBOY_DB_PASSWORD} and {@code PAPERBOY_SMTP_PASSWORD}, or a file named by
 * {@code --db-password-file} / {@code --smtp-password-file}.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {
    static final String PREFIX = "PAPERBOY_";

    private final Map<String, String> env;

    EnvironmentDefaults(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** {@code --db-pool-size} → {@code PAPERBOY_DB_POOL_SIZE}. */
    static String variable(OptionSpec option) {
        return PREFIX
                + option.longestName().replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String value = env.get(variable(option));
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * A secret: the variable {@code name}, else the first line of {@code file} (null: none given);
     * the file's content is never echoed, only its path in an error.
     */
    String secret(String name, Path file) {
        if (file != null) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8)
                        .lines()
                        .findFirst()
                        .orElse("");
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the password file " + file + ": " + e.getMessage(), e);
            }
        }
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Lists each option's variable under the command's usage, for {@code --help}; then its subcommands'. */
    static void describe(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        List<String> lines = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!option.usageHelp() && !option.versionHelp()) {
                lines.add(String.format(Locale.ROOT, "  %-28s %s", variable(option), option.longestName()));
            }
        }
        if (!lines.isEmpty()) {
            List<String> footer = new ArrayList<>(List.of(spec.usageMessage().footer()));
            footer.add("%nEvery option can also be set in the environment (the command line wins):");
            footer.addAll(lines);
            spec.usageMessage().footer(footer.toArray(String[]::new));
        }
        command.getSubcommands().values().forEach(EnvironmentDefaults::describe);
    }
}

package io.paperboy.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.flywaydb.core.api.resolver.MigrationResolver;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.resolver.ResolvedMigrationImpl;
import org.flywaydb.core.internal.resolver.sql.SqlMigrationResolver;

/**
 * Flyway's own SQL migrations, each checksummed over the SQL it runs on this store: its text with
 * the placeholders replaced, as Flyway already does for repeatable migrations (for versioned ones
 * Flyway checksums the text as written). See {@link Migrations} for why.
 *
 * <p>The checksum is Flyway's: a CRC32 over the UTF-8 bytes of each line without its line end,
 * a byte order mark left out. {@code MigrationTreeTest} checks it against the checksums Flyway
 * wrote into stores made by the two trees.
 */
final class RunSqlChecksums implements MigrationResolver {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    @Override
    public Collection<ResolvedMigration> resolveMigrations(Context context) {
        Map<String, LoadableResource> scripts = new HashMap<>();
        for (LoadableResource script : context.resourceProvider.getResources(
                context.configuration.getSqlMigrationPrefix(), context.configuration.getSqlMigrationSuffixes())) {
            scripts.put(script.getRelativePath(), script);
        }
        Map<String, String> placeholders = context.configuration.getPlaceholders();
        // The resolver Flyway uses when skipDefaultResolvers is off, parsing and running each script as usual.
        SqlMigrationResolver flyways = new SqlMigrationResolver(
                context.resourceProvider,
                context.sqlScriptExecutorFactory,
                context.sqlScriptFactory,
                context.configuration,
                new ParsingContext());
        List<ResolvedMigration> migrations = new ArrayList<>();
        for (ResolvedMigration m : flyways.resolveMigrations(context)) {
            if (!m.isVersioned()) {
                migrations.add(m);
                continue;
            }
            LoadableResource script = scripts.get(m.getScript());
            if (script == null) {
                throw new IllegalStateException(
                        "migration " + m.getVersion() + ": its script " + m.getScript() + " was not found");
            }
            migrations.add(new ResolvedMigrationImpl(
                    m.getVersion(),
                    m.getDescription(),
                    m.getScript(),
                    checksum(m.getScript(), read(script), placeholders),
                    null,
                    m.getType(),
                    m.getPhysicalLocation(),
                    m.getExecutor()));
        }
        return migrations;
    }

    /** The checksum of {@code text} with its placeholders replaced; an unknown placeholder is an error. */
    static int checksum(String script, String text, Map<String, String> placeholders) {
        CRC32 crc = new CRC32();
        for (String line : text.split("\r\n|\r|\n", -1)) {
            if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            crc.update(replace(script, line, placeholders).getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }

    private static String replace(String script, String line, Map<String, String> placeholders) {
        Matcher m = PLACEHOLDER.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = placeholders.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(script + " uses the placeholder ${" + m.group(1)
                        + "}, which has no value (see io.paperboy.db.Migrations.placeholders)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static String read(LoadableResource script) {
        try (Reader in = new BufferedReader(script.read())) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script.getRelativePath(), e);
        }
    }
}

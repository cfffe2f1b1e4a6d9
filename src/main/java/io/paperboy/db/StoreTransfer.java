package io.paperboy.db;

import java.nio.file.Path;
import java.util.Map;

/** Backup, restore and migrate: a store's whole content to a file, from a file, or to another store. */
public final class StoreTransfer {
    private StoreTransfer() {}

    /** What a transfer carried: the schema version and each table's rows and checksum. */
    public record Report(String schemaVersion, Map<String, StoreCopy.TableSummary> tables) {
        public long rows() {
            return tables.values().stream()
                    .mapToLong(StoreCopy.TableSummary::rows)
                    .sum();
        }
    }

    /** Writes a consistent snapshot of the store at {@code jdbcUrl} to {@code file}; the store may be serving. */
    public static Report backup(String jdbcUrl, Path file) throws Exception {
        return backup(jdbcUrl, null, file);
    }

    /** The same with the store's {@code password} (null: the URL's or none), kept out of the URL. */
    public static Report backup(String jdbcUrl, String password, Path file) throws Exception {
        try (BackupFile.Writer writer = BackupFile.writer(file)) {
            var version = new String[1];
            Map<String, StoreCopy.TableSummary> tables =
                    StoreSnapshot.read(jdbcUrl, password, new Recording(writer, version));
            return new Report(version[0], tables);
        }
    }

    /** Fills the empty store at {@code jdbcUrl} from {@code file}, checks every table, upgrades it to the newest schema. */
    public static Report restore(Path file, String jdbcUrl) throws Exception {
        return restore(file, jdbcUrl, null);
    }

    /** The same with the target's {@code password} (null: the URL's or none). */
    public static Report restore(Path file, String jdbcUrl, String password) throws Exception {
        StoreLoader loader = new StoreLoader(jdbcUrl, password);
        try {
            StoreCopy.Header header = BackupFile.read(file, loader);
            return new Report(header.schemaVersion(), loader.loaded());
        } catch (Exception | Error e) {
            loader.abandon();
            throw e;
        }
    }

    /** Copies the store at {@code fromUrl} into the empty store at {@code toUrl}, checking every table. */
    public static Report migrate(String fromUrl, String toUrl) throws Exception {
        return migrate(fromUrl, null, toUrl, null);
    }

    /** The same with each store's password (null: the URL's or none). */
    public static Report migrate(String fromUrl, String fromPassword, String toUrl, String toPassword)
            throws Exception {
        if (fromUrl.equals(toUrl)) {
            throw new IllegalArgumentException("migrate: --to names the store being copied ("
                    + StoreSnapshot.describe(toUrl) + "); name a new, empty one");
        }
        StoreLoader loader = new StoreLoader(toUrl, toPassword);
        try {
            var version = new String[1];
            Map<String, StoreCopy.TableSummary> source =
                    StoreSnapshot.read(fromUrl, fromPassword, new Recording(loader, version));
            if (!source.equals(loader.loaded())) {
                throw new IllegalStateException(
                        "migrate: the copy differs from its source: " + loader.loaded() + " against " + source);
            }
            return new Report(version[0], source);
        } catch (Exception | Error e) {
            loader.abandon();
            throw e;
        }
    }

    /** Passes events on, noting the schema version from the header. */
    private record Recording(StoreCopy.Sink next, String[] version) implements StoreCopy.Sink {
        @Override
        public void start(StoreCopy.Header header) throws Exception {
            version[0] = header.schemaVersion();
            next.start(header);
        }

        @Override
        public void table(StoreCopy.TableStart table) throws Exception {
            next.table(table);
        }

        @Override
        public void row(java.util.List<Object> values) throws Exception {
            next.row(values);
        }

        @Override
        public void endTable(String table, StoreCopy.TableSummary summary) throws Exception {
            next.endTable(table, summary);
        }

        @Override
        public void sequences(Map<String, Long> lastIssued) throws Exception {
            next.sequences(lastIssued);
        }

        @Override
        public void finish() throws Exception {
            next.finish();
        }
    }
}

package io.paperboy.db;

import java.util.List;
import java.util.Map;

/**
 * A whole store's content as a stream of events, from a snapshot ({@link StoreSnapshot}) or a
 * backup file ({@link BackupFile}) to a backup file or a store ({@link StoreLoader}).
 */
public final class StoreCopy {
    private StoreCopy() {}

    /** What the content is: the schema version its tables have, where it came from and when. */
    public record Header(String schemaVersion, String sourceDialect, String takenAt) {}

    /** A table's column names, in the order of each row's values. */
    public record TableStart(String name, List<String> columns) {}

    /** How many rows a table had and their {@link TableDigest} checksum. */
    public record TableSummary(long rows, String checksum) {}

    /** Receives a store's content: header, then per table its start, rows and summary, then sequences. */
    public interface Sink {
        void start(Header header) throws Exception;

        void table(TableStart table) throws Exception;

        void row(List<Object> values) throws Exception;

        void endTable(String table, TableSummary summary) throws Exception;

        /** The last id each table's id generator handed out (SQLite's AUTOINCREMENT, PostgreSQL's sequences). */
        void sequences(Map<String, Long> lastIssued) throws Exception;

        void finish() throws Exception;
    }
}

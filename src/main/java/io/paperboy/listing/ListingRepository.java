package io.paperboy.listing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for the listings table. */
final class ListingRepository {
    private static final String COLUMNS = "paper_id, day, submitted_by, upvotes, source, featured_version, earlier_day";

    private static final String UPSERT = "INSERT INTO listings (" + COLUMNS + ", change_seq, created_at) "
            + "VALUES (:paper_id, :day, :submitted_by, :upvotes, :source, :featured_version, :earlier_day, :change_seq, :now) "
            + "ON CONFLICT (paper_id, day) DO UPDATE SET submitted_by = excluded.submitted_by, "
            + "upvotes = excluded.upvotes, featured_version = excluded.featured_version, "
            + "earlier_day = excluded.earlier_day, change_seq = excluded.change_seq";

    // A submission never replaces an entry: the first one stored for the paper and day keeps it.
    private static final String INSERT_IF_ABSENT = "INSERT INTO listings (" + COLUMNS + ", change_seq, created_at) "
            + "VALUES (:paper_id, :day, :submitted_by, :upvotes, :source, :featured_version, :earlier_day, :change_seq, :now) "
            + "ON CONFLICT (paper_id, day) DO NOTHING";

    // Entries a curator unfeatured stay in the table (restorable, and a re-import keeps them
    // unfeatured) but leave every public read.
    private static final String SHOWN = "unfeatured_at IS NULL";

    Map<String, ListingEntry> findForPapers(Handle handle, Collection<String> paperIds) {
        Map<String, ListingEntry> found = new HashMap<>();
        if (paperIds.isEmpty()) {
            return found;
        }
        handle.createQuery("SELECT " + COLUMNS + " FROM listings WHERE paper_id IN (<ids>)")
                .bindList("ids", List.copyOf(paperIds))
                .map(ListingRepository::entry)
                .forEach(e -> found.put(e.key(), e));
        return found;
    }

    List<ListingEntry> forPaper(Handle handle, String paperId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM listings WHERE paper_id = :id AND " + SHOWN + " ORDER BY day")
                .bind("id", paperId)
                .map(ListingRepository::entry)
                .list();
    }

    List<ListingEntry> between(Handle handle, LocalDate first, LocalDate last) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM listings WHERE day BETWEEN :first AND :last AND " + SHOWN + " "
                        + "ORDER BY upvotes DESC, day DESC, paper_id")
                .bind("first", first.toString())
                .bind("last", last.toString())
                .map(ListingRepository::entry)
                .list();
    }

    /** The most recent entries, newest day first: what trending shows until votes exist. */
    List<ListingEntry> latest(Handle handle, int limit) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM listings WHERE " + SHOWN + " ORDER BY day DESC, upvotes DESC, paper_id LIMIT :limit")
                .bind("limit", limit)
                .map(ListingRepository::entry)
                .list();
    }

    Optional<LocalDate> latestDay(Handle handle) {
        return handle.createQuery("SELECT max(day) FROM listings WHERE " + SHOWN).mapTo(String.class).findOne().map(LocalDate::parse);
    }

    /** The nearest day before {@code day} (or after, when {@code later}) that has entries. */
    Optional<LocalDate> neighbourDay(Handle handle, LocalDate day, boolean later) {
        String sql = later ? "SELECT min(day) FROM listings WHERE day > :day AND " + SHOWN
                : "SELECT max(day) FROM listings WHERE day < :day AND " + SHOWN;
        return handle.createQuery(sql).bind("day", day.toString()).mapTo(String.class).findOne().map(LocalDate::parse);
    }

    /** How many shown entries each day from {@code first} to {@code last} has; days without any are absent. */
    Map<LocalDate, Integer> countByDay(Handle handle, LocalDate first, LocalDate last) {
        Map<LocalDate, Integer> counts = new HashMap<>();
        handle.createQuery("SELECT day, count(*) AS n FROM listings WHERE day BETWEEN :first AND :last AND " + SHOWN
                        + " GROUP BY day")
                .bind("first", first.toString())
                .bind("last", last.toString())
                .map((rs, ctx) -> Map.entry(LocalDate.parse(rs.getString("day")), rs.getInt("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Every entry of a paper, unfeatured ones too, by day; for curators. */
    List<ListingEntryState> listStatesOf(Handle handle, String paperId) {
        return handle.createQuery("SELECT " + COLUMNS + ", unfeatured_at FROM listings WHERE paper_id = :id ORDER BY day")
                .bind("id", paperId)
                .map((rs, ctx) -> new ListingEntryState(entry(rs, ctx), rs.getString("unfeatured_at") == null))
                .list();
    }

    /** Unfeatured entries, most recently unfeatured first. */
    List<ListingEntry> listUnfeatured(Handle handle, int limit) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM listings WHERE unfeatured_at IS NOT NULL "
                        + "ORDER BY unfeatured_at DESC, day DESC, paper_id LIMIT :limit")
                .bind("limit", limit)
                .map(ListingRepository::entry)
                .list();
    }

    /** The shown entries {@code submitter} put on a listing, newest day first. */
    List<ListingEntry> listSubmittedBy(Handle handle, String submitter, int limit) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM listings WHERE submitted_by = :by AND " + SHOWN
                        + " ORDER BY day DESC, paper_id LIMIT :limit")
                .bind("by", submitter)
                .bind("limit", limit)
                .map(ListingRepository::entry)
                .list();
    }

    /**
     * Takes an entry off its listing or puts it back, under change number {@code seq}; false when
     * there is no such entry or it already is so.
     */
    boolean updateFeatured(Handle handle, String paperId, LocalDate day, boolean featured, long seq) {
        var update = featured
                ? handle.createUpdate("UPDATE listings SET unfeatured_at = NULL, change_seq = :seq "
                        + "WHERE paper_id = :id AND day = :day AND unfeatured_at IS NOT NULL")
                : handle.createUpdate("UPDATE listings SET unfeatured_at = :now, change_seq = :seq "
                        + "WHERE paper_id = :id AND day = :day AND unfeatured_at IS NULL")
                        .bind("now", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        return update.bind("seq", seq).bind("id", paperId).bind("day", day.toString()).execute() == 1;
    }

    /** Imported upvotes per paper, across its shown listings, for papers that have any. */
    Map<String, Integer> importedUpvoteTotals(Handle handle) {
        Map<String, Integer> totals = new HashMap<>();
        handle.createQuery("SELECT paper_id, SUM(upvotes) AS total FROM listings WHERE " + SHOWN
                        + " GROUP BY paper_id HAVING SUM(upvotes) > 0")
                .map((rs, ctx) -> Map.entry(rs.getString("paper_id"), rs.getInt("total")))
                .forEach(e -> totals.put(e.getKey(), e.getValue()));
        return totals;
    }

    /** Imported upvotes of these papers over their shown listings; papers without any are missing. */
    Map<String, Integer> importedUpvoteTotals(Handle handle, Collection<String> paperIds) {
        Map<String, Integer> totals = new HashMap<>();
        if (paperIds.isEmpty()) {
            return totals;
        }
        handle.createQuery("SELECT paper_id, SUM(upvotes) AS total FROM listings WHERE paper_id IN (<ids>) AND " + SHOWN
                        + " GROUP BY paper_id HAVING SUM(upvotes) > 0")
                .bindList("ids", List.copyOf(paperIds))
                .map((rs, ctx) -> Map.entry(rs.getString("paper_id"), rs.getInt("total")))
                .forEach(e -> totals.put(e.getKey(), e.getValue()));
        return totals;
    }

    long count(Handle handle) {
        return handle.createQuery("SELECT count(*) FROM listings").mapTo(Long.class).one();
    }

    /** Stores {@code entry} under change number {@code seq} unless its paper and day have one; false when they had. */
    boolean insertIfAbsent(Handle handle, ListingEntry entry, long seq) {
        return bindEntry(handle.createUpdate(INSERT_IF_ABSENT), entry, seq, Instant.now().toString()).execute() == 1;
    }

    /** The entry of {@code paperId} on {@code day}, shown or not. */
    Optional<ListingEntry> find(Handle handle, String paperId, LocalDate day) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM listings WHERE paper_id = :id AND day = :day")
                .bind("id", paperId)
                .bind("day", day.toString())
                .map(ListingRepository::entry)
                .findOne();
    }

    void upsert(Handle handle, List<ListingEntry> entries, long firstSeq) {
        if (entries.isEmpty()) {
            return;
        }
        String now = Instant.now().toString();
        PreparedBatch batch = handle.prepareBatch(UPSERT);
        long seq = firstSeq;
        for (ListingEntry e : entries) {
            bindEntry(batch, e, seq++, now).add();
        }
        batch.execute();
    }

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindEntry(S statement, ListingEntry e, long seq,
            String now) {
        return statement.bind("paper_id", e.paperId())
                .bind("day", e.day().toString())
                .bind("submitted_by", e.submittedBy())
                .bind("upvotes", e.upvotes())
                .bind("source", e.source())
                .bind("featured_version", e.featuredVersion() == 0 ? null : e.featuredVersion())
                .bind("earlier_day", e.earlierDay() == null ? null : e.earlierDay().toString())
                .bind("change_seq", seq)
                .bind("now", now);
    }

    private static ListingEntry entry(ResultSet rs, StatementContext ctx) throws SQLException {
        String earlier = rs.getString("earlier_day");
        return new ListingEntry(rs.getString("paper_id"), LocalDate.parse(rs.getString("day")),
                rs.getString("submitted_by"), rs.getInt("upvotes"), rs.getString("source"),
                rs.getInt("featured_version"), earlier == null ? null : LocalDate.parse(earlier));
    }
}

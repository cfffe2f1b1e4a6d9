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
    private final java.time.Clock clock;

    /** {@code clock} stamps entries when they are made and unfeatured. */
    ListingRepository(java.time.Clock clock) {
        this.clock = clock;
    }

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

    // Entries with their paper's shown upvotes, stored by the vote feature (paper_votes.upvotes).
    private static final String COUNTED = "SELECT l.paper_id, l.day, l.submitted_by, l.upvotes, l.source, "
            + "l.featured_version, l.earlier_day, COALESCE(pv.upvotes, 0) AS total "
            + "FROM listings l LEFT JOIN paper_votes pv ON pv.paper_id = l.paper_id WHERE l.unfeatured_at IS NULL";

    /** A shown entry and its paper's upvotes as shown (imported plus members'). */
    record Counted(ListingEntry entry, int upvotes) {}

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
        return handle.createQuery(
                        "SELECT " + COLUMNS + " FROM listings WHERE paper_id = :id AND " + SHOWN + " ORDER BY day")
                .bind("id", paperId)
                .map(ListingRepository::entry)
                .list();
    }

    /** The shown entries from {@code first} to {@code last}, most upvoted paper first (ties: imported upvotes, newer day, id). */
    List<Counted> between(Handle handle, LocalDate first, LocalDate last) {
        return handle.createQuery(COUNTED + " AND l.day BETWEEN :first AND :last ORDER BY " + BY_UPVOTES)
                .bind("first", first.toString())
                .bind("last", last.toString())
                .map(ListingRepository::counted)
                .list();
    }

    /**
     * Up to {@code limit} ids of the papers with a shown entry from {@code first} to {@code last},
     * whatever their filters and page: what a listing of that period depends on.
     */
    List<String> listPaperIdsBetween(Handle handle, LocalDate first, LocalDate last, int limit) {
        return handle.createQuery("SELECT DISTINCT paper_id FROM listings WHERE " + SHOWN
                        + " AND day BETWEEN :first AND :last LIMIT :limit")
                .bind("first", first.toString())
                .bind("last", last.toString())
                .bind("limit", limit)
                .mapTo(String.class)
                .list();
    }

    private static final String BY_UPVOTES = "total DESC, l.upvotes DESC, l.day DESC, l.paper_id";

    /**
     * Up to {@code limit} shown entries of visible papers from {@code first} to {@code last} that
     * pass {@code filter} (and were submitted by {@code submitter}, unless null), skipping the first
     * {@code offset}: one page of a listing, ordered and cut in SQL. The filter reads the papers'
     * categories (space-separated) and links (JSON, whose kind GitHub marks code) as stored.
     */
    List<Counted> listPage(
            Handle handle,
            LocalDate first,
            LocalDate last,
            ListingFilter filter,
            String submitter,
            boolean newestPaperFirst,
            int offset,
            int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT l.paper_id, l.day, l.submitted_by, l.upvotes, l.source, l.featured_version, l.earlier_day,
                       COALESCE(pv.upvotes, 0) AS total
                FROM listings l
                JOIN papers p ON p.id = l.paper_id AND p.hidden_at IS NULL
                LEFT JOIN paper_votes pv ON pv.paper_id = l.paper_id
                WHERE l.unfeatured_at IS NULL AND l.day BETWEEN :first AND :last""");
        String category = filter.category() == null ? null : filter.category().toLowerCase(java.util.Locale.ROOT);
        if (category != null) {
            // An archive (no dot, e.g. cs or hep-th) matches itself and all its categories.
            sql.append(" AND (' ' || lower(p.categories) || ' ' LIKE :exact")
                    .append(category.contains(".") ? ")" : " OR ' ' || lower(p.categories) LIKE :archive)");
        }
        if (filter.hasCode()) {
            sql.append(" AND p.links LIKE '%\"kind\":\"github\"%'");
        }
        if (submitter != null) {
            sql.append(" AND l.submitted_by = :by");
        }
        sql.append(" ORDER BY ")
                .append(newestPaperFirst ? "p.published IS NULL, p.published DESC, " : "")
                .append(BY_UPVOTES)
                .append(" LIMIT :limit OFFSET :offset");
        var query = handle.createQuery(sql.toString())
                .bind("first", first.toString())
                .bind("last", last.toString())
                .bind("limit", limit)
                .bind("offset", offset);
        if (category != null) {
            query.bind("exact", "% " + category + " %");
            if (!category.contains(".")) {
                query.bind("archive", "% " + category + ".%");
            }
        }
        if (submitter != null) {
            query.bind("by", submitter);
        }
        return query.map(ListingRepository::counted).list();
    }

    /** The most recent entries, newest day first, then most upvoted: what trending shows until votes exist. */
    List<Counted> latest(Handle handle, int limit) {
        return handle.createQuery(COUNTED + " ORDER BY l.day DESC, total DESC, l.paper_id LIMIT :limit")
                .bind("limit", limit)
                .map(ListingRepository::counted)
                .list();
    }

    /** The shown entries of {@code paperIds} with their papers' upvotes. */
    List<Counted> listCountedOf(Handle handle, Collection<String> paperIds) {
        if (paperIds.isEmpty()) {
            return List.of();
        }
        return handle.createQuery(COUNTED + " AND l.paper_id IN (<ids>)")
                .bindList("ids", List.copyOf(paperIds))
                .map(ListingRepository::counted)
                .list();
    }

    Optional<LocalDate> latestDay(Handle handle) {
        return handle.createQuery("SELECT max(day) FROM listings WHERE " + SHOWN)
                .mapTo(String.class)
                .findOne()
                .map(LocalDate::parse);
    }

    /** The nearest day before {@code day} (or after, when {@code later}) that has entries. */
    Optional<LocalDate> neighbourDay(Handle handle, LocalDate day, boolean later) {
        String sql = later
                ? "SELECT min(day) FROM listings WHERE day > :day AND " + SHOWN
                : "SELECT max(day) FROM listings WHERE day < :day AND " + SHOWN;
        return handle.createQuery(sql)
                .bind("day", day.toString())
                .mapTo(String.class)
                .findOne()
                .map(LocalDate::parse);
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
        return handle.createQuery(
                        "SELECT " + COLUMNS + ", unfeatured_at FROM listings WHERE paper_id = :id ORDER BY day")
                .bind("id", paperId)
                .map((rs, ctx) -> new ListingEntryState(entry(rs, ctx), rs.getString("unfeatured_at") == null))
                .list();
    }

    /** Shown entries first stored at or after {@code from} and before {@code to}, oldest first. */
    List<ListingEntry> listStoredBetween(Handle handle, Instant from, Instant to, int limit) {
        return handle.createQuery(
                        "SELECT " + COLUMNS + " FROM listings WHERE created_at >= :from AND created_at < :to AND "
                                + SHOWN + " ORDER BY created_at, paper_id, day LIMIT :limit")
                .bind("from", io.paperboy.db.Timestamps.stamp(from))
                .bind("to", io.paperboy.db.Timestamps.stamp(to))
                .bind("limit", limit)
                .map(ListingRepository::entry)
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
                        .bind("now", clock.instant());
        return update.bind("seq", seq)
                        .bind("id", paperId)
                        .bind("day", day.toString())
                        .execute()
                == 1;
    }

    long count(Handle handle) {
        return handle.createQuery("SELECT count(*) FROM listings")
                .mapTo(Long.class)
                .one();
    }

    /** Stores {@code entry} under change number {@code seq} unless its paper and day have one; false when they had. */
    boolean insertIfAbsent(Handle handle, ListingEntry entry, long seq) {
        return bindEntry(handle.createUpdate(INSERT_IF_ABSENT), entry, seq, clock.instant())
                        .execute()
                == 1;
    }

    /** The entry of {@code paperId} on {@code day}, shown or not. */
    Optional<ListingEntry> find(Handle handle, String paperId, LocalDate day) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM listings WHERE paper_id = :id AND day = :day")
                .bind("id", paperId)
                .bind("day", day.toString())
                .map(ListingRepository::entry)
                .findOne();
    }

    void upsert(Handle handle, List<ListingEntry> entries, long[] seqs) {
        if (entries.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        PreparedBatch batch = handle.prepareBatch(UPSERT);
        for (int i = 0; i < entries.size(); i++) {
            bindEntry(batch, entries.get(i), seqs[i], now).add();
        }
        batch.execute();
    }

    private static Counted counted(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Counted(entry(rs, ctx), rs.getInt("total"));
    }

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindEntry(
            S statement, ListingEntry e, long seq, Instant now) {
        return statement
                .bind("paper_id", e.paperId())
                .bind("day", e.day().toString())
                .bind("submitted_by", e.submittedBy())
                .bind("upvotes", e.upvotes())
                .bind("source", e.source())
                .bind("featured_version", e.featuredVersion() == 0 ? null : e.featuredVersion())
                .bind(
                        "earlier_day",
                        e.earlierDay() == null ? null : e.earlierDay().toString())
                .bind("change_seq", seq)
                .bind("now", now);
    }

    private static ListingEntry entry(ResultSet rs, StatementContext ctx) throws SQLException {
        String earlier = rs.getString("earlier_day");
        return new ListingEntry(
                rs.getString("paper_id"),
                LocalDate.parse(rs.getString("day")),
                rs.getString("submitted_by"),
                rs.getInt("upvotes"),
                rs.getString("source"),
                rs.getInt("featured_version"),
                earlier == null ? null : LocalDate.parse(earlier));
    }
}

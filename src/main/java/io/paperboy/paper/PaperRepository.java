package io.paperboy.paper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for the papers table. */
final class PaperRepository {
    private static final String COLUMNS = "id, version, title, abstract, authors, categories, published, updated, "
            + "comments, journal_ref, dois, report_no, license, links, versions, change_seq";

    private static final String UPSERT = "INSERT INTO papers (" + COLUMNS + ", created_at, modified_at) VALUES ("
            + ":id, :version, :title, :abstract, :authors, :categories, :published, :updated, :comments, "
            + ":journal_ref, :dois, :report_no, :license, :links, :versions, :change_seq, :now, :now) "
            + "ON CONFLICT (id) DO UPDATE SET version = excluded.version, title = excluded.title, "
            + "abstract = excluded.abstract, authors = excluded.authors, categories = excluded.categories, "
            + "published = excluded.published, updated = excluded.updated, comments = excluded.comments, "
            + "journal_ref = excluded.journal_ref, dois = excluded.dois, report_no = excluded.report_no, "
            + "license = excluded.license, links = excluded.links, versions = excluded.versions, "
            + "change_seq = excluded.change_seq, modified_at = excluded.modified_at";

    Optional<Paper> find(Handle handle, String id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM papers WHERE id = :id")
                .bind("id", id)
                .map(PaperRepository::paper)
                .findOne();
    }

    /** The paper, hidden or not, with whether a curator hid it: one read. */
    Optional<StoredPaper> findWithHidden(Handle handle, String id) {
        return handle.createQuery("SELECT " + COLUMNS + ", hidden_at FROM papers WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new StoredPaper(paper(rs, ctx), rs.getString("hidden_at") != null))
                .findOne();
    }

    /** The paper, if the public may see it (no curator hid it). */
    Optional<Paper> findShown(Handle handle, String id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM papers WHERE id = :id AND hidden_at IS NULL")
                .bind("id", id)
                .map(PaperRepository::paper)
                .findOne();
    }

    Map<String, Paper> findAll(Handle handle, Collection<String> ids) {
        return findAll(handle, ids, "");
    }

    /** As {@link #findAll}, leaving out hidden papers. */
    Map<String, Paper> findAllShown(Handle handle, Collection<String> ids) {
        return findAll(handle, ids, " AND hidden_at IS NULL");
    }

    private Map<String, Paper> findAll(Handle handle, Collection<String> ids, String andVisibility) {
        Map<String, Paper> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        handle.createQuery("SELECT " + COLUMNS + " FROM papers WHERE id IN (<ids>)" + andVisibility)
                .bindList("ids", List.copyOf(ids))
                .map(PaperRepository::paper)
                .forEach(p -> found.put(p.id(), p));
        return found;
    }

    void upsert(Handle handle, List<Paper> papers) {
        if (papers.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        PreparedBatch batch = handle.prepareBatch(UPSERT);
        for (Paper p : papers) {
            batch.bind("id", p.id())
                    .bind("version", p.version())
                    .bind("title", p.title())
                    .bind("abstract", p.abstractText())
                    .bind("authors", PaperColumns.strings(p.authors()))
                    .bind("categories", PaperColumns.spaced(p.categories()))
                    .bind("published", text(p.published()))
                    .bind("updated", text(p.updated()))
                    .bind("comments", p.comments())
                    .bind("journal_ref", p.journalRef())
                    .bind("dois", PaperColumns.spaced(p.dois()))
                    .bind("report_no", p.reportNo())
                    .bind("license", p.license())
                    .bind("links", PaperColumns.links(p.links()))
                    .bind("versions", PaperColumns.versions(p.versions()))
                    .bind("change_seq", p.changeSeq())
                    .bind("now", now)
                    .add();
        }
        batch.execute();
    }

    /** How many papers changed after {@code seq}, counting no further than {@code cap} (an index range scan, no more). */
    long countChangedSince(Handle handle, long seq, int cap) {
        return handle.createQuery(
                        "SELECT count(*) FROM (SELECT 1 FROM papers WHERE change_seq > :seq LIMIT :cap) AS changed")
                .bind("seq", seq)
                .bind("cap", cap)
                .mapTo(Long.class)
                .one();
    }

    /** Papers whose last write has a change number above {@code seq} and at most {@code upTo}, in change order. */
    List<Paper> listChangedSince(Handle handle, long seq, long upTo, int limit) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM papers WHERE change_seq > :seq AND change_seq <= :upTo "
                        + "ORDER BY change_seq LIMIT :limit")
                .bind("seq", seq)
                .bind("upTo", upTo)
                .bind("limit", limit)
                .map(PaperRepository::paper)
                .list();
    }

    /** The ids among {@code ids} that a curator hid. */
    java.util.Set<String> listHiddenAmong(Handle handle, Collection<String> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(
                handle.createQuery("SELECT id FROM papers WHERE id IN (<ids>) AND hidden_at IS NOT NULL")
                        .bindList("ids", List.copyOf(ids))
                        .mapTo(String.class)
                        .list());
    }

    /** Hidden papers, most recently hidden first. */
    List<Paper> listHidden(Handle handle, int limit) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM papers WHERE hidden_at IS NOT NULL "
                        + "ORDER BY hidden_at DESC, id LIMIT :limit")
                .bind("limit", limit)
                .map(PaperRepository::paper)
                .list();
    }

    /**
     * Hides or shows a paper under change number {@code seq}, so followers of the change feed
     * (the search index) see it again; false when it is unknown or already in that state.
     */
    boolean updateHidden(Handle handle, String id, boolean hidden, long seq) {
        var update = hidden
                ? handle.createUpdate(
                                "UPDATE papers SET hidden_at = :now, change_seq = :seq WHERE id = :id AND hidden_at IS NULL")
                        .bind("now", Instant.now())
                : handle.createUpdate(
                        "UPDATE papers SET hidden_at = NULL, change_seq = :seq WHERE id = :id AND hidden_at IS NOT NULL");
        return update.bind("seq", seq).bind("id", id).execute() == 1;
    }

    long count(Handle handle) {
        return handle.createQuery("SELECT count(*) FROM papers")
                .mapTo(Long.class)
                .one();
    }

    /** Streams every paper in id order, without holding them all in memory. */
    void forEach(Handle handle, Consumer<Paper> action) {
        handle.createQuery("SELECT " + COLUMNS + " FROM papers ORDER BY id")
                .setFetchSize(500)
                .map(PaperRepository::paper)
                .forEach(action);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static Paper paper(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Paper(
                rs.getString("id"),
                rs.getInt("version"),
                rs.getString("title"),
                rs.getString("abstract"),
                PaperColumns.strings(rs.getString("authors")),
                PaperColumns.spaced(rs.getString("categories")),
                date(rs.getString("published")),
                date(rs.getString("updated")),
                rs.getString("comments"),
                rs.getString("journal_ref"),
                PaperColumns.spaced(rs.getString("dois")),
                rs.getString("report_no"),
                rs.getString("license"),
                PaperColumns.links(rs.getString("links")),
                PaperColumns.versions(rs.getString("versions")),
                rs.getLong("change_seq"));
    }
}

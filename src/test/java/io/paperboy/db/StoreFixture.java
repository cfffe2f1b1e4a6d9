package io.paperboy.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rows for every table of the schema (nulls, later-added columns, quotes and non-ASCII text
 * included), insertable into a store at any schema version: a table or column the store does not
 * have yet is left out. A table the migrations add must get rows here (StoreBackupTest and
 * SchemaUpgradeTest fail until it does) or be listed in {@link StoreSchema#EXCLUDED}.
 */
public final class StoreFixture {
    public static final String P1 = "fx-2501.00001";
    private static final String P2 = "fx-2501.00002";
    private static final Map<String, List<Map<String, Object>>> ROWS = new LinkedHashMap<>();

    static {
        add(
                "users",
                row(
                        "id",
                        101L,
                        "email",
                        "alice@example.org",
                        "name",
                        "alice",
                        "display_name",
                        "Alice Æbelø \"A\"",
                        "password_hash",
                        "$argon2id$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA",
                        "role",
                        "admin",
                        "verified_at",
                        "2025-01-01T00:00:00Z",
                        "created_at",
                        "2025-01-01T00:00:00Z"));
        add(
                "users",
                row(
                        "id",
                        102L,
                        "email",
                        "bob@example.org",
                        "name",
                        "bob",
                        "display_name",
                        "Bob's",
                        "password_hash",
                        "x",
                        "role",
                        "member",
                        "verified_at",
                        null,
                        "created_at",
                        "2025-01-02T00:00:00Z"));
        add(
                "users",
                row(
                        "id",
                        105L,
                        "email",
                        "carol@example.org",
                        "name",
                        "carol",
                        "display_name",
                        "卡罗尔",
                        "password_hash",
                        "y",
                        "role",
                        "curator",
                        "verified_at",
                        "2025-01-03T00:00:00Z",
                        "created_at",
                        "2025-01-03T00:00:00Z"));
        add(
                "papers",
                row(
                        "id",
                        P1,
                        "version",
                        2L,
                        "title",
                        "On $\\alpha$-things, 'quoted'",
                        "abstract",
                        "Line one.\nLine two ∑.",
                        "authors",
                        "[\"Ada Lovelace\",\"Bob Q\"]",
                        "categories",
                        "cs.LG stat.ML",
                        "published",
                        "2025-01-01",
                        "updated",
                        "2025-01-05",
                        "comments",
                        "12 pages",
                        "journal_ref",
                        "J. Things 1",
                        "dois",
                        "10.1/x",
                        "report_no",
                        "R-1",
                        "license",
                        "cc-by",
                        "links",
                        "[{\"kind\":\"code\"}]",
                        "versions",
                        "[\"v1\",\"v2\"]",
                        "change_seq",
                        1L,
                        "created_at",
                        "2025-01-01T00:00:00Z",
                        "modified_at",
                        "2025-01-05T00:00:00Z",
                        "hidden_at",
                        null));
        add(
                "papers",
                row(
                        "id",
                        P2,
                        "version",
                        0L,
                        "title",
                        "Minimal",
                        "change_seq",
                        2L,
                        "created_at",
                        "2025-01-02T00:00:00Z",
                        "modified_at",
                        "2025-01-02T00:00:00Z",
                        "hidden_at",
                        "2025-01-06T00:00:00Z"));
        add(
                "listings",
                row(
                        "paper_id",
                        P1,
                        "day",
                        "2025-01-02",
                        "submitted_by",
                        "alice",
                        "upvotes",
                        2L,
                        "source",
                        "submit",
                        "change_seq",
                        3L,
                        "created_at",
                        "2025-01-02T00:00:00Z",
                        "unfeatured_at",
                        null,
                        "featured_version",
                        2L,
                        "earlier_day",
                        null));
        add(
                "listings",
                row(
                        "paper_id",
                        P2,
                        "day",
                        "2025-01-02",
                        "submitted_by",
                        null,
                        "upvotes",
                        0L,
                        "source",
                        "import",
                        "change_seq",
                        4L,
                        "created_at",
                        "2025-01-02T00:00:00Z",
                        "unfeatured_at",
                        "2025-01-03T00:00:00Z",
                        "featured_version",
                        null,
                        "earlier_day",
                        "2024-12-30"));
        add("change_counter", row("id", 1L, "value", 4L));
        add("change_topics", row("seq", 4L, "topic", "paper:" + P1));
        add(
                "import_checkpoints",
                row(
                        "input_key",
                        "sha:abc",
                        "path",
                        "/tmp/in.jsonl",
                        "lines_done",
                        1234L,
                        "updated_at",
                        "2025-01-01T00:00:00Z",
                        "rejected",
                        2L));
        add(
                "harvest_state",
                row(
                        "endpoint",
                        "https://oai.example/oai",
                        "set_spec",
                        "cs",
                        "resumption_token",
                        "tok|1",
                        "harvest_from",
                        "2025-01-01",
                        "harvest_until",
                        null,
                        "pending_datestamp",
                        "2025-01-02",
                        "records_done",
                        77L,
                        "last_datestamp",
                        "2025-01-01",
                        "last_success_at",
                        "2025-01-01T03:00:00Z",
                        "last_error",
                        "timeout",
                        "updated_at",
                        "2025-01-02T03:00:00Z"));
        add(
                "job_runs",
                row(
                        "job",
                        "fixture-harvest",
                        "run_key",
                        "2025-01-01",
                        "node",
                        "n1",
                        "claimed_at",
                        "2025-01-01T03:00:00Z",
                        "finished_at",
                        "2025-01-01T03:10:00Z",
                        "outcome",
                        "ok: 3 papers"));
        add(
                "job_runs",
                row(
                        "job",
                        "fixture-harvest",
                        "run_key",
                        "2025-01-02",
                        "node",
                        "n2",
                        "claimed_at",
                        "2025-01-02T03:00:00Z",
                        "finished_at",
                        null,
                        "outcome",
                        null));
        add(
                "site_settings",
                row(
                        "name",
                        "harvest_sets",
                        "value",
                        "cs\nmath\nphysics:hep-th",
                        "updated_at",
                        "2025-01-01T00:00:00Z",
                        "updated_by",
                        "options of node 7@n1"));
        add(
                "site_settings",
                row(
                        "name",
                        "feature_rules",
                        "value",
                        "cat=cs.CL;keyword=retrieval|RAG\ncat=cs;author=Æbelø",
                        "updated_at",
                        "2025-01-02T00:00:00Z",
                        "updated_by",
                        "admin alice"));
        add(
                "sessions",
                row(
                        "id_hash",
                        "s1",
                        "user_id",
                        101L,
                        "created_at",
                        "2025-01-01T00:00:00Z",
                        "last_seen_at",
                        "2025-01-01T00:00:00Z",
                        "expires_at",
                        "2025-02-01T00:00:00Z"));
        add(
                "mail_tokens",
                row(
                        "token_hash",
                        "m1",
                        "user_id",
                        102L,
                        "purpose",
                        "verify",
                        "created_at",
                        "2025-01-01T00:00:00Z",
                        "expires_at",
                        "2025-01-02T00:00:00Z",
                        "used_at",
                        null));
        add(
                "api_tokens",
                row(
                        "id",
                        9003L,
                        "token_hash",
                        "t1",
                        "user_id",
                        101L,
                        "label",
                        "bot",
                        "created_at",
                        "2025-01-01T00:00:00Z",
                        "last_used_at",
                        null));
        add("site_secrets", row("name", "fixture-key", "value", "c2VjcmV0"));
        add("votes", row("user_id", 101L, "paper_id", P1, "created_at", "2025-01-02T01:00:00Z"));
        add("votes", row("user_id", 102L, "paper_id", P1, "created_at", "2025-01-02T02:00:00Z"));
        add("paper_votes", row("paper_id", P1, "votes", 2L, "upvotes", 4L));
        add(
                "comments",
                row(
                        "id",
                        9001L,
                        "paper_id",
                        P1,
                        "parent_id",
                        null,
                        "author_id",
                        101L,
                        "author_name",
                        "alice",
                        "body",
                        "**Nice** <script>x</script>",
                        "created_at",
                        "2025-01-02T01:00:00Z",
                        "edited_at",
                        null,
                        "deleted_at",
                        null,
                        "hidden_at",
                        null));
        add(
                "comments",
                row(
                        "id",
                        9002L,
                        "paper_id",
                        P1,
                        "parent_id",
                        9001L,
                        "author_id",
                        102L,
                        "author_name",
                        "bob",
                        "body",
                        "reply",
                        "created_at",
                        "2025-01-02T02:00:00Z",
                        "edited_at",
                        "2025-01-02T03:00:00Z",
                        "deleted_at",
                        null,
                        "hidden_at",
                        null));
        add(
                "comments",
                row(
                        "id",
                        9004L,
                        "paper_id",
                        P1,
                        "parent_id",
                        null,
                        "author_id",
                        102L,
                        "author_name",
                        "bob",
                        "body",
                        "",
                        "created_at",
                        "2025-01-02T04:00:00Z",
                        "edited_at",
                        null,
                        "deleted_at",
                        "2025-01-02T05:00:00Z",
                        "hidden_at",
                        null));
        add("comment_counts", row("paper_id", P1, "visible", 2L));
        add(
                "moderation_log",
                row(
                        "id",
                        9001L,
                        "actor_id",
                        105L,
                        "actor_name",
                        "carol",
                        "action",
                        "hide",
                        "target_kind",
                        "paper",
                        "target_id",
                        P2,
                        "detail",
                        "spam",
                        "created_at",
                        "2025-01-06T00:00:00Z"));
        add(
                "author_claims",
                row(
                        "id",
                        9001L,
                        "paper_id",
                        P1,
                        "author_name",
                        "Ada Lovelace",
                        "user_id",
                        101L,
                        "status",
                        "approved",
                        "created_at",
                        "2025-01-03T00:00:00Z",
                        "decided_at",
                        "2025-01-04T00:00:00Z"));
        add(
                "author_claims",
                row(
                        "id",
                        9002L,
                        "paper_id",
                        P1,
                        "author_name",
                        "Bob Q",
                        "user_id",
                        102L,
                        "status",
                        "pending",
                        "created_at",
                        "2025-01-03T00:00:00Z",
                        "decided_at",
                        null));
        add(
                "digest_subscriptions",
                row(
                        "id",
                        9001L,
                        "email",
                        "alice@example.org",
                        "user_id",
                        101L,
                        "frequency",
                        "daily",
                        "send_hour",
                        7L,
                        "time_zone",
                        "Europe/Oslo",
                        "status",
                        "active",
                        "confirm_hash",
                        null,
                        "confirm_expires_at",
                        null,
                        "created_at",
                        "2025-01-01T00:00:00Z",
                        "confirmed_at",
                        "2025-01-01T00:00:00Z",
                        "updated_at",
                        "2025-01-01T00:00:00Z",
                        "bounces",
                        0L,
                        "last_error",
                        null));
        add(
                "digest_subscriptions",
                row(
                        "id",
                        9002L,
                        "email",
                        "anon@example.org",
                        "user_id",
                        null,
                        "frequency",
                        "weekly",
                        "send_hour",
                        23L,
                        "time_zone",
                        "America/New_York",
                        "status",
                        "pending",
                        "confirm_hash",
                        "h2",
                        "confirm_expires_at",
                        "2025-01-03T00:00:00Z",
                        "created_at",
                        "2025-01-02T00:00:00Z",
                        "confirmed_at",
                        null,
                        "updated_at",
                        "2025-01-02T00:00:00Z",
                        "bounces",
                        1L,
                        "last_error",
                        "550 no such user"));
        add(
                "digest_interests",
                row("subscription_id", 9001L, "kind", "search", "value", "low-rank adaptation", "position", 0L));
        add(
                "digest_interests",
                row("subscription_id", 9001L, "kind", "author", "value", "Ada Lovelace", "position", 1L));
        add(
                "digest_outbox",
                row(
                        "id",
                        9001L,
                        "subscription_id",
                        9001L,
                        "period_key",
                        "daily:2025-01-02",
                        "status",
                        "sent",
                        "attempts",
                        1L,
                        "next_attempt_at",
                        "2025-01-02T06:00:00Z",
                        "lease_until",
                        null,
                        "created_at",
                        "2025-01-02T06:00:00Z",
                        "sent_at",
                        "2025-01-02T06:00:01Z",
                        "last_error",
                        null));
        add(
                "digest_outbox",
                row(
                        "id",
                        9002L,
                        "subscription_id",
                        9001L,
                        "period_key",
                        "daily:2025-01-03",
                        "status",
                        "sending",
                        "attempts",
                        0L,
                        "next_attempt_at",
                        "2025-01-03T06:00:00Z",
                        "lease_until",
                        "2025-01-03T06:02:00Z",
                        "created_at",
                        "2025-01-03T06:00:00Z",
                        "sent_at",
                        null,
                        "last_error",
                        null));
        add("saved_papers", row("user_id", 101L, "paper_id", P2, "saved_at", "2025-01-03T00:00:00Z", "read_at", null));
        add(
                "saved_papers",
                row(
                        "user_id",
                        102L,
                        "paper_id",
                        P1,
                        "saved_at",
                        "2025-01-03T00:00:00Z",
                        "read_at",
                        "2025-01-04T00:00:00Z"));
        add("foryou_picks", row("user_id", 101L, "rank", 0L, "paper_id", P2, "because_id", P1, "upvoted", 1L));
        add("foryou_pick_state", row("user_id", 101L, "likes_hash", "abc123", "computed_at", "2025-01-03T00:00:00Z"));
        add("foryou_feed_tokens", row("user_id", 101L, "token_hash", "f1", "created_at", "2025-01-03T00:00:00Z"));
        add(
                "paper_keywords",
                row(
                        "paper_id",
                        P1,
                        "keywords",
                        "alpha-things\nquoted lines",
                        "method",
                        "statistical",
                        "change_seq",
                        1L));
        add(
                "throttle_buckets",
                row("bucket_key", "login-account:101", "state", new byte[] {1, 2, 3}, "expires_at", 1735776000000L));
        add(
                "keyword_cursor",
                row(
                        "method",
                        "statistical",
                        "applied_seq",
                        3L,
                        "holder",
                        "6f1c-token",
                        "holder_node",
                        "4242@node-a",
                        "lease_until",
                        1_767_225_600_000L));
        add(
                "thumbnails",
                row(
                        "paper_id",
                        P1,
                        "status",
                        "failed",
                        "attempts",
                        3L,
                        "last_error",
                        "404 Not Found",
                        "updated_at",
                        "2025-01-03T00:00:00Z",
                        "png",
                        null));
        add(
                "thumbnails",
                row(
                        "paper_id",
                        P2,
                        "status",
                        "done",
                        "attempts",
                        1L,
                        "last_error",
                        null,
                        "updated_at",
                        "2025-01-03T00:00:00Z",
                        "png",
                        new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        add(
                "github_stars",
                row(
                        "paper_id",
                        P1,
                        "repo",
                        "state-spaces/mamba",
                        "stars",
                        12345L,
                        "etag",
                        "W/\"abc\"",
                        "status",
                        "ok",
                        "last_error",
                        null,
                        "fetched_at",
                        "2025-01-03T00:00:00Z",
                        "due_at",
                        "2025-01-04T00:00:00Z"));
        add(
                "github_stars",
                row(
                        "paper_id",
                        P2,
                        "repo",
                        "gone/away",
                        "stars",
                        null,
                        "etag",
                        null,
                        "status",
                        "not_found",
                        "last_error",
                        "404 Not Found",
                        "fetched_at",
                        null,
                        "due_at",
                        "2025-01-04T00:00:00Z"));
        add(
                "hub_links",
                row(
                        "paper_id",
                        P1,
                        "models",
                        12L,
                        "datasets",
                        1L,
                        "spaces",
                        0L,
                        "top",
                        "{\"models\":[{\"id\":\"state-spaces/mamba-2.8b\",\"likes\":150,\"downloads\":9000}],\"datasets\":[],\"spaces\":[]}",
                        "status",
                        "ok",
                        "last_error",
                        null,
                        "fetched_at",
                        "2025-01-03T00:00:00Z",
                        "due_at",
                        "2025-01-04T00:00:00Z"));
        add(
                "polite_pauses",
                row(
                        "service",
                        "github",
                        "paused_until",
                        "2025-01-03T01:00:00Z",
                        "reason",
                        "GET /repos/state-spaces/mamba answered 403 (x-ratelimit-remaining 0)"));
        add(
                "webhook_destinations",
                row(
                        "id",
                        9001L,
                        "owner_id",
                        null,
                        "kind",
                        "slack",
                        "name",
                        "Lab #papers «ML»",
                        "url",
                        "https://hooks.example/services/T1/B2/x'y",
                        "secret",
                        null,
                        "daily_top",
                        10L,
                        "send_hour",
                        8L,
                        "time_zone",
                        "Europe/Oslo",
                        "every_featured",
                        0L,
                        "paused",
                        0L,
                        "paused_reason",
                        null,
                        "failures",
                        0L,
                        "created_at",
                        "2025-01-01T00:00:00Z",
                        "updated_at",
                        "2025-01-01T00:00:00Z"));
        add(
                "webhook_destinations",
                row(
                        "id",
                        9002L,
                        "owner_id",
                        102L,
                        "kind",
                        "generic",
                        "name",
                        "bob's bot",
                        "url",
                        "https://bot.example/hook",
                        "secret",
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "daily_top",
                        0L,
                        "send_hour",
                        0L,
                        "time_zone",
                        "UTC",
                        "every_featured",
                        1L,
                        "paused",
                        1L,
                        "paused_reason",
                        "the receiver answered 410",
                        "failures",
                        5L,
                        "created_at",
                        "2025-01-02T00:00:00Z",
                        "updated_at",
                        "2025-01-03T00:00:00Z"));
        add("webhook_interests", row("destination_id", 9001L, "kind", "category", "value", "cs.LG", "position", 0L));
        add(
                "webhook_outbox",
                row(
                        "id",
                        9001L,
                        "destination_id",
                        9001L,
                        "event_key",
                        "daily:2025-01-02",
                        "payload",
                        "{\"title\":\"Top\",\"items\":[]}",
                        "status",
                        "sent",
                        "attempts",
                        1L,
                        "next_attempt_at",
                        "2025-01-02T07:00:00Z",
                        "lease_until",
                        null,
                        "claim_token",
                        null,
                        "created_at",
                        "2025-01-02T07:00:00Z",
                        "sent_at",
                        "2025-01-02T07:00:01Z",
                        "last_error",
                        null));
        add(
                "webhook_outbox",
                row(
                        "id",
                        9002L,
                        "destination_id",
                        9002L,
                        "event_key",
                        "featured:" + P1 + ":2025-01-02",
                        "payload",
                        "{}",
                        "status",
                        "sending",
                        "attempts",
                        2L,
                        "next_attempt_at",
                        "2025-01-03T00:00:00Z",
                        "lease_until",
                        "2025-01-03T00:02:00Z",
                        "claim_token",
                        "tok",
                        "created_at",
                        "2025-01-02T00:00:00Z",
                        "sent_at",
                        null,
                        "last_error",
                        "the receiver answered 503"));
        add(
                "webhook_attempts",
                row(
                        "id",
                        9001L,
                        "destination_id",
                        9002L,
                        "event_key",
                        "featured:" + P1 + ":2025-01-02",
                        "attempted_at",
                        "2025-01-02T00:00:01Z",
                        "outcome",
                        "retry",
                        "http_status",
                        503L,
                        "latency_ms",
                        12L,
                        "error",
                        "the receiver answered 503"));
        add("webhook_scan", row("id", 1L, "scanned_to", "2025-01-02T00:00:00Z"));
        // Bytes that are no valid text either way (0xff, a NUL): a backup must carry them as bytes.
        add(
                "paper_embeddings",
                row(
                        "paper_id",
                        P1,
                        "paper_seq",
                        1L,
                        "seq",
                        1L,
                        "model",
                        "BGE-small-en-v1.5 (test)",
                        "text_sha",
                        "9f86d081884c7d65",
                        "vector",
                        new byte[] {0, 0, (byte) 0x80, 0x3f, (byte) 0xff, 0, 0, 0},
                        "embedded_at",
                        "2025-01-03T00:00:00Z",
                        "embedded_by",
                        "node-a"));
        add(
                "embedding_state",
                row(
                        "model",
                        "BGE-small-en-v1.5 (test)",
                        "papers_seq",
                        1L,
                        "last_seq",
                        1L,
                        "holder",
                        null,
                        "holder_node",
                        null,
                        "lease_until",
                        null,
                        "rate",
                        2.5,
                        "last_error",
                        "store unreachable"));
        add(
                "node_reports",
                row(
                        "node",
                        "4242@node-a",
                        "version",
                        "0.1.0",
                        "started_at",
                        "2025-01-03T00:00:00Z",
                        "seen_at",
                        1735862400000L,
                        "index_applied",
                        3L,
                        "index_lag",
                        0L,
                        "vectors_lag",
                        1L));
    }

    private StoreFixture() {}

    /** The tables this fixture has rows for. */
    public static Set<String> tables() {
        return ROWS.keySet();
    }

    /**
     * Inserts the fixture's rows into every table {@code c}'s store has (columns it lacks left
     * out), replacing migration-seeded rows, except the tables in {@code skip}; returns what it
     * inserted per table, as {@link #rows} reads it back.
     */
    public static Map<String, List<Map<String, Object>>> insert(Connection c, Set<String> skip) throws SQLException {
        Map<String, List<Map<String, Object>>> inserted = new TreeMap<>();
        for (StoreSchema.Table table : StoreSchema.tables(c)) {
            List<Map<String, Object>> rows = ROWS.get(table.name());
            if (rows == null || skip.contains(table.name())) {
                continue;
            }
            if (StoreSchema.SEEDED.containsKey(table.name())) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM " + table.name());
                }
            }
            List<Map<String, Object>> kept = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                Map<String, Object> present = new TreeMap<>();
                row.forEach((column, value) -> {
                    if (table.column(column).isPresent()) {
                        present.put(column, value);
                    }
                });
                insertRow(c, table, present);
                Map<String, Object> comparable = new TreeMap<>();
                present.forEach((column, value) -> comparable.put(column, comparable(value)));
                kept.add(comparable);
            }
            inserted.put(table.name(), kept);
        }
        if (Dialect.of(c.getMetaData().getURL()) == Dialect.POSTGRESQL) {
            // As a store that made these rows itself: its next ids come after them.
            PostgresSequences.advance(c, Map.of());
        }
        return inserted;
    }

    /** Every row of {@code table}, each as column → value ({@link StoreValues#read}; bytes as hex), in a fixed order. */
    public static List<Map<String, Object>> rows(Connection c, String table) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new TreeMap<>();
                for (int i = 1; i <= width; i++) {
                    Object value = StoreValues.read(rs, i);
                    // Bytes compare by content (an array's equals is its identity).
                    row.put(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT), comparable(value));
                }
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparing(Object::toString));
        return rows;
    }

    /**
     * Every row {@link #insert} put in is still in {@code c}'s store, its values unchanged (columns
     * added since hold their defaults), and each of those tables holds as many rows as were put in.
     */
    public static void assertEveryRowKept(Connection c, Map<String, List<Map<String, Object>>> inserted, String when)
            throws SQLException {
        for (Map.Entry<String, List<Map<String, Object>>> table : inserted.entrySet()) {
            List<Map<String, Object>> now = rows(c, table.getKey());
            String what = "table " + table.getKey() + " " + when;
            assertThat(now).as(what).hasSameSizeAs(table.getValue());
            for (Map<String, Object> row : table.getValue()) {
                assertThat(now).as(what).anySatisfy(u -> assertThat(u).containsAllEntriesOf(row));
            }
        }
    }

    /** Every backed-up table holds the same rows in both stores; excluded ones stay empty in the copy. */
    public static void assertSameContent(Connection source, Connection copy) throws SQLException {
        for (StoreSchema.Table table : StoreSchema.tables(source)) {
            List<Map<String, Object>> rows = rows(source, table.name());
            assertThat(rows)
                    .as("the source's %s has rows to compare", table.name())
                    .isNotEmpty();
            if (StoreSchema.EXCLUDED.containsKey(table.name())) {
                assertThat(rows(copy, table.name()))
                        .as("excluded table %s", table.name())
                        .isEmpty();
            } else {
                assertThat(rows(copy, table.name()))
                        .as("table %s", table.name())
                        .isEqualTo(rows);
            }
        }
    }

    // Bytes compare by content as hex (an array's equals is its identity, so rows holding one never matched).
    private static Object comparable(Object value) {
        return value instanceof byte[] bytes
                ? "bytes " + java.util.HexFormat.of().formatHex(bytes)
                : value;
    }

    private static void insertRow(Connection c, StoreSchema.Table table, Map<String, Object> row) throws SQLException {
        List<String> columns = List.copyOf(row.keySet());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table.name() + " (" + String.join(", ", columns)
                + ") VALUES (" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")")) {
            for (int i = 0; i < columns.size(); i++) {
                StoreValues.bind(
                        ps,
                        i + 1,
                        row.get(columns.get(i)),
                        table.column(columns.get(i)).orElseThrow().jdbcType());
            }
            ps.executeUpdate();
        }
    }

    private static void add(String table, Map<String, Object> row) {
        ROWS.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }
}

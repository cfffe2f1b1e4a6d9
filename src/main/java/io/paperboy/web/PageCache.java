package io.paperboy.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.zip.CRC32C;
import java.util.function.Supplier;

/**
 * Keeps rendered pages, API answers and feeds until the store changes. Every answer depends only
 * on the store and the URL, and the store's change number moves on every write, so an entry made
 * at change {@code n} is exact for as long as the number is still {@code n}: no TTL, no stale
 * page. docs/benchmarks.md has the figures with and without it.
 */
public final class PageCache {
    private static final String SEQ = "paperboy.cache.seq";
    private static final String HIT = "paperboy.cache.hit";
    private static final int MAX_ENTRIES = 500;
    private static final int MAX_KEY = 512;
    private static final List<String> PREFIXES = List.of("/papers/", "/api/daily_papers", "/api/papers/", "/feeds/");
    // Search answers come from the index, which follows the store a moment later: an answer made
    // at change n may predate the index applying n, so it must not be kept until n moves on.
    private static final String SEARCH = "/api/papers/search";

    /** {@code rendered}: the Last-Modified of this version, see {@link #lastModified}. */
    private record Cached(Object version, String route, String contentType, String cacheControl, String etag,
            Instant rendered, byte[] body) {}

    private final Supplier<?> version;
    private final BiConsumer<Context, String> onHit;
    private final Map<String, Cached> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /**
     * {@code version} names the data answers are made from (the store's change number, and the
     * search index's, since search results and similar papers come from the index), cheap to read (see
     * ChangeWatcher); {@code onHit} hears of each answer served from the cache, with its route.
     */
    public PageCache(Supplier<?> version, BiConsumer<Context, String> onHit) {
        this.version = version;
        this.onHit = onHit;
    }

    public void register(JavalinConfig config) {
        config.routes.before(this::serveCached);
        config.routes.after(this::remember);
    }

    private void serveCached(Context ctx) {
        String key = key(ctx);
        if (key == null) {
            return;
        }
        Object seq = version.get();
        ctx.attribute(SEQ, seq);
        Cached entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry != null && entry.version().equals(seq)) {
            ctx.attribute(HIT, true);
            ctx.contentType(entry.contentType());
            if (entry.cacheControl() != null) {
                ctx.header("Cache-Control", entry.cacheControl());
            }
            answer(ctx, entry);
            // Skipping the route's handler skips the after-handlers too, so report the answer here.
            onHit.accept(ctx, entry.route());
            ctx.skipRemainingHandlers();
        }
    }

    private void remember(Context ctx) {
        String key = key(ctx);
        Object seq = ctx.attribute(SEQ);
        if (key == null || seq == null || ctx.attribute(HIT) != null || ctx.statusCode() != 200 || markedPrivate(ctx)) {
            return;
        }
        String body = ctx.result();
        if (body == null) {
            return;
        }
        // The number read before rendering: a write during rendering makes the entry stale at once.
        io.javalin.router.Endpoint matched = ctx.endpoints().lastHttpEndpoint();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Cached entry = new Cached(seq, matched == null ? "other" : matched.path, ctx.res().getContentType(),
                ctx.res().getHeader("Cache-Control"), etag(bytes), lastModified(Instant.now()), bytes);
        synchronized (entries) {
            entries.put(key, entry);
        }
        answer(ctx, entry);
    }

    /**
     * Stale-if-error: answers with the last kept version of this page, whatever the store's change
     * number now, for when the store cannot be reached to render it anew; false when none is kept
     * (or the page is not one kept for anonymous visitors).
     */
    public boolean serveStale(Context ctx) {
        String key = key(ctx);
        if (key == null) {
            return false;
        }
        Cached entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry == null) {
            return false;
        }
        ctx.attribute(HIT, true); // not kept again as if rendered at the current change
        ctx.status(200).contentType(entry.contentType());
        // Shared caches must not keep it: it is only what the site said before the store went away.
        ctx.header("Cache-Control", "no-store");
        answer(ctx, entry);
        onHit.accept(ctx, entry.route());
        return true;
    }

    // An answer its handler marks private (a member's secret feed URL) is for one reader: never shared.
    private static boolean markedPrivate(Context ctx) {
        String cacheControl = ctx.res().getHeader("Cache-Control");
        return cacheControl != null && cacheControl.contains("private");
    }

    /*
     * HTTP dates count whole seconds, and a page may change several times within one: two versions
     * rendered in the same second had one Last-Modified, and If-Modified-Since with the first one's
     * date was answered 304 for the second. So a version's Last-Modified is the end of the second it
     * was rendered in (no later version on this node can have an earlier one), and it is only sent,
     * and only compared, once that instant has passed: until then If-Modified-Since never gives a
     * 304 (If-None-Match still does), and a client validating with the response's Date (when there
     * is no Last-Modified) cannot match a version rendered later in the same second either. Nodes of
     * a cluster render the same version at their own instants and agree for the same reason.
     */
    static Instant lastModified(Instant rendered) {
        return rendered.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    // A 304 when the client holds this very body. (Javalin's own ETags read the body a byte at
    // a time; with them on, checksums took most of the server's CPU under load.)
    private static void answer(Context ctx, Cached entry) {
        ctx.header("ETag", entry.etag());
        if (!Instant.now().isBefore(entry.rendered())) {
            ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(entry.rendered().atOffset(ZoneOffset.UTC)));
        }
        if (unchanged(ctx, entry)) {
            ctx.status(304).result(new byte[0]);
        } else {
            ctx.result(entry.body());
        }
    }

    // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110, 13.2.2).
    private static boolean unchanged(Context ctx, Cached entry) {
        String etags = ctx.header("If-None-Match");
        if (etags != null) {
            return etags.equals(entry.etag()) || etags.contains(entry.etag());
        }
        String since = ctx.header("If-Modified-Since");
        if (since == null || Instant.now().isBefore(entry.rendered())) {
            return false;
        }
        try {
            return !entry.rendered().isAfter(ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String etag(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body, 0, body.length);
        return "\"" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(body.length) + "\"";
    }

    private static String key(Context ctx) {
        // Members see their own votes and forms on every page: only anonymous answers are shared.
        if (ctx.method() != HandlerType.GET || Visitor.of(ctx).signedIn()) {
            return null;
        }
        String path = ctx.path();
        if (!path.equals("/") && PREFIXES.stream().noneMatch(path::startsWith) || path.equals(SEARCH)) {
            return null;
        }
        String query = ctx.queryString();
        String key = ctx.host() + path + (query == null ? "" : "?" + query);
        return key.length() > MAX_KEY ? null : key;
    }
}

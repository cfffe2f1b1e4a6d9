package io.paperboy.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.paperboy.db.ChangeSequence;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;

/**
 * Keeps rendered pages, API answers and feeds until a change touches what they show. Every answer
 * depends only on the store and the URL. Each change of the store names its topics (a paper, the
 * listings, or everything: {@link io.paperboy.db.ChangeSequence}); every node's {@link ChangeWatcher}
 * reads them and calls {@link #changed}, which drops the entries showing a touched paper. An answer
 * that says which papers it shows ({@link #shows}) is dropped only by changes to those papers (and,
 * for listings, to the listings); one that says nothing (trending, which any vote may change) by
 * any change. Pages, API answers and feeds of the same content declare alike (the table in
 * docs/architecture.md). An answer rendered while a
 * change came in is not kept when that change touches it. No TTL, no stale page: what moves
 * with the clock rather than with changes (trending's window, today's date) is part of the
 * {@code version} the node gives (its hour), so every answer is made again once an hour.
 *
 * <p>An answer is kept as it is sent: its bytes, and its bytes gzipped once (when it is big enough
 * to be worth it), with their ETags and its Last-Modified written out, so a hit only picks one and
 * writes it, with its length, in one call. docs/benchmarks.md has the figures with and without it.
 */
public final class PageCache {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PageCache.class);
    private static final String SEQ = "paperboy.cache.seq";
    private static final String HIT = "paperboy.cache.hit";
    private static final String SHOWS = "paperboy.cache.shows";
    private static final int HISTORY = 256;
    private static final int MAX_ENTRIES = 500;
    private static final int MAX_KEY = 512;
    /** Smaller answers are sent as they are (Javalin's threshold for compressing, too). */
    static final int MIN_GZIP_BYTES = 1500;

    private static final List<String> PREFIXES = List.of("/papers/", "/api/daily_papers", "/api/papers/", "/feeds/");
    // Search answers come from the index, which follows the store a moment later: an answer made
    // at change n may predate the index applying n, so it must not be kept until n moves on.
    private static final String SEARCH = "/api/papers/search";

    /**
     * {@code rendered}: the Last-Modified of this version ({@link #lastModified}), {@code modified} the
     * same as a header; {@code gzip}: the body gzipped, with its own ETag, or null when under {@link #MIN_GZIP_BYTES}.
     */
    private record Cached(
            Object version,
            Shows shows,
            String route,
            String contentType,
            String cacheControl,
            String etag,
            Instant rendered,
            String modified,
            byte[] body,
            byte[] gzip,
            String gzipEtag) {
        static Cached of(
                Object version,
                Shows shows,
                String route,
                String contentType,
                String cacheControl,
                Instant rendered,
                byte[] body) {
            byte[] gzip = PageCache.gzip(body);
            String etag = PageCache.etag(body);
            return new Cached(
                    version,
                    shows,
                    route,
                    contentType,
                    cacheControl,
                    etag,
                    rendered,
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(rendered.atOffset(ZoneOffset.UTC)),
                    body,
                    gzip,
                    gzip == null ? null : etag.substring(0, etag.length() - 1) + "-gzip\"");
        }
    }

    /** What an answer shows: these papers, and the listings when {@code listings}; null papers: anything. */
    private record Shows(Set<String> papers, boolean listings) {
        static final Shows ANYTHING = new Shows(null, true);

        boolean touchedBy(Set<String> topics) {
            if (papers == null || topics.contains(ChangeSequence.EVERYTHING)) {
                return !topics.isEmpty();
            }
            if (listings && topics.contains(ChangeSequence.LISTINGS)) {
                return true;
            }
            return papers.stream().anyMatch(id -> topics.contains(ChangeSequence.paper(id)));
        }
    }

    /** What a request saw before rendering: the other data's version and the store's change number. */
    private record Seen(Object version, long changes) {}

    /** The topics of the changes up to {@code upTo}, as the watcher read them. */
    private record Batch(long upTo, Set<String> topics) {}

    private final Supplier<?> version;
    private final LongSupplier changes;
    private final ArrayDeque<Batch> history = new ArrayDeque<>();
    private long forgottenUpTo;
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
    public PageCache(Supplier<?> version, LongSupplier changes, BiConsumer<Context, String> onHit) {
        this.version = version;
        this.changes = changes;
        this.forgottenUpTo = changes.getAsLong();
        this.onHit = onHit;
    }

    /**
     * The handler's word that its answer shows these papers only (and the listings, when {@code
     * listings}: which papers are featured on which day): changes to other papers keep it cached.
     */
    public static void shows(Context ctx, Collection<String> paperIds, boolean listings) {
        ctx.attribute(SHOWS, new Shows(Set.copyOf(paperIds), listings));
    }

    /** The changes up to {@code upTo} touched {@code topics}: drops the answers showing any of them. */
    public void changed(long upTo, Set<String> topics) {
        synchronized (entries) {
            history.addLast(new Batch(upTo, Set.copyOf(topics)));
            while (history.size() > HISTORY) {
                forgottenUpTo = history.removeFirst().upTo();
            }
            entries.values().removeIf(e -> e.shows().touchedBy(topics));
        }
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
        long seen = changes.getAsLong();
        Object seq = version.get();
        ctx.attribute(SEQ, new Seen(seq, seen));
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
        Seen seen = ctx.attribute(SEQ);
        if (key == null
                || seen == null
                || ctx.attribute(HIT) != null
                || ctx.statusCode() != 200
                || markedPrivate(ctx)) {
            return;
        }
        String body = ctx.result();
        if (body == null) {
            return;
        }
        // The number read before rendering: a write during rendering makes the entry stale at once.
        io.javalin.router.Endpoint matched = ctx.endpoints().lastHttpEndpoint();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Shows shows = ctx.attribute(SHOWS) instanceof Shows declared ? declared : Shows.ANYTHING;
        Cached entry = Cached.of(
                seen.version(),
                shows,
                matched == null ? "other" : matched.path,
                ctx.res().getContentType(),
                ctx.res().getHeader("Cache-Control"),
                lastModified(Instant.now()),
                bytes);
        synchronized (entries) {
            // A change read while rendering may be missing from the answer: keep it only if none touched it.
            if (seen.changes() >= forgottenUpTo
                    && history.stream().noneMatch(b -> b.upTo() > seen.changes() && shows.touchedBy(b.topics()))) {
                entries.put(key, entry);
            }
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
        boolean gzip = entry.gzip() != null && acceptsGzip(ctx.header("Accept-Encoding"));
        ctx.header("ETag", gzip ? entry.gzipEtag() : entry.etag());
        if (!Instant.now().isBefore(entry.rendered())) {
            ctx.header("Last-Modified", entry.modified());
        }
        if (unchanged(ctx, entry)) {
            ctx.status(304).result(new byte[0]);
        } else if (gzip) {
            // Javalin compresses no answer that already has a Content-Encoding.
            ctx.header("Content-Encoding", "gzip");
            send(ctx, entry.gzip());
        } else {
            send(ctx, entry.body());
        }
    }

    /*
     * The body in one write with its length, so Jetty sends headers and body together, unchunked.
     * Through ctx.result, Javalin copied it through a 32 KiB buffer allocated per request, and Jetty
     * sent it chunked: the JFR profile of a cached 66 KB daily page under wrk put 36 % of the
     * server's samples in that copy (docs/benchmarks.md, 2026-12-06).
     */
    private static void send(Context ctx, byte[] bytes) {
        ctx.res().setContentLength(bytes.length);
        // Javalin writes a handler's result after the after-handlers: on a miss, the handler's is now sent.
        ctx.result(InputStream.nullInputStream());
        try {
            ctx.res().getOutputStream().write(bytes);
        } catch (IOException e) {
            // The client went away mid-answer: nobody is left to answer, and it is no fault of the site.
            LOG.debug("{}: the client closed the connection before the answer was sent ({})", ctx.path(), e.toString());
        }
    }

    /**
     * Whether a request's Accept-Encoding takes gzip: named (or {@code x-gzip}), or {@code *} when
     * gzip is not named, with a quality above 0 (RFC 9110, 12.5.3); no header: no.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        boolean any = false;
        for (String part : acceptEncoding.split(",")) {
            int semicolon = part.indexOf(';');
            String coding = (semicolon < 0 ? part : part.substring(0, semicolon)).strip();
            boolean refused = semicolon >= 0 && zeroQuality(part.substring(semicolon + 1));
            if (coding.equalsIgnoreCase("gzip") || coding.equalsIgnoreCase("x-gzip")) {
                return !refused;
            }
            if (coding.equals("*")) {
                any = !refused;
            }
        }
        return any;
    }

    private static boolean zeroQuality(String parameters) {
        for (String parameter : parameters.split(";")) {
            String p = parameter.strip();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    return Double.parseDouble(p.substring(2).strip()) <= 0;
                } catch (NumberFormatException e) {
                    return false; // a malformed weight: take the coding as named
                }
            }
        }
        return false;
    }

    // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110, 13.2.2). Either
    // representation's ETag names this version: a cache holding the other one may keep it.
    private static boolean unchanged(Context ctx, Cached entry) {
        String etags = ctx.header("If-None-Match");
        if (etags != null) {
            return etags.contains(entry.etag()) || entry.gzipEtag() != null && etags.contains(entry.gzipEtag());
        }
        String since = ctx.header("If-Modified-Since");
        if (since == null || Instant.now().isBefore(entry.rendered())) {
            return false;
        }
        try {
            return !entry.rendered()
                    .isAfter(ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    // Level 6, as Javalin's gzip: about a fifth of the daily page's bytes.
    private static byte[] gzip(byte[] body) {
        if (body.length < MIN_GZIP_BYTES) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("page cache: gzip in memory failed", e);
        }
        return out.toByteArray();
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

package io.paperboy.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.db.Database;
import io.paperboy.jobs.PoliteRefresh;
import io.paperboy.json.Json;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperExtras;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what cites featured arXiv papers on the Hugging Face Hub, in the background: once a day
 * per paper, {@code GET /api/models?filter=arxiv:ID} (and {@code /api/datasets}, {@code /api/spaces}),
 * most liked first, counting every page the {@code Link: <…>; rel="next"} header offers (up to
 * {@value #MAX_PAGES}) and keeping the top {@value #TOP} of each kind. One request at a time, at
 * most one per interval; a 429 stops every request, from every node on the store ({@link PoliteRefresh}),
 * for what the Hub names ({@code Retry-After}, or the {@code t=} of its {@code RateLimit} header;
 * else its 5-minute window), and a {@code RateLimit} with {@code r=0} on any answer does too. A failed refresh keeps the last good counts and tries
 * again in an hour. Pages read the store only, never the Hub.
 */
public final class HubLinksWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HubLinksWorker.class);
    static final Duration REFRESH = Duration.ofDays(1);
    static final Duration RETRY = Duration.ofHours(1);
    static final Duration LEASE = Duration.ofMinutes(10);
    static final Duration WINDOW = Duration.ofMinutes(5);
    static final int TOP = 5;
    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 10;
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final Pattern RATE_LIMIT = Pattern.compile("r=(\\d+)\\s*;\\s*t=(\\d+)");

    private final Database db;
    private final Supplier<List<Paper>> featured;
    private final HubSettings settings;
    private final Clock clock;
    private final HubLinksRepository repository = new HubLinksRepository();
    private final ObjectMapper json = Json.mapper();
    private final PoliteRefresh polite;

    /** {@code featured} lists the papers to keep (recently featured ones); only arXiv papers are asked about. */
    public HubLinksWorker(Database db, Supplier<List<Paper>> featured, HubSettings settings, Clock clock) {
        this.db = db;
        this.featured = featured;
        this.settings = settings;
        this.clock = clock;
        this.polite = new PoliteRefresh(db, "hub", settings.interval(), clock);
    }

    /** Why a refresh stopped: the Hub refused for the rate (until {@code until}) or failed. */
    private static final class Refused extends Exception {
        final Instant until;

        Refused(String message, Instant until) {
            super(message);
            this.until = until;
        }
    }

    /** One round over the featured papers that are due; returns how many it refreshed. */
    public int refreshDue() throws InterruptedException {
        List<Paper> papers = featured.get().stream().filter(Paper::isArxiv).toList();
        Map<String, HubLinksRepository.Row> rows = db.withHandle(
                h -> repository.listFor(h, papers.stream().map(Paper::id).toList()));
        return polite.round(papers, p -> claim(p, rows.get(p.id())), p -> refresh(p, rows.get(p.id())));
    }

    // Due (never asked, or its due time passed) and claimed by this node, not another.
    private boolean claim(Paper p, HubLinksRepository.Row row) {
        if (row != null && clock.instant().isBefore(Instant.parse(row.dueAt()))) {
            return false;
        }
        Instant lease = clock.instant().plus(LEASE);
        return db.inTransaction(h -> row == null
                ? repository.claimNew(h, p.id(), lease)
                : repository.claimDue(h, p.id(), row.dueAt(), lease));
    }

    private boolean refresh(Paper p, HubLinksRepository.Row row) throws InterruptedException {
        HubLinksRepository.Row claimed = row != null ? row : new HubLinksRepository.Row(p.id(), null, null);
        try {
            PaperExtras.HubLinks links =
                    new PaperExtras.HubLinks(kind("models", p), kind("datasets", p), kind("spaces", p));
            Instant now = clock.instant();
            db.useTransaction(h -> repository.recordGood(h, claimed, links, now, now.plus(REFRESH)));
            return true;
        } catch (Refused e) {
            LOG.info("hub links: {} for {}", e.getMessage(), p.id());
            db.useTransaction(h -> repository.recordFailure(h, p.id(), e.getMessage(), e.until));
            return false;
        }
    }

    private PaperExtras.Linked kind(String kind, Paper p) throws Refused, InterruptedException {
        URI next = settings.base()
                .resolve("api/" + kind + "?filter=" + URLEncoder.encode("arxiv:" + p.id(), StandardCharsets.UTF_8)
                        + "&sort=likes&direction=-1&limit=" + PAGE_SIZE);
        List<PaperExtras.Item> top = new ArrayList<>();
        int total = 0;
        for (int page = 0; page < MAX_PAGES && next != null; page++) {
            HttpResponse<String> answer = get(next);
            JsonNode items;
            try {
                items = json.readTree(answer.body());
            } catch (IOException e) {
                throw new Refused(
                        "GET " + next.getPath() + ": not JSON", clock.instant().plus(RETRY));
            }
            if (!items.isArray()) {
                throw new Refused(
                        "GET " + next.getPath() + ": not a list",
                        clock.instant().plus(RETRY));
            }
            for (JsonNode item : items) {
                total++;
                if (top.size() < TOP
                        && item.hasNonNull("id")
                        && !item.path("private").asBoolean(false)) {
                    top.add(new PaperExtras.Item(
                            item.get("id").asText(),
                            item.path("likes").asInt(),
                            item.hasNonNull("downloads") ? item.get("downloads").asInt() : null));
                }
            }
            next = nextPage(answer.headers()).orElse(null);
        }
        return new PaperExtras.Linked(total, top);
    }

    static Optional<URI> nextPage(HttpHeaders headers) {
        for (String link : headers.allValues("link")) {
            Matcher m = NEXT.matcher(link);
            if (m.find()) {
                try {
                    return Optional.of(URI.create(m.group(1)));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private HttpResponse<String> get(URI uri) throws Refused, InterruptedException {
        HttpResponse<String> answer;
        try {
            answer = polite.send(
                    HttpRequest.newBuilder(uri)
                            .header("Accept", "application/json")
                            .header("User-Agent", settings.userAgent())
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Refused("GET " + uri.getPath() + ": " + e, clock.instant().plus(RETRY));
        } catch (PoliteRefresh.Paused e) {
            // Another node heard the limit while this one waited its turn: the claim waits too.
            throw new Refused("rate limited until " + e.until(), e.until());
        }
        Instant now = clock.instant();
        Optional<Instant> pause = pauseUntil(answer.statusCode(), answer.headers(), now);
        pause.ifPresent(until -> polite.pause(
                until,
                "GET " + uri.getPath() + " answered " + answer.statusCode() + " (RateLimit "
                        + answer.headers().firstValue("ratelimit").orElse("unset") + ")"));
        if (answer.statusCode() == 429) {
            throw new Refused("rate limited until " + pause.orElseThrow(), pause.orElseThrow());
        }
        if (answer.statusCode() != 200) {
            throw new Refused("GET " + uri.getPath() + " answered " + answer.statusCode(), now.plus(RETRY));
        }
        return answer;
    }

    /**
     * Until when to ask nothing: on a 429, {@code Retry-After} seconds, else the {@code t=} of
     * {@code RateLimit: "api";r=0;t=55}, else the Hub's 5-minute window; on any answer, a
     * {@code RateLimit} saying {@code r=0} waits its {@code t=}.
     */
    static Optional<Instant> pauseUntil(int status, HttpHeaders headers, Instant now) {
        Optional<Long> retryAfter = headers.firstValue("retry-after").flatMap(HubLinksWorker::number);
        Matcher limit = RATE_LIMIT.matcher(headers.firstValue("ratelimit").orElse(""));
        boolean limitFound = limit.find();
        if (status == 429) {
            if (retryAfter.isPresent()) {
                return Optional.of(now.plusSeconds(Math.max(1, retryAfter.get())));
            }
            return Optional.of(
                    limitFound ? now.plusSeconds(Math.max(1, Long.parseLong(limit.group(2)))) : now.plus(WINDOW));
        }
        if (limitFound && Long.parseLong(limit.group(1)) == 0) {
            return Optional.of(now.plusSeconds(Math.max(1, Long.parseLong(limit.group(2)))));
        }
        return Optional.empty();
    }

    private static Optional<Long> number(String raw) {
        try {
            return Optional.of(Long.parseLong(raw.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Refreshes what is due now, then every {@code interval}, on a background thread, until {@link #close}. */
    public void start(Duration interval) {
        polite.start(
                "hub-links",
                interval,
                this::refreshDue,
                e -> LOG.warn("hub links: a round failed; the next one goes on from the stored state", e));
    }

    @Override
    public void close() {
        polite.close();
    }
}

package io.paperboy.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.db.Database;
import io.paperboy.jobs.PoliteRefresh;
import io.paperboy.json.Json;
import io.paperboy.paper.ArtifactLink;
import io.paperboy.paper.LinkKind;
import io.paperboy.paper.Paper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the GitHub stars of featured papers' code fresh, in the background: once a day per paper,
 * {@code GET /repos/{owner}/{repo}} for its first GitHub link, reading {@code stargazers_count}.
 * Requests are conditional (the stored ETag as {@code If-None-Match}; a 304 confirms the count and
 * does not count against the rate limit), one at a time at most one per interval, and the rate
 * limit is honoured ({@link RateLimit}): when GitHub says stop, no node on the store asks anything
 * until the time it names ({@link PoliteRefresh}). Outcomes live in the store ({@link StarsRepository}): a 404 clears the count (the
 * repository is gone), an error or a refusal keeps the last good count and tries again later.
 * Pages read the store only, so they never wait on GitHub.
 */
public final class StarsWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StarsWorker.class);
    static final Duration REFRESH = Duration.ofDays(1);
    static final Duration RETRY = Duration.ofHours(1);
    /** How long a claim holds before another node may take the paper (a node that died mid-request). */
    static final Duration LEASE = Duration.ofMinutes(10);

    private final Database db;
    private final Supplier<List<Paper>> featured;
    private final GithubSettings settings;
    private final Clock clock;
    private final StarsRepository repository = new StarsRepository();
    private final ObjectMapper json = Json.mapper();
    private final PoliteRefresh polite;

    /** {@code featured} lists the papers whose stars to keep (recently featured ones). */
    public StarsWorker(Database db, Supplier<List<Paper>> featured, GithubSettings settings, Clock clock) {
        this.db = db;
        this.featured = featured;
        this.settings = settings;
        this.clock = clock;
        this.polite = new PoliteRefresh(db, "github", settings.interval(), clock);
    }

    /** A featured paper with code on GitHub, and its row (null before the first claim). */
    private record Due(Paper paper, GithubRepo repo, StarsRepository.Row row) {
        // A link that now names another repository starts over: its ETag and count belong to the old one.
        boolean moved() {
            return row != null && !row.repo().equalsIgnoreCase(repo.path());
        }
    }

    /** One round: asks GitHub about every featured paper that is due; returns how many answers it stored. */
    public int refreshDue() throws InterruptedException {
        List<Paper> papers = featured.get();
        Map<String, StarsRepository.Row> rows = db.withHandle(
                h -> repository.listFor(h, papers.stream().map(Paper::id).toList()));
        List<Due> withCode = papers.stream()
                .flatMap(p -> firstRepo(p).map(r -> new Due(p, r, rows.get(p.id()))).stream())
                .toList();
        return polite.round(withCode, this::claim, this::ask);
    }

    // Due (never asked, moved, or its due time passed) and claimed by this node, not another.
    private boolean claim(Due due) {
        StarsRepository.Row row = due.row();
        if (row != null && !due.moved() && clock.instant().isBefore(Instant.parse(row.dueAt()))) {
            return false;
        }
        Instant lease = clock.instant().plus(LEASE);
        return db.inTransaction(h -> row == null
                ? repository.claimNew(h, due.paper().id(), due.repo().path(), lease)
                : repository.claimDue(h, due.paper().id(), row.dueAt(), lease));
    }

    static Optional<GithubRepo> firstRepo(Paper p) {
        return p.links().stream()
                .filter(l -> l.kind() == LinkKind.GITHUB)
                .map(ArtifactLink::url)
                .map(GithubRepo::fromUrl)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private boolean ask(Due due) throws InterruptedException {
        GithubRepo repo = due.repo();
        boolean moved = due.moved();
        StarsRepository.Row row = due.row() != null
                ? due.row()
                : new StarsRepository.Row(due.paper().id(), repo.path(), null, null, "new", null);
        String etag = moved ? null : row.etag();
        Integer before = moved ? null : row.stars();
        HttpResponse<String> answer;
        try {
            answer = get(repo, before == null ? null : etag);
        } catch (IOException e) {
            store(
                    row,
                    repo,
                    before,
                    etag,
                    "error",
                    "GET /repos/" + repo.path() + ": " + e,
                    null,
                    clock.instant().plus(RETRY));
            return false;
        } catch (PoliteRefresh.Paused e) {
            // Another node heard the limit while this one waited its turn: the claim waits too.
            store(row, repo, before, etag, row.status(), "rate limited until " + e.until(), null, e.until());
            return false;
        }
        Instant now = clock.instant();
        int status = answer.statusCode();
        Optional<Instant> pause = RateLimit.pauseUntil(status, answer.headers(), answer.body(), now);
        pause.ifPresent(until -> polite.pause(
                until,
                "GET /repos/" + repo.path() + " answered " + status + " (x-ratelimit-remaining "
                        + answer.headers().firstValue("x-ratelimit-remaining").orElse("unset") + ")"));
        if (RateLimit.limited(status, answer.headers(), answer.body())) {
            Instant until = pause.orElse(now.plus(RateLimit.SECONDARY_WAIT));
            LOG.info("github stars: rate limited; no node asks again before {}", until);
            store(row, repo, before, etag, row.status(), "rate limited until " + until, null, until);
            return false;
        }
        Instant next = now.plus(REFRESH);
        switch (status) {
            case 200 -> {
                Integer stars = stars(answer.body());
                if (stars == null) {
                    store(row, repo, before, etag, "error", "no stargazers_count in the answer", null, now.plus(RETRY));
                    return false;
                }
                store(row, repo, stars, answer.headers().firstValue("etag").orElse(null), "ok", null, now, next);
                return true;
            }
            case 304 -> {
                store(row, repo, before, etag, "ok", null, now, next);
                return true;
            }
            case 404, 410 -> {
                store(row, repo, null, null, "not_found", status + " for " + repo.path(), null, next);
                return true;
            }
            default -> {
                store(
                        row,
                        repo,
                        before,
                        etag,
                        "error",
                        "GET /repos/" + repo.path() + " answered " + status,
                        null,
                        pause.orElse(now.plus(RETRY)));
                return false;
            }
        }
    }

    private HttpResponse<String> get(GithubRepo repo, String etag)
            throws IOException, PoliteRefresh.Paused, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.apiBase().resolve("repos/" + repo.path()))
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", settings.userAgent())
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (settings.token() != null) {
            request.header("Authorization", "Bearer " + settings.token());
        }
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return polite.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Integer stars(String body) {
        try {
            JsonNode count = json.readTree(body).get("stargazers_count");
            return count != null && count.canConvertToInt() ? count.intValue() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void store(
            StarsRepository.Row row,
            GithubRepo repo,
            Integer stars,
            String etag,
            String status,
            String error,
            Instant fetchedAt,
            Instant due) {
        if (error != null) {
            LOG.info("github stars: {} for {}: {}", status, row.paperId(), error);
        }
        db.useTransaction(h -> repository.record(h, row, repo.path(), stars, etag, status, error, fetchedAt, due));
    }

    /** Refreshes what is due now, then every {@code interval}, on a background thread, until {@link #close}. */
    public void start(Duration interval) {
        polite.start(
                "github-stars",
                interval,
                this::refreshDue,
                e -> LOG.warn("github stars: a round failed; the next one goes on from the stored state", e));
    }

    @Override
    public void close() {
        polite.close();
    }
}

package io.paperboy.github;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server answering {@code GET /repos/{owner}/{repo}} as GitHub's REST API documents
 * it ("Get a repository", "Rate limits for the REST API", "Use conditional requests"): a 200 with
 * the repository's JSON, an ETag and the x-ratelimit-* headers; a 304 when If-None-Match names the
 * current ETag; a 404 with GitHub's error JSON for an unknown repository; and whatever answers a
 * test queues (rate limit exhausted, 5xx).
 */
final class GithubReplay implements AutoCloseable {
    /** One request as the replay saw it. */
    record Seen(
            String path,
            String ifNoneMatch,
            String authorization,
            String userAgent,
            String accept,
            String apiVersion) {}

    /** A queued answer: status, headers, body. */
    record Answer(int status, Map<String, String> headers, String body) {}

    private final HttpServer server;
    private final Map<String, Integer> stars = new ConcurrentHashMap<>();
    private final Map<String, Deque<Answer>> queued = new ConcurrentHashMap<>();
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    volatile int remaining = 59;

    GithubReplay() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/repos/", exchange -> {
            Headers in = exchange.getRequestHeaders();
            String repo = exchange.getRequestURI().getPath().substring("/repos/".length());
            seen.add(new Seen(
                    repo,
                    in.getFirst("If-None-Match"),
                    in.getFirst("Authorization"),
                    in.getFirst("User-Agent"),
                    in.getFirst("Accept"),
                    in.getFirst("X-GitHub-Api-Version")));
            Answer answer = answer(repo, in.getFirst("If-None-Match"));
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            if (body.length > 0) {
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            }
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    volatile long delayMillis;

    // GitHub's owner and repository names are case-insensitive.
    void repo(String path, int stargazers) {
        stars.put(path.toLowerCase(java.util.Locale.ROOT), stargazers);
    }

    void queue(String path, Answer answer) {
        queued.computeIfAbsent(path.toLowerCase(java.util.Locale.ROOT), k -> new ArrayDeque<>())
                .add(answer);
    }

    static Answer rateLimitExhausted(long resetEpochSeconds) {
        return new Answer(
                403,
                Map.of(
                        "x-ratelimit-limit",
                        "60",
                        "x-ratelimit-remaining",
                        "0",
                        "x-ratelimit-used",
                        "60",
                        "x-ratelimit-reset",
                        Long.toString(resetEpochSeconds),
                        "x-ratelimit-resource",
                        "core"),
                "{\"message\":\"API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests get "
                        + "a higher rate limit. Check out the documentation for more details.)\",\"documentation_url\":"
                        + "\"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting\"}");
    }

    static Answer secondaryLimit(int retryAfterSeconds) {
        return new Answer(
                429,
                Map.of("retry-after", Integer.toString(retryAfterSeconds)),
                "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\","
                        + "\"documentation_url\":\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\"}");
    }

    static Answer serverError(int status) {
        return new Answer(status, Map.of(), status == 502 ? "" : "{\"message\":\"Server Error\"}");
    }

    private Answer answer(String asked, String ifNoneMatch) {
        String repo = asked.toLowerCase(java.util.Locale.ROOT);
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Deque<Answer> q = queued.get(repo);
        if (q != null && !q.isEmpty()) {
            return q.poll();
        }
        Integer count = stars.get(repo);
        if (count == null) {
            return new Answer(
                    404,
                    limits(),
                    "{\"message\":\"Not Found\",\"documentation_url\":"
                            + "\"https://docs.github.com/rest/repos/repos#get-a-repository\",\"status\":\"404\"}");
        }
        String etag = "W/\"" + Integer.toHexString((repo + count).hashCode()) + "\"";
        if (etag.equals(ifNoneMatch)) {
            // Conditional hits cost nothing against the limit: x-ratelimit-remaining does not move.
            Map<String, String> h = new java.util.HashMap<>(limits());
            h.put("ETag", etag);
            return new Answer(304, h, "");
        }
        remaining--;
        Map<String, String> h = new java.util.HashMap<>(limits());
        h.put("ETag", etag);
        h.put("Cache-Control", "public, max-age=60, s-maxage=60");
        String[] parts = repo.split("/");
        return new Answer(
                200,
                h,
                "{\"id\":1296269,\"node_id\":\"MDEwOlJlcG9zaXRvcnkxMjk2MjY5\",\"name\":\"" + parts[1]
                        + "\",\"full_name\":\"" + repo + "\",\"owner\":{\"login\":\"" + parts[0]
                        + "\",\"id\":1,\"type\":\"User\"},"
                        + "\"private\":false,\"html_url\":\"https://github.com/" + repo
                        + "\",\"description\":\"A repository\","
                        + "\"fork\":false,\"stargazers_count\":" + count + ",\"watchers_count\":" + count
                        + ",\"forks_count\":9,\"open_issues_count\":0,\"default_branch\":\"main\",\"subscribers_count\":42}");
    }

    private Map<String, String> limits() {
        return Map.of(
                "x-ratelimit-limit",
                "60",
                "x-ratelimit-remaining",
                Integer.toString(remaining),
                "x-ratelimit-reset",
                Long.toString(System.currentTimeMillis() / 1000 + 3600),
                "x-ratelimit-resource",
                "core");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.paperboy.hub;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server answering the Hub's list APIs as the Hub does: {@code GET /api/models?filter=arxiv:ID}
 * (and datasets, spaces) gives a JSON array of repositories ({@code _id, id, likes, downloads, private,
 * tags, …}), a page at a time with {@code Link: <…>; rel="next"} while more remain, and
 * {@code RateLimit} / {@code RateLimit-Policy} headers; queued answers stand in for 429s and 5xx.
 */
final class HubReplay implements AutoCloseable {
    record Answer(int status, Map<String, String> headers, String body) {}

    private final HttpServer server;
    private final Map<String, List<String>> repos = new ConcurrentHashMap<>();
    private final Deque<Answer> queued = new ArrayDeque<>();
    final List<String> seen = new CopyOnWriteArrayList<>();
    volatile int pageSize = 1000;

    HubReplay() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", exchange -> {
            String kind = exchange.getRequestURI().getPath().substring("/api/".length());
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            seen.add(kind + " " + query.get("filter")
                    + (query.containsKey("cursor") ? " cursor=" + query.get("cursor") : ""));
            Answer answer;
            synchronized (queued) {
                answer = queued.poll();
            }
            if (answer == null) {
                answer = list(kind, query);
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** {@code kind} ("models", "datasets", "spaces") citing {@code arxivId}, named owner/name-i, most liked first. */
    void cite(String kind, String arxivId, int count) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add("org/" + kind + "-" + i);
        }
        repos.put(kind + " arxiv:" + arxivId, items);
    }

    void queue(Answer answer) {
        synchronized (queued) {
            queued.add(answer);
        }
    }

    static Answer tooManyRequests(int seconds) {
        return new Answer(
                429,
                Map.of(
                        "RateLimit",
                        "\"api\";r=0;t=" + seconds,
                        "RateLimit-Policy",
                        "\"fixed window\";\"api\";q=500;w=300"),
                "{\"error\":\"Too Many Requests\"}");
    }

    private Answer list(String kind, Map<String, String> query) {
        List<String> all = repos.getOrDefault(kind + " " + query.get("filter"), List.of());
        int from = Integer.parseInt(query.getOrDefault("cursor", "0"));
        int size = Math.min(pageSize, Integer.parseInt(query.getOrDefault("limit", "1000")));
        int to = Math.min(all.size(), from + size);
        StringBuilder body = new StringBuilder("[");
        for (int i = from; i < to; i++) {
            String id = all.get(i);
            int likes = 1000 - i;
            body.append(i > from ? "," : "")
                    .append("{\"_id\":\"66")
                    .append(i)
                    .append("\",\"id\":\"")
                    .append(id)
                    .append("\",\"likes\":")
                    .append(likes)
                    .append(",\"private\":false");
            if (!kind.equals("spaces")) {
                body.append(",\"downloads\":").append(likes * 10);
            } else {
                body.append(",\"sdk\":\"gradio\"");
            }
            body.append(",\"tags\":[\"")
                    .append(query.get("filter"))
                    .append("\"],\"createdAt\":\"2024-01-01T00:00:00.000Z\"}");
        }
        body.append(']');
        Map<String, String> headers = new HashMap<>(
                Map.of("RateLimit", "\"api\";r=499;t=200", "RateLimit-Policy", "\"fixed window\";\"api\";q=500;w=300"));
        if (to < all.size()) {
            headers.put(
                    "Link",
                    "<" + base() + "api/" + kind + "?filter=" + query.get("filter") + "&sort=likes&direction=-1&limit="
                            + size + "&cursor=" + to + ">; rel=\"next\"");
        }
        return new Answer(200, headers, body.toString());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                out.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.paperboy.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Local receivers for each destination kind, checking every message against the shape its
 * service documents, and answering 400 (as the service would) when it does not fit:
 * <ul>
 * <li>Slack incoming webhooks, Block Kit: {@code text} (the notification fallback) and {@code blocks};
 *     at most 50 blocks; a header block's text is {@code plain_text} of at most 150 characters; a section's
 *     text is {@code mrkdwn} or {@code plain_text} of at most 3,000; bare {@code <} and {@code >} only in links.
 * <li>Discord, execute webhook: {@code content} at most 2,000 characters or {@code embeds}; at most 10 embeds;
 *     title ≤ 256, description ≤ 4,096, at most 25 fields of name ≤ 256 and value ≤ 1,024; all embed text
 *     together ≤ 6,000.
 * <li>Mattermost incoming webhooks: {@code text} and/or {@code attachments}, each attachment with the
 *     required plain-text {@code fallback}; fields with {@code title}, {@code value}, {@code short}.
 * <li>Matrix, {@code PUT /_matrix/client/v3/rooms/{roomId}/send/m.room.message/{txnId}} with a bearer token:
 *     {@code msgtype} and {@code body}; with {@code format} {@code org.matrix.custom.html} a {@code formatted_body}.
 *     Like a homeserver, one event per transaction id.
 * <li>Generic: the Standard Webhooks signature, verified with the destination's secret.
 * </ul>
 */
final class ChatReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message that fit its service's shape. @param id webhook-id or Matrix txnId, else null. */
    record Received(String kind, String id, JsonNode body, Instant at) {}

    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<String> refused = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final Map<String, ConcurrentLinkedQueue<int[]>> scripted = new ConcurrentHashMap<>();
    private final Map<String, String> retryAfter = new ConcurrentHashMap<>();
    private final Map<String, String> matrixEvents = new ConcurrentHashMap<>();
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private volatile long delayMillis;

    ChatReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/slack", ex -> handle(ex, "slack"));
        server.createContext("/discord", ex -> handle(ex, "discord"));
        server.createContext("/mattermost", ex -> handle(ex, "mattermost"));
        server.createContext("/generic", ex -> handle(ex, "generic"));
        server.createContext("/_matrix/client/v3/rooms/", ex -> handle(ex, "matrix"));
        server.start();
    }

    String url(String kind) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return kind.equals("matrix")
                ? base + "/_matrix/client/v3/rooms/%21lab%3Aexample.org/send/m.room.message"
                : base + "/" + kind + "/hook";
    }

    /** The generic receiver accepts signatures made with {@code whsec} (besides the secrets given before). */
    void secret(String whsec) {
        secrets.add(whsec);
    }

    /** The next {@code times} requests to {@code kind} answer {@code status} (with Retry-After when given). */
    void answer(String kind, int status, int times, String retryAfterValue) {
        scripted.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>());
        for (int i = 0; i < times; i++) {
            scripted.get(kind).add(new int[] {status});
        }
        if (retryAfterValue != null) {
            retryAfter.put(kind, retryAfterValue);
        }
    }

    void delay(long millis) {
        this.delayMillis = millis;
    }

    List<Received> of(String kind) {
        return received.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    private void handle(HttpExchange ex, String kind) throws IOException {
        try (ex) {
            byte[] bytes = ex.getRequestBody().readAllBytes();
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            int[] script =
                    scripted.getOrDefault(kind, new ConcurrentLinkedQueue<>()).poll();
            if (script != null) {
                String after = retryAfter.get(kind);
                if (after != null) {
                    ex.getResponseHeaders().add("Retry-After", after);
                }
                ex.sendResponseHeaders(script[0], -1);
                return;
            }
            JsonNode body = JSON.readTree(bytes);
            String problem = switch (kind) {
                case "slack" -> slack(body);
                case "discord" -> discord(body);
                case "mattermost" -> mattermost(body);
                case "matrix" -> matrix(ex, body);
                default -> generic(ex, bytes);
            };
            if (problem != null) {
                refused.add(kind + ": " + problem);
                ex.sendResponseHeaders(problem.startsWith("401") ? 401 : 400, -1);
                return;
            }
            String id =
                    kind.equals("matrix") ? txnId(ex) : ex.getRequestHeaders().getFirst("webhook-id");
            if (kind.equals("matrix") && matrixEvents.putIfAbsent(id, "$event" + id) != null) {
                // A homeserver answers a repeated transaction with the event it made the first time.
                ex.sendResponseHeaders(200, -1);
                return;
            }
            received.add(new Received(kind, id, body, Instant.now()));
            ex.sendResponseHeaders(200, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String slack(JsonNode b) {
        if (!b.path("text").isTextual() || !b.path("blocks").isArray()) {
            return "needs text (fallback) and blocks";
        }
        if (b.get("blocks").size() > 50) {
            return "more than 50 blocks";
        }
        for (JsonNode block : b.get("blocks")) {
            String type = block.path("type").asText();
            switch (type) {
                case "header" -> {
                    if (!block.path("text").path("type").asText().equals("plain_text")
                            || block.path("text").path("text").asText().length() > 150) {
                        return "header text must be plain_text of at most 150 characters";
                    }
                }
                case "section" -> {
                    String t = block.path("text").path("type").asText();
                    String text = block.path("text").path("text").asText();
                    if (!(t.equals("mrkdwn") || t.equals("plain_text")) || text.isEmpty() || text.length() > 3000) {
                        return "section text must be mrkdwn or plain_text, 1 to 3000 characters";
                    }
                    if (text.replaceAll("<https?://[^<>|]+\\|[^<>]*>", "").matches("(?s).*[<>].*")) {
                        return "unescaped < or > outside a link: " + text;
                    }
                }
                case "context" -> {
                    if (!block.path("elements").isArray()
                            || block.get("elements").size() > 10) {
                        return "context needs 1 to 10 elements";
                    }
                }
                default -> {
                    return "unexpected block type " + type;
                }
            }
        }
        return null;
    }

    private static String discord(JsonNode b) {
        if (b.path("content").asText().length() > 2000) {
            return "content over 2000 characters";
        }
        JsonNode embeds = b.path("embeds");
        if (!embeds.isArray() || embeds.size() > 10) {
            return "embeds must be an array of at most 10";
        }
        int total = 0;
        for (JsonNode e : embeds) {
            String title = e.path("title").asText();
            String description = e.path("description").asText();
            if (title.length() > 256
                    || description.length() > 4096
                    || e.path("fields").size() > 25) {
                return "embed title/description/fields over their limits";
            }
            total += title.length() + description.length();
            for (JsonNode f : e.path("fields")) {
                if (!f.path("name").isTextual()
                        || f.path("name").asText().isEmpty()
                        || f.path("name").asText().length() > 256
                        || !f.path("value").isTextual()
                        || f.path("value").asText().isEmpty()
                        || f.path("value").asText().length() > 1024) {
                    return "a field needs a name (1-256) and a value (1-1024)";
                }
                total += f.path("name").asText().length()
                        + f.path("value").asText().length();
            }
            if (!e.path("url").asText().startsWith("http")) {
                return "embed url must be a URL";
            }
        }
        return total > 6000 ? "embeds total " + total + " characters, over 6000" : null;
    }

    private static String mattermost(JsonNode b) {
        if (!b.path("text").isTextual() && !b.path("attachments").isArray()) {
            return "needs text or attachments";
        }
        for (JsonNode a : b.path("attachments")) {
            if (!a.path("fallback").isTextual() || a.path("fallback").asText().isBlank()) {
                return "every attachment needs a plain-text fallback";
            }
            for (JsonNode f : a.path("fields")) {
                if (!f.path("title").isTextual()
                        || !f.path("value").isTextual()
                        || !f.path("short").isBoolean()) {
                    return "a field has title, value and short";
                }
            }
        }
        return null;
    }

    private static String matrix(HttpExchange ex, JsonNode b) {
        if (!ex.getRequestMethod().equals("PUT") || txnId(ex) == null) {
            return "PUT /_matrix/client/v3/rooms/{roomId}/send/m.room.message/{txnId}";
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || auth.length() < 10) {
            return "401 missing access token";
        }
        if (!b.path("msgtype").isTextual() || !b.path("body").isTextual()) {
            return "needs msgtype and body";
        }
        if (b.has("format")
                && (!b.path("format").asText().equals("org.matrix.custom.html")
                        || !b.path("formatted_body").isTextual())) {
            return "format org.matrix.custom.html needs formatted_body";
        }
        return null;
    }

    private static String txnId(HttpExchange ex) {
        String path = ex.getRequestURI().getRawPath();
        String prefix = "/send/m.room.message/";
        int at = path.indexOf(prefix);
        return at < 0 || path.length() == at + prefix.length() ? null : path.substring(at + prefix.length());
    }

    private String generic(HttpExchange ex, byte[] bytes) {
        var h = ex.getRequestHeaders();
        if (h.getFirst("webhook-id") == null
                || h.getFirst("webhook-timestamp") == null
                || h.getFirst("webhook-signature") == null) {
            return "401 webhook-id, webhook-timestamp and webhook-signature are required";
        }
        for (String s : secrets) {
            if (new WebhookSignature(s)
                    .verify(
                            h.getFirst("webhook-id"),
                            h.getFirst("webhook-timestamp"),
                            h.getFirst("webhook-signature"),
                            bytes,
                            Instant.now())) {
                return null;
            }
        }
        return "401 signature does not verify";
    }

    List<String> ids(String kind) {
        List<String> ids = new ArrayList<>();
        of(kind).forEach(r -> ids.add(r.id()));
        return ids;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

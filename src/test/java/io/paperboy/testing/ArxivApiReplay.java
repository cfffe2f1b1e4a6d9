package io.paperboy.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local arXiv API ({@code /api/query?id_list=…}) that answers with real recorded responses: the
 * recorded feed that holds the asked id, exactly as recorded (a search feed holds other papers
 * too, which a client must ignore), else an empty feed, as arXiv answers for an id it does not
 * know. {@link #trouble} makes it fail the way arXiv does on a bad day.
 */
public final class ArxivApiReplay implements AutoCloseable {
    /** The recorded responses, both output generations (see samples/arxiv-api-atom/SOURCE.md). */
    public static final List<String> RECORDINGS = List.of(
            "/samples/arxiv-api-atom/api-query-id_list-1601.00001-2020.xml",
            "/samples/arxiv-api-atom/api-query-cat-cs.RO-neural-2025-10.xml",
            "/samples/arxiv-api-atom/api-query-transformer-cs.LG-2026-06-newformat.xml");
    /** What arXiv answers for an id it does not know: a feed without entries. */
    static final String EMPTY_FEED = """
            <?xml version='1.0' encoding='UTF-8'?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
              <id>https://arxiv.org/api/empty</id>
              <title>arXiv Query: id_list</title>
              <updated>2026-11-29T00:00:00Z</updated>
              <opensearch:totalResults>0</opensearch:totalResults>
            </feed>
            """;

    private static final Pattern ENTRY_ID =
            Pattern.compile("<entry>\\s*<id>https?://arxiv\\.org/abs/([^<]+?)(?:v\\d+)?</id>");

    /** How the server misbehaves; NONE answers from the recordings, HANG_UP closes the connection unanswered. */
    public enum Trouble {
        NONE,
        SERVER_ERROR,
        SLOW,
        EMPTY_FEED,
        ERROR_ENTRY,
        HANG_UP
    }

    private final HttpServer server;
    private final Map<String, byte[]> feedsById = new LinkedHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile Trouble trouble = Trouble.NONE;

    public ArxivApiReplay() throws IOException {
        for (String recording : RECORDINGS) {
            byte[] feed = load(recording);
            Matcher m = ENTRY_ID.matcher(new String(feed, StandardCharsets.UTF_8));
            while (m.find()) {
                feedsById.put(m.group(1), feed);
            }
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/query", this::answer);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/query");
    }

    /** The ids the recordings hold, each answerable. */
    public List<String> recordedIds() {
        return List.copyOf(feedsById.keySet());
    }

    /** Every {@code id_list} asked so far, in order. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    /** Misbehaves from now on, until told {@link Trouble#NONE}. */
    public void trouble(Trouble trouble) {
        this.trouble = trouble;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String ids = query(exchange.getRequestURI().getRawQuery()).getOrDefault("id_list", "");
            asked.add(ids);
            switch (trouble) {
                case SERVER_ERROR ->
                    send(
                            exchange,
                            500,
                            "<html><body>500 Internal Server Error</body></html>".getBytes(StandardCharsets.UTF_8));
                case SLOW -> {
                    sleep(Duration.ofSeconds(3));
                    send(exchange, 200, EMPTY_FEED.getBytes(StandardCharsets.UTF_8));
                }
                case EMPTY_FEED -> send(exchange, 200, EMPTY_FEED.getBytes(StandardCharsets.UTF_8));
                case HANG_UP -> {} // closes the connection without a word: the client reads no status line
                case ERROR_ENTRY -> send(exchange, 200, errorFeed(ids));
                case NONE ->
                    send(exchange, 200, feedsById.getOrDefault(ids, EMPTY_FEED.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    // The shape arXiv's API uses to refuse a malformed id.
    private static byte[] errorFeed(String ids) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
                        + "<id>http://arxiv.org/api/errors#incorrect_id_format_for_" + ids + "</id><title>Error</title>"
                        + "<summary>incorrect id format for " + ids + "</summary></entry></feed>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/atom+xml; charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            // The client gave up waiting (the timeout tests): nobody is left to answer.
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> args = new LinkedHashMap<>();
        if (raw == null) {
            return args;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                args.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return args;
    }

    private static byte[] load(String resource) throws IOException {
        try (InputStream in = ArxivApiReplay.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.paperboy.ingest.arxiv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 server on a raw socket that answers each request as a script says: a page, a
 * status with headers, an answer after a delay, or a connection reset (TCP RST, which the JDK's
 * HttpServer cannot produce). It records every request's query and headers.
 */
final class ReplayServer implements AutoCloseable {
    /** One answer; {@code reset} drops the connection with an RST instead of answering. */
    record Reply(int status, Map<String, String> headers, byte[] body, Duration delay, boolean reset) {
        static Reply ok(String xml) {
            return new Reply(200, Map.of(), xml.getBytes(StandardCharsets.UTF_8), Duration.ZERO, false);
        }

        static Reply status(int status, Map<String, String> headers) {
            return new Reply(
                    status,
                    headers,
                    ("<html><body>" + status + "</body></html>").getBytes(StandardCharsets.UTF_8),
                    Duration.ZERO,
                    false);
        }

        static Reply connectionReset() {
            return new Reply(0, Map.of(), new byte[0], Duration.ZERO, true);
        }

        Reply after(Duration wait) {
            return new Reply(status, headers, body, wait, reset);
        }
    }

    /** Decides the answer to the {@code n}th request (1-based) from its query arguments. */
    interface Script {
        Reply answer(Map<String, String> query, int n);
    }

    /** A request as the server saw it. */
    record Seen(Map<String, String> query, Map<String, String> headers) {}

    private final ServerSocket socket;
    private final Script script;
    private final AtomicInteger count = new AtomicInteger();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    ReplayServer(Script script) throws IOException {
        this.script = script;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().daemon().name("replay-server").start(this::acceptLoop);
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/oai");
    }

    List<Seen> requests() {
        return List.copyOf(seen);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            if (requestLine == null) {
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).strip().toLowerCase(),
                        line.substring(colon + 1).strip());
            }
            Map<String, String> query = query(requestLine.split(" ")[1]);
            seen.add(new Seen(query, headers));
            Reply reply = script.answer(query, count.incrementAndGet());
            if (reply.reset()) {
                connection.setSoLinger(true, 0);
                return;
            }
            Thread.sleep(reply.delay());
            write(connection.getOutputStream(), reply);
        } catch (IOException | InterruptedException e) {
            // The client gave up (a timeout test) or the server is closing: nothing to answer.
        }
    }

    private static void write(OutputStream out, Reply reply) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 " + reply.status() + " Status\r\n")
                .append("Content-Type: text/xml; charset=UTF-8\r\n")
                .append("Content-Length: ")
                .append(reply.body().length)
                .append("\r\n")
                .append("Connection: close\r\n");
        reply.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(reply.body());
        out.flush();
    }

    private static Map<String, String> query(String target) {
        Map<String, String> args = new LinkedHashMap<>();
        int q = target.indexOf('?');
        if (q < 0) {
            return args;
        }
        for (String pair : target.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            args.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return args;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

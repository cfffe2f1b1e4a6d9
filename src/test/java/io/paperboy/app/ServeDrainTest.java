package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.Poll;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real {@code paperboy serve} while a request is in flight (its body still arriving):
 * the server refuses new connections at once, lets that request finish with its full answer, then
 * exits. Before, SIGTERM closed the server under the request (one cause of the 2 % of requests a
 * rolling restart failed without balancer retries).
 */
final class ServeDrainTest {
    private static final String BODY = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";

    @TempDir
    Path dir;

    @Test
    void sigtermDuringASlowRequest_refusesNewConnections_finishesTheRequest_thenExits() throws Exception {
        int port = freePort();
        Path log = dir.resolve("serve.log");
        Process server = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.paperboy.app.Main",
                        "serve",
                        "--no-embeddings",
                        "--port",
                        Integer.toString(port),
                        "--data",
                        dir.resolve("data").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            Poll.until(Duration.ofSeconds(90), () -> live(http, port, server), up -> up || !server.isAlive());
            assertThat(live(http, port, server)).as(Files.readString(log)).isTrue();

            try (Socket slow = new Socket("127.0.0.1", port)) {
                slow.setSoTimeout(30_000);
                OutputStream out = slow.getOutputStream();
                byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
                out.write(("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                                + "Accept: application/json\r\nContent-Length: " + body.length
                                + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, 10);
                out.flush();
                Thread.sleep(500); // the handler is now reading the body, which stops after 10 bytes

                server.destroy(); // SIGTERM

                boolean refused = Poll.until(Duration.ofSeconds(10), () -> refusesConnections(port), r -> r);
                assertThat(refused)
                        .as("a new connection is refused while the old request drains")
                        .isTrue();
                assertThat(server.isAlive())
                        .as("still draining the request in flight")
                        .isTrue();
                out.write(body, 10, body.length - 10);
                out.flush();
                String answer = readAll(slow.getInputStream());
                assertThat(answer).startsWith("HTTP/1.1 200").contains("\"tools\"");
            }
            assertThat(server.waitFor(30, TimeUnit.SECONDS))
                    .as("stopped after the drain")
                    .isTrue();
            assertThat(server.exitValue()).isIn(0, 143);
            assertThat(Files.readString(log))
                    .contains("stopping: finishing the requests in flight")
                    .doesNotContain("Exception");
        } finally {
            server.destroyForcibly();
        }
    }

    private static boolean live(HttpClient http, int port, Process server) throws InterruptedException {
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode()
                    == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static boolean refusesConnections(int port) throws IOException {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return false;
        } catch (ConnectException refused) {
            return true;
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

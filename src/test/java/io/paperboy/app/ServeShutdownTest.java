package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperboy serve --demo} in a real child JVM: serves the demo papers, then stops on SIGTERM. */
final class ServeShutdownTest {
    @TempDir
    Path dir;

    @Test
    void serveDemo_answersThenStopsCleanlyOnSigterm() throws Exception {
        int port = freePort();
        Path log = dir.resolve("serve.log");
        Process server = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.paperboy.app.Main",
                        "serve",
                        "--demo",
                        "--port",
                        Integer.toString(port),
                        "--data",
                        dir.resolve("data").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            HttpResponse<String> paper = awaitAnswer("http://127.0.0.1:" + port + "/api/papers/2306.15794", server);
            assertThat(paper.statusCode()).as(Files.readString(log)).isEqualTo(200);
            assertThat(paper.body()).contains("\"title\":\"HyenaDNA");

            server.destroy(); // SIGTERM

            assertThat(server.waitFor(20, TimeUnit.SECONDS))
                    .as("stopped within 20 s")
                    .isTrue();
            // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks and exited as a terminated process does.
            assertThat(server.exitValue()).isIn(0, 143);
            assertThat(Files.readString(log)).doesNotContain("Exception");
        } finally {
            server.destroyForcibly();
        }
    }

    private static HttpResponse<String> awaitAnswer(String url, Process server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline) || !server.isAlive()) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

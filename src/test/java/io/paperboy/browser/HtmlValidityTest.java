package io.paperboy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page type validates with the Nu HTML Checker (vnu.jar, the W3C's validator). */
@Tag("browser")
final class HtmlValidityTest {
    private static final List<String> PAGES = List.of("/", "/papers/date/2026-06-12", "/papers/date/2001-01-01",
            "/papers/week/2026-W24", "/papers/month/2026-06", "/papers/trending", "/papers/date/2026-06-12?code=1&cat=cs",
            "/papers/0704.0001", "/papers/2606.13681", "/papers", "/papers?q=diphoton", "/papers/2401.99999", "/papers/date/2024-13-45",
            "/signup", "/login", "/reset", "/reset?token=unknown", "/verify?token=unknown",
            "/subscribe", "/subscribe/confirm?token=unknown", "/unsubscribe/1.forged");
    // Pages as a signed-in member sees them: account links, forms with CSRF tokens, settings.
    private static final List<String> MEMBER_PAGES = List.of("/", "/papers/0704.0001", "/settings", "/settings?welcome",
            "/papers?q=diphoton", "/settings/digest");

    @TempDir
    Path dir;

    @Test
    void everyPageType_hasNoValidationErrorOrWarning() throws Exception {
        Map<String, String> fileToPage = new LinkedHashMap<>();
        try (TestServer server = new TestServer(dir)) {
            for (int i = 0; i < PAGES.size(); i++) {
                Path file = dir.resolve("page-" + i + ".html");
                Files.writeString(file, server.get(PAGES.get(i)).body());
                fileToPage.put(file.toUri().toString(), PAGES.get(i));
            }
            WebSession member = server.browser().signUpConfirmed("validator");
            for (int i = 0; i < MEMBER_PAGES.size(); i++) {
                Path file = dir.resolve("member-page-" + i + ".html");
                Files.writeString(file, member.get(MEMBER_PAGES.get(i)).body());
                fileToPage.put(file.toUri().toString(), "member " + MEMBER_PAGES.get(i));
            }
            WebSession typo = server.browser();
            typo.get("/signup");
            Path invalid = dir.resolve("signup-errors.html");
            Files.writeString(invalid, typo.post("/signup", Map.of("email", "nope", "name", "x", "password", "short")).body());
            fileToPage.put(invalid.toUri().toString(), "sign-up with errors");
        }

        JsonNode result = new ObjectMapper().readTree(runChecker(fileToPage.keySet().stream()
                .map(uri -> Path.of(java.net.URI.create(uri)).toString()).toList()));

        assertThat(result.has("messages")).as("the checker answered").isTrue();
        List<String> problems = new ArrayList<>();
        for (JsonNode message : result.path("messages")) {
            if (!message.path("type").asText().equals("info") || message.path("subType").asText().equals("warning")) {
                problems.add(fileToPage.getOrDefault(message.path("url").asText(), message.path("url").asText())
                        + " line " + message.path("lastLine").asInt() + ": " + message.path("message").asText());
            }
        }
        assertThat(problems).isEmpty();
    }

    private String runChecker(List<String> files) throws Exception {
        Path vnu = Path.of(System.getProperty("paperboy.vnu", "target/npm/node_modules/vnu-jar/build/dist/vnu.jar"));
        if (!Files.isRegularFile(vnu)) {
            throw new IllegalStateException("the Nu HTML Checker is missing at " + vnu + ": run with -Pbrowser, "
                    + "which installs vnu-jar from the npm registry");
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", vnu.toString(), "--format", "json", "--stdout"));
        command.addAll(files);
        Path output = dir.resolve("vnu.json");
        Process checker = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(checker.waitFor(120, TimeUnit.SECONDS)).as("the checker finished").isTrue();
        return Files.readString(output);
    }
}

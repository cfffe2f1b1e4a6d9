package io.paperboy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The Nu HTML Checker (vnu.jar, the W3C's validator) over saved pages; -Pbrowser installs it. */
final class NuChecker {
    private NuChecker() {}

    /** Validates each page's HTML (path → body) and returns every error and warning, as "path line N: message". */
    static List<String> problems(Path dir, Map<String, String> pages) throws Exception {
        Map<String, String> fileToPage = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path file = dir.resolve("page-" + i++ + ".html");
            Files.writeString(file, page.getValue());
            fileToPage.put(file.toUri().toString(), page.getKey());
        }
        JsonNode result = new ObjectMapper()
                .readTree(run(
                        dir,
                        fileToPage.keySet().stream()
                                .map(uri -> Path.of(java.net.URI.create(uri)).toString())
                                .toList()));
        assertThat(result.has("messages")).as("the checker answered").isTrue();
        List<String> problems = new ArrayList<>();
        for (JsonNode message : result.path("messages")) {
            if (!message.path("type").asText().equals("info")
                    || message.path("subType").asText().equals("warning")) {
                problems.add(fileToPage.getOrDefault(
                                message.path("url").asText(),
                                message.path("url").asText()) + " line "
                        + message.path("lastLine").asInt() + ": "
                        + message.path("message").asText());
            }
        }
        return problems;
    }

    private static String run(Path dir, List<String> files) throws Exception {
        Path vnu = Path.of(System.getProperty("paperboy.vnu", "target/npm/node_modules/vnu-jar/build/dist/vnu.jar"));
        if (!Files.isRegularFile(vnu)) {
            throw new IllegalStateException("the Nu HTML Checker is missing at " + vnu + ": run with -Pbrowser, "
                    + "which installs vnu-jar from the npm registry");
        }
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                vnu.toString(),
                "--format",
                "json",
                "--stdout"));
        command.addAll(files);
        Path output = dir.resolve("vnu.json");
        Process checker = new ProcessBuilder(command)
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(checker.waitFor(120, TimeUnit.SECONDS))
                .as("the checker finished")
                .isTrue();
        return Files.readString(output);
    }
}

package io.paperboy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .mvn/find-jdk}, which both the launcher and {@code ./mvnw} use to run on a JDK 21 or newer
 * on a machine whose default {@code java} is older.
 */
class FindJdkScriptTest {
    private static final Path SCRIPT = Path.of(".mvn/find-jdk").toAbsolutePath();

    @TempDir
    Path tmp;

    private Path jvms() throws IOException {
        return Files.createDirectories(tmp.resolve("jvms"));
    }

    @Test
    void picksTheNewestJdkOfAtLeast21WhenJavaHomeIsTooOld() throws Exception {
        Path old = fakeJdk("java-17", "17.0.12");
        fakeJdk("java-21", "21.0.4");
        Path newest = fakeJdk("java-25", "25.0.1");
        fakeJre("jre-26", "26");

        Result result = run(Map.of("JAVA_HOME", old.toString()));

        assertEquals(0, result.exit(), result.err());
        assertEquals(newest.toString(), result.out().strip());
    }

    @Test
    void keepsJavaHomeWhenItIsNewEnough() throws Exception {
        Path chosen = fakeJdk("java-21", "21.0.4");
        fakeJdk("java-25", "25.0.1");

        Result result = run(Map.of("JAVA_HOME", chosen.toString()));

        assertEquals(chosen.toString(), result.out().strip());
    }

    @Test
    void printsTheMajorVersionWhenAsked() throws Exception {
        fakeJdk("java-25", "25.0.1");

        Result result = run(Map.of(), "--major");

        assertEquals("25", result.out().strip());
    }

    @Test
    void onMacOs_takesTheJdkThatJavaHomeNames() throws Exception {
        Path mac = Files.createDirectories(tmp.resolve("Library/Java/JavaVirtualMachines/temurin-21.jdk"));
        Path home = fakeJdkAt(mac.resolve("Contents/Home"), "21.0.5");
        Path tool = tmp.resolve("java_home");
        // Like macOS's tool: prints the home of a JDK matching -v, fails when none does.
        Files.writeString(tool, "#!/bin/sh\n[ \"$1 $2\" = \"-v 21+\" ] && echo " + home + " || exit 1\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));

        Result result = run(Map.of("PAPERBOY_JAVA_HOME_TOOL", tool.toString()));

        assertEquals(0, result.exit(), result.err());
        assertEquals(home.toString(), result.out().strip());
    }

    @Test
    void saysWhatIsMissingWhenNoJdkIsNewEnough() throws Exception {
        fakeJdk("java-17", "17.0.12");

        Result result = run(Map.of());

        assertEquals(1, result.exit());
        assertTrue(result.err().contains("needs a JDK 21 or newer"), result.err());
        assertTrue(result.err().contains(jvms().toString()), "names where it looked: " + result.err());
    }

    private Path fakeJdk(String name, String version) throws IOException {
        return fakeJdkAt(jvms().resolve(name), version);
    }

    private Path fakeJre(String name, String version) throws IOException {
        return fakeJreAt(jvms().resolve(name), version);
    }

    private static Path fakeJdkAt(Path home, String version) throws IOException {
        fakeJreAt(home, version);
        executable(home.resolve("bin/javac"));
        return home;
    }

    private static Path fakeJreAt(Path home, String version) throws IOException {
        Files.createDirectories(home);
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        executable(home.resolve("bin/java"));
        return home;
    }

    private static void executable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Result run(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(concat(List.of("/bin/bash", SCRIPT.toString()), List.of(args)));
        builder.environment().clear();
        // A PATH with the tools the script uses and no javac, so only the fake JDKs can be found.
        builder.environment().put("PATH", toolsOnly().toString());
        builder.environment().put("PAPERBOY_JVM_DIR", jvms().toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "find-jdk finished");
        return new Result(process.exitValue(), out, err);
    }

    private Path toolsOnly() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("sed", "head", "dirname", "readlink")) {
            Path link = bin.resolve(tool);
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, Path.of("/usr/bin", tool).toRealPath());
            }
        }
        return bin;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private record Result(int exit, String out, String err) {}
}

package io.paperboy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Paperboy's CLI in a child JVM on the test's classpath, for tests that kill it with SIGKILL. */
public final class ChildJvm {
    private ChildJvm() {}

    /** Starts {@code io.paperboy.app.Main} with {@code args}; its output is discarded. */
    public static Process paperboy(String... args) throws Exception {
        return paperboy(ProcessBuilder.Redirect.DISCARD, args);
    }

    /** Starts {@code io.paperboy.app.Main} with {@code args}, its output (both streams) appended to {@code log}. */
    public static Process paperboy(java.nio.file.Path log, String... args) throws Exception {
        return paperboy(ProcessBuilder.Redirect.appendTo(log.toFile()), args);
    }

    private static Process paperboy(ProcessBuilder.Redirect output, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "io.paperboy.app.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output)
                .start();
    }

    /**
     * Waits until {@code committed} says the child has committed some work (up to 2 minutes),
     * checks it is still working, then kills it with SIGKILL and waits for it to be gone.
     */
    public static void killOnceCommitted(Process child, String doing, BooleanSupplier committed) throws Exception {
        try {
            Poll.until(Duration.ofMinutes(2), () -> !child.isAlive() || committed.getAsBoolean(), done -> done);
            assertThat(child.isAlive())
                    .as("the child is still " + doing + " when killed")
                    .isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
    }
}

package io.paperboy.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a command printed, for tests that run {@code Main.run} in-process: register it with
 * {@code @RegisterExtension}; each test's System.out and System.err are captured and System.in can
 * be given, and all three are put back after the test.
 */
public final class Console implements BeforeEachCallback, AfterEachCallback {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private InputStream originalIn;

    @Override
    public void beforeEach(ExtensionContext context) {
        originalOut = System.out;
        originalErr = System.err;
        originalIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.setIn(originalIn);
    }

    /** What went to standard output so far. */
    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What went to standard error so far. */
    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was printed, so the next command's output stands alone. */
    public void reset() {
        out.reset();
        err.reset();
    }

    /** Gives the next command {@code text} on its standard input. */
    public void input(String text) {
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}

package io.paperboy.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestServer} for a test class: {@code @RegisterExtension static final ServerExtension
 * SERVER = new ServerExtension();} starts it before the first test and stops it after the last.
 */
public final class ServerExtension implements BeforeAllCallback, AfterAllCallback {
    private Path dir;
    private TestServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("paperboy-test-server");
        server = new TestServer(dir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        server.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    public TestServer server() {
        return server;
    }

    /** A folder for the test's own files, deleted with the server's. */
    public Path dir() {
        return dir;
    }
}

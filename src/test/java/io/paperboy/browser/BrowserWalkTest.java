package io.paperboy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.Browser;
import io.paperboy.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The browser walk: for each role, real Chromium visits every page route the server registers,
 * checks each page at a desktop's width (1280 px, light) and a phone's (390 px, dark), and submits
 * every form on every page by clicking it at the phone's width (see {@link Walker}, which also says
 * which forms repeated on many pages are not sent again). It fails on a form answered 403 or 5xx, a
 * page answered 5xx, any console error, a serious or critical axe-core violation, or a page wider
 * than the window. The roles walk one after another over one server, each in a browser of its own
 * and with fixtures of its own (a role's forms change what the next one sees: that is fine, each
 * role still meets every form it can).
 */
@Tag("browser")
final class BrowserWalkTest {
    /** Page routes no walk can reach, each with the reason; every other page route must be walked. */
    private static final Map<String, String> UNREACHABLE = Map.of();

    /** The desktop in light, then the phone in dark, which also clicks the forms (a phone is where a button gets covered). */
    private static final List<Walker.Width> WIDTHS =
            List.of(new Walker.Width(1280, "light"), new Walker.Width(390, "dark"));

    @TempDir
    static Path dir;

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        long start = System.nanoTime();
        // The walk's webhook destinations post to the server itself, on 127.0.0.1: the operator's option allows it.
        server = new TestServer(dir, site -> site.webhooksAllowPrivate(true));
        System.out.printf("walk server started in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Every role; {@code -Dpaperboy.walk=MEMBER,CURATOR} walks only those. */
    static Stream<WalkRole> roles() {
        List<String> only = Arrays.stream(
                        System.getProperty("paperboy.walk", "").split(","))
                .filter(s -> !s.isBlank())
                .toList();
        return Arrays.stream(WalkRole.values()).filter(role -> only.isEmpty() || only.contains(role.name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roles")
    void everyPageAndForm_worksInARealBrowser_atBothWidths(WalkRole role) throws Exception {
        long setUp = System.nanoTime();
        WalkRole.Identity who = role.setUp(server);
        ChromeDriver browser = Browser.openRecordingNetwork(
                WIDTHS.getLast().pixels(), 900, Files.createTempDirectory(dir, "chromium-" + role));
        try {
            long start = System.nanoTime();
            System.out.printf("%s: set up in %d ms%n", role, (start - setUp) / 1_000_000);
            Walker walker = new Walker(server, browser, who, WIDTHS);
            List<String> problems = walker.walk(List.of("/papers/" + WalkRole.PAPER), UNREACHABLE);
            walker.log().forEach(System.out::println);
            System.out.printf("%s: walked in %d s%n", role, (System.nanoTime() - start) / 1_000_000_000);
            assertThat(problems).as(role.toString()).isEmpty();
        } finally {
            browser.quit();
        }
    }
}

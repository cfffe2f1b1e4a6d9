package io.paperboy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.Axe;
import io.paperboy.testing.Browser;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.chrome.ChromeDriver;

/** An axe-core audit of each page type, in light and dark, reports no serious or critical violation. */
@Tag("browser")
final class AccessibilityTest {
    @TempDir
    static Path dir;

    private static TestServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(dir);
        browser = Browser.open(1280, 900, Files.createTempDirectory(dir, "chromium"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        server.close();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
        "/,light",
        "/papers/date/2026-06-12,light",
        "/papers/date/2026-06-12,dark",
        "/papers/date/2001-01-01,light",
        "/papers/week/2026-W24,light",
        "/papers/month/2026-06,dark",
        "/papers/trending,light",
        "/papers/0704.0001,light",
        "/papers?q=diphoton,light",
        "/papers?q=diphoton,dark",
        "/papers/2606.13681,dark",
        "/papers/2401.99999,light",
        "/signup,light",
        "/signup,dark",
        "/login,light",
        "/reset,dark",
        "/about/ranking,light",
        "/subscribe,light",
        "/subscribe,dark"
    })
    void pageType_hasNoSeriousOrCriticalViolations(String path, String theme) {
        browser.get(server.url(path));
        assertNoSeriousViolations(path, theme);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"light", "dark"})
    void commentThreads_asACuratorSeesThem_withTheFormsOpen_haveNoSeriousOrCriticalViolations(String theme)
            throws Exception {
        WebSession carol = CommentFixtures.discussion(server, "2606.13681", theme);
        browser.get(server.url("/"));
        browser.manage()
                .addCookie(new org.openqa.selenium.Cookie.Builder("pb_session", carol.cookie("pb_session"))
                        .path("/")
                        .isHttpOnly(true)
                        .build());
        browser.get(server.url("/papers/2606.13681"));
        browser.executeScript("document.querySelectorAll('#comments details').forEach(d => d.open = true);");

        assertNoSeriousViolations("/papers/2606.13681 as a curator", theme);
        browser.manage().deleteAllCookies();
    }

    private void assertNoSeriousViolations(String path, String theme) {
        browser.executeScript("document.documentElement.dataset.theme = arguments[0];", theme);
        assertThat(Axe.seriousViolations(browser)).as(path + " in " + theme).isEmpty();
    }
}

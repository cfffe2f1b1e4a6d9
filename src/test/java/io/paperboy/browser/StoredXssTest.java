package io.paperboy.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.ingest.Importer;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.Browser;
import io.paperboy.testing.MailServer;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Script smuggled into what others typed — a member's display name, an imported paper's title,
 * authors and abstract (TeX included, since KaTeX renders it) — stays text in real Chromium.
 */
@Tag("browser")
final class StoredXssTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    static final String PAYLOAD =
            "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>" + "\"><svg onload=window.__xss=3>";
    // Display names are at most 60 characters.
    static final String NAME_PAYLOAD = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    static final String PAPER_ID = "2611.99999";
    private static ChromeDriver browser;

    @BeforeAll
    static void storePayloads() throws Exception {
        TestServer server = SERVER.server();
        Path seed = SERVER.dir().resolve("xss-seed.jsonl");
        Files.writeString(
                seed,
                new ObjectMapper()
                                .writeValueAsString(Map.of(
                                        "rank",
                                        1,
                                        "arxiv_id",
                                        PAPER_ID,
                                        "title",
                                        "Attention " + PAYLOAD + " $\\href{javascript:window.__xss=4}{click}$",
                                        "abstract",
                                        "We study " + PAYLOAD
                                                + " and $\\htmlId{x}{y}$ with <a href=\"javascript:window.__xss=5\">a link</a>.",
                                        "authors",
                                        List.of("Eve " + PAYLOAD),
                                        "published",
                                        "2026-11-29",
                                        "links",
                                        List.of("github.com/eve/x\"onmouseover=\"window.__xss=6")))
                        + "\n");
        new Importer(
                        server.db(),
                        new PaperService(server.db()),
                        new ListingService(server.db()),
                        TestServer.IMPORT_DATE)
                .run(List.of(seed), false);

        browser = Browser.open(1280, 900, Files.createTempDirectory(SERVER.dir(), "chromium"));
        browser.get(server.url("/signup"));
        browser.findElement(By.name("email")).sendKeys("mallory@example.org");
        browser.findElement(By.name("name")).sendKeys("mallory");
        browser.findElement(By.name("display_name")).sendKeys("M " + NAME_PAYLOAD);
        browser.findElement(By.name("password")).sendKeys(WebSession.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/signup'] button[type=submit]"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?signed-up"));
        Browser.logIn(browser, "mallory@example.org", WebSession.PASSWORD);
        browser.get(
                server.url(WebSession.path(MailServer.link(server.mail().await("mallory@example.org", "Confirm")))));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/|<script>window.__xss=2</script>",
                "/papers/date/2026-11-29|<script>window.__xss=2</script>",
                "/papers/" + PAPER_ID + "|<script>window.__xss=2</script>",
                "/settings|<script>alert(2)</script>",
                "/papers?q=attention|<script>alert(2)</script>",
                "/papers/trending|<script>window.__xss=2</script>"
            })
    void storedPayloads_runNoScript_andShowAsText(String path, String shownAsText) {
        browser.get(SERVER.server().url(path));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> "complete".equals(browser.executeScript("return document.readyState")));
        // Let deferred scripts (KaTeX auto-render, htmx) run over the page first.
        browser.executeAsyncScript("const done = arguments[arguments.length - 1]; setTimeout(done, 300);");

        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.executeScript("return window.__xss === undefined"))
                .as("window.__xss on " + path)
                .isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("[onerror], [onload], [onmouseover], a[href^='javascript:']")))
                .as("elements with script attributes on " + path)
                .isEmpty();
        assertThat(browser.findElement(By.tagName("body")).getText())
                .as("the payload shows as text on " + path)
                .contains(shownAsText);
    }
}

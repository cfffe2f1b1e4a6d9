package io.paperboy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.ArxivApiReplay.Trouble;
import io.paperboy.testing.Browser;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.WebSession;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The submit form in real Chromium at phone width: it says it is asking arXiv, then thanks, or says why not in words. */
@Tag("browser")
final class SubmitProgressTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        SERVER.server().arxiv().trouble(Trouble.NONE);
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void whileArxivIsAsked_theButtonSaysSoAndCannotBePressedAgain() throws Exception {
        open("busy");
        // ChromeDriver waits for a navigation to finish before its next command, so the page it
        // would leave cannot be looked at mid-request; instead the submission is held back after
        // app.js has seen it (a window listener runs after app.js's document listener).
        browser.executeScript("window.addEventListener('submit', function (e) { e.preventDefault(); });");

        WebElement button = submit("2510.14968");

        assertThat(button.getText()).isEqualTo("Asking arXiv…");
        assertThat(button.isEnabled()).isFalse();
        assertThat(browser.findElement(By.cssSelector("form[action='/submit'] .busy"))
                        .getText())
                .isEqualTo("Asking arXiv…");
    }

    @Test
    void arxivNotAnswering_isSaidInWords_andTheFormCanBeSentAgain() throws Exception {
        open("slow");
        SERVER.server().arxiv().trouble(Trouble.SLOW); // each try waits out the test server's 1 s timeout

        submit("2510.14968");

        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.id("submit-refused")).isEmpty());
        assertThat(browser.findElement(By.id("submit-refused")).getText())
                .contains("arXiv could not be asked about 2510.14968")
                .doesNotContain("java.")
                .doesNotContain("Exception");
        assertThat(browser.findElement(By.cssSelector("form[action='/submit'] button[type=submit]"))
                        .isEnabled())
                .isTrue();
    }

    @Test
    void aSubmission_landsOnItsDay_withThanks() throws Exception {
        open("thanked");

        submit("1601.00001");

        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().contains("/papers/date/"));
        assertThat(browser.findElement(By.id("listing-notice")).getText())
                .isEqualTo(
                        "Thank you: “Inelastic effects in molecular transport junctions: The probe technique at high bias” "
                                + "is featured on this day, submitted by you.");
    }

    private void open(String name) throws Exception {
        new WebSession(SERVER.server()).signUpConfirmed("sp-" + name);
        browser = Browser.open(390, 844, Files.createTempDirectory(SERVER.dir(), "chromium"));
        browser.get(SERVER.server().url("/login"));
        Browser.logIn(browser, WebSession.email("sp-" + name), WebSession.PASSWORD);
        browser.get(SERVER.server().url("/submit"));
    }

    private WebElement submit(String id) {
        browser.findElement(By.name("arxiv")).sendKeys(id);
        WebElement button = browser.findElement(By.cssSelector("form[action='/submit'] button[type=submit]"));
        button.click();
        return button;
    }
}

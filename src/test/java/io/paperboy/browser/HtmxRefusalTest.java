package io.paperboy.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** When the server refuses an htmx action, the page says why in the server's words, and stays. */
@Tag("browser")
final class HtmxRefusalTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anUnconfirmedMember_isOfferedToConfirmInsteadOfAnUpvoteTheSiteWouldRefuse() throws Exception {
        browser = Browser.open(1280, 900, Files.createTempDirectory(SERVER.dir(), "chromium"));
        browser.get(SERVER.server().url("/signup"));
        browser.findElement(By.name("email")).sendKeys("pending@example.org");
        browser.findElement(By.name("name")).sendKeys("pending");
        browser.findElement(By.name("display_name")).sendKeys("Pending");
        browser.findElement(By.name("password")).sendKeys(WebSession.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/signup'] button[type=submit]"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?signed-up"));
        Browser.logIn(browser, "pending@example.org", WebSession.PASSWORD);

        browser.get(SERVER.server().url("/papers/date/2026-06-12"));
        assertThat(browser.findElements(By.cssSelector("#paper-1 form.vote")))
                .as("no vote form to be refused")
                .isEmpty();
        var confirm = browser.findElement(By.cssSelector("#paper-1 a.vote-button"));
        assertThat(confirm.getAttribute("title")).isEqualTo("Confirm your email address to upvote");
        confirm.click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/settings"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("not confirmed");
    }
}

package io.paperboy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The upvote button in real Chromium: htmx swaps it in place, the page never reloads. */
@Tag("browser")
final class VoteButtonTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final String DAY = "/papers/date/2026-06-12";
    private static final String PAPER = "2606.08103";
    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void clickingUpvote_changesTheCountInPlace_withoutNavigating() throws Exception {
        WebSession member = SERVER.server().browser().signUpConfirmed("chromium-voter");
        browser = Browser.open(1280, 900, Files.createTempDirectory(SERVER.dir(), "chromium"));
        browser.get(SERVER.server().url("/about/ranking"));
        browser.manage().addCookie(new Cookie("pb_session", member.cookie("pb_session")));
        browser.get(SERVER.server().url(DAY));
        int before = count();
        // Survives only if the page is not reloaded.
        browser.executeScript("window.stillHere = true;");

        button().click();
        swapped(before + 1);

        assertThat(button().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.executeScript("return window.stillHere === true;")).isEqualTo(true);
        assertThat(browser.getCurrentUrl()).endsWith(DAY);
        assertThat(new ObjectMapper()
                        .readTree(member.get("/api/papers/" + PAPER).body())
                        .get("upvotes")
                        .asInt())
                .isEqualTo(before + 1);

        button().click();
        swapped(before);

        assertThat(button().getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(browser.executeScript("return window.stillHere === true;")).isEqualTo(true);
    }

    // htmx replaces the button: an element found just before the swap goes stale, so look again.
    private void swapped(int expected) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(b -> count() == expected);
    }

    private WebElement button() {
        return browser.findElement(
                By.xpath("//article[.//a[@href='/papers/" + PAPER + "']]//button[contains(@class,'vote-button')]"));
    }

    private int count() {
        return Integer.parseInt(
                button().findElement(By.className("count")).getText().strip());
    }
}

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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Search results in real Chromium: upvote and save swap in place on a result card; Next keeps the query. */
@Tag("browser")
final class SearchCardsBrowserTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final String PAPER = "0704.0001";
    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void upvoteAndSave_onAResultCard_changeInPlace_withoutLeavingTheSearch() throws Exception {
        WebSession member = SERVER.server().browser().signUpConfirmed("chromium-searcher");
        browser = Browser.open(390, 900, Files.createTempDirectory(SERVER.dir(), "chromium"));
        browser.get(SERVER.server().url("/about/ranking"));
        browser.manage().addCookie(new Cookie("pb_session", member.cookie("pb_session")));
        browser.get(SERVER.server().url("/papers?q=diphoton"));
        browser.executeScript("window.stillHere = true;");

        card().findElement(By.cssSelector("button.vote-button")).click();
        until(() -> "true"
                .equals(card().findElement(By.cssSelector("button.vote-button")).getAttribute("aria-pressed")));
        card().findElement(By.cssSelector("form.save button")).click();
        until(() -> "true"
                .equals(card().findElement(By.cssSelector("form.save button")).getAttribute("aria-pressed")));

        assertThat(browser.executeScript("return window.stillHere === true;")).isEqualTo(true);
        assertThat(browser.getCurrentUrl()).endsWith("/papers?q=diphoton");
        assertThat(member.get("/saved").body()).contains("/papers/" + PAPER);
    }

    @Test
    void nextPage_keepsTheQueryAndTheOrder() throws Exception {
        browser = Browser.open(1280, 900, Files.createTempDirectory(SERVER.dir(), "chromium"));
        browser.get(SERVER.server().url("/papers?q=model&sort=date"));
        String count = browser.findElement(By.id("result-count")).getText();

        browser.findElement(By.cssSelector("a[rel=next]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(b -> b.getCurrentUrl().contains("page=2"));

        assertThat(browser.getCurrentUrl()).endsWith("/papers?q=model&sort=date&page=2");
        assertThat(browser.findElement(By.id("result-count")).getText())
                .startsWith(count.substring(0, count.indexOf('.')))
                .contains("Showing 51–");
        assertThat(browser.findElement(By.id("sort")).getAttribute("value")).isEqualTo("date");
        assertThat(browser.findElement(By.id("paper-51")).isDisplayed()).isTrue();
    }

    private WebElement card() {
        return browser.findElement(By.xpath("//article[.//a[@href='/papers/" + PAPER + "']]"));
    }

    private void until(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(b -> condition.getAsBoolean());
    }
}

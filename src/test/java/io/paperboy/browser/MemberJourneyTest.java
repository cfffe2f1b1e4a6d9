package io.paperboy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.Browser;
import io.paperboy.testing.MailServer;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.WebSession;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A new member's path in real Chromium: sign up, confirm through the mail read from a real SMTP
 * server, log in, submit a paper (fetched from a replayed arXiv API), upvote it, comment, log out.
 */
@Tag("browser")
final class MemberJourneyTest {
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
    void signUp_confirm_logIn_submit_upvote_comment_logOut() throws Exception {
        browser = Browser.open(1280, 900, Files.createTempDirectory(SERVER.dir(), "chromium"));
        open("/");
        browser.findElement(By.linkText("Sign up")).click();
        fill("email", "journey@example.org");
        fill("name", "journey");
        fill("display_name", "Jo Urney");
        fill("password", WebSession.PASSWORD);
        submit("/signup");
        waitForUrl("/login?signed-up");
        assertThat(text()).contains("Check your mail");
        fill("email", "journey@example.org");
        fill("password", WebSession.PASSWORD);
        submit("/login");
        waitForUrl("/");
        open("/settings");
        assertThat(text()).contains("not confirmed yet");

        String link = MailServer.link(SERVER.server().mail().await("journey@example.org", "Confirm"));
        browser.get(link);
        assertThat(text()).contains("Address confirmed");
        open("/settings");
        assertThat(text()).contains("confirmed").doesNotContain("not confirmed yet");

        logOut();
        browser.findElement(By.linkText("Log in")).click();
        fill("email", "journey@example.org");
        fill("password", WebSession.PASSWORD);
        submit("/login");
        waitForUrl("/");
        assertThat(browser.findElement(By.cssSelector("nav.account")).getText())
                .contains("Jo Urney")
                .contains("Log out");

        // Submit a paper the store does not know: the server fetches it from the (replayed) arXiv API.
        browser.findElement(By.linkText("Submit")).click();
        fill("arxiv", "https://arxiv.org/abs/1601.00001v1");
        submit("/submit");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/papers/date/"));
        WebElement card = browser.findElement(By.xpath("//article[.//a[@href='/papers/1601.00001']]"));
        assertThat(card.getText()).contains("Submitted by Jo Urney");

        // Upvote it from the card: htmx swaps the button in place, no page load.
        browser.executeScript("window.__sameDocument = true;");
        WebElement vote = card.findElement(By.cssSelector("form.vote button"));
        int before = Integer.parseInt(vote.findElement(By.cssSelector(".count")).getText());
        vote.click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> "true"
                        .equals(browser.findElement(
                                        By.xpath(
                                                "//article[.//a[@href='/papers/1601.00001']]//form[contains(@class,'vote')]//button"))
                                .getAttribute("aria-pressed")));
        WebElement pressed = browser.findElement(
                By.xpath("//article[.//a[@href='/papers/1601.00001']]//form[contains(@class,'vote')]//button"));
        assertThat(Integer.parseInt(
                        pressed.findElement(By.cssSelector(".count")).getText()))
                .isEqualTo(before + 1);
        assertThat(browser.executeScript("return window.__sameDocument === true"))
                .as("no page load")
                .isEqualTo(true);

        // Comment on its page.
        card.findElement(By.cssSelector("a[href='/papers/1601.00001']")).click();
        waitForUrl("/papers/1601.00001");
        assertThat(browser.findElement(By.id("no-comments")).isDisplayed()).isTrue();
        WebElement comment = browser.findElement(By.cssSelector("form.comment-form textarea[name=body]"));
        comment.sendKeys("A *clear* result: $E = mc^2$ holds, see https://example.org/proof.");
        browser.findElement(By.cssSelector("form.comment-form button[type=submit]"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.xpath("//*[contains(@class,'comment')]//em[text()='clear']")));
        // htmx put the comment in place; the heading and the "No comments yet." note followed it.
        assertThat(browser.findElement(By.id("no-comments")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("comments-title")).getText()).isEqualTo("Comments (1)");
        assertThat(browser.findElement(By.cssSelector(".comment-body a[href='https://example.org/proof']"))
                        .getText())
                .isEqualTo("https://example.org/proof");
        assertThat(browser.findElement(By.cssSelector(".comment-meta a.author")).getText())
                .isEqualTo("Jo Urney");
        open("/papers/1601.00001");
        assertThat(text()).contains("Jo Urney").contains("A clear result");
        assertThat(SERVER.server().get("/api/papers/1601.00001").body())
                .contains("\"numComments\":1")
                .contains("\"upvotes\":" + (before + 1));

        // Deleting asks first: the button shows only once "Delete" is opened.
        WebElement confirm = browser.findElement(By.cssSelector(".comment-delete button[type=submit]"));
        assertThat(confirm.isDisplayed()).isFalse();
        browser.findElement(By.cssSelector(".comment-delete summary")).click();
        confirm.click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> browser.findElements(By.cssSelector("li.comment")).isEmpty());
        assertThat(browser.findElement(By.id("no-comments")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("comments-title")).getText()).isEqualTo("Comments");

        logOut();
        assertThat(browser.findElement(By.cssSelector("nav.account")).getText())
                .contains("Log in")
                .doesNotContain("Jo Urney");
        open("/settings");
        waitForUrl("/login?next=%2Fsettings");
    }

    private void logOut() {
        browser.findElement(By.cssSelector("nav.account form[action='/logout'] button"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("nav.account"), "Log in"));
    }

    private void open(String path) {
        browser.get(SERVER.server().url(path));
    }

    private void fill(String name, String value) {
        browser.findElement(By.name(name)).clear();
        browser.findElement(By.name(name)).sendKeys(value);
    }

    private void submit(String action) {
        browser.findElement(By.cssSelector("form[action='" + action + "'] button[type=submit]"))
                .click();
    }

    private void waitForUrl(String path) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.urlToBe(SERVER.server().url(path)));
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }
}

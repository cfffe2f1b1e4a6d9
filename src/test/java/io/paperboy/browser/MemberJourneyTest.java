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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A new member's path in real Chromium, the confirmation mail read from a real SMTP server. */
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
    void signUp_confirm_logOut_logIn_logOut() throws Exception {
        browser = Browser.open(1280, 900, Files.createTempDirectory(SERVER.dir(), "chromium"));
        open("/");
        browser.findElement(By.linkText("Sign up")).click();
        fill("email", "journey@example.org");
        fill("name", "journey");
        fill("display_name", "Jo Urney");
        fill("password", WebSession.PASSWORD);
        submit("/signup");
        waitForUrl("/settings?welcome");
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
        assertThat(browser.findElement(By.cssSelector("nav.account")).getText()).contains("Jo Urney").contains("Log out");

        logOut();
        assertThat(browser.findElement(By.cssSelector("nav.account")).getText()).contains("Log in").doesNotContain("Jo Urney");
        open("/settings");
        waitForUrl("/login?next=%2Fsettings");
    }

    private void logOut() {
        browser.findElement(By.cssSelector("nav.account form[action='/logout'] button")).click();
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
        browser.findElement(By.cssSelector("form[action='" + action + "'] button[type=submit]")).click();
    }

    private void waitForUrl(String path) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(SERVER.server().url(path)));
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }
}

package io.paperboy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.Browser;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.WebSession;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A display name full of markup stays text in a real browser: shown as typed, and nothing of it runs. */
@Tag("browser")
final class HostileDisplayNameTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();
    // 59 characters: display names allow 60.
    private static final String PAYLOAD = "<script>window.pb=1</script>\"><img src=x onerror=alert(1)>";
    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aDisplayNameWithMarkup_isInert_onTheProfileAndInTheHeader() throws Exception {
        WebSession member = SERVER.server().browser().signUpConfirmed("xss-chromium");
        assertThat(member.post("/settings/profile", Map.of("display_name", PAYLOAD))
                        .statusCode())
                .isEqualTo(303);
        browser = Browser.open(1280, 900, Files.createTempDirectory(SERVER.dir(), "chromium"));
        browser.get(SERVER.server().url("/about-nothing")); // a page of the site, so its cookie can be set
        browser.manage().addCookie(new Cookie("pb_session", member.cookie("pb_session")));

        browser.get(SERVER.server().url("/u/xss-chromium"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(PAYLOAD);
        assertThat(browser.findElement(By.cssSelector("nav.account a[href='/u/xss-chromium']"))
                        .getText())
                .isEqualTo(PAYLOAD);
        assertThat(browser.findElements(By.cssSelector("body img, body script")))
                .isEmpty();
        assertThat(browser.executeScript("return window.pb === undefined")).isEqualTo(true);
        assertThat(alertAppears()).isFalse();
    }

    private boolean alertAppears() {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(1)).until(ExpectedConditions.alertIsPresent());
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }
}

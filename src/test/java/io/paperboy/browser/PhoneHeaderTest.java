package io.paperboy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.Browser;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.WebSession;
import io.paperboy.web.Role;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The header on a 390 px phone in real Chromium: two lines (brand, search and theme; then every
 * link in one row that scrolls sideways), not the five it wrapped to before (183 px for a
 * visitor, 258 px for an admin).
 */
@Tag("browser")
final class PhoneHeaderTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();
    /** Two lines of header with their padding; before this it was 183 and 258 px. */
    private static final int MAX_HEADER_PX = 100;

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aVisitorsHeader_isTwoShortLines_andThePageIsNoWiderThanThePhone() throws Exception {
        browser = Browser.open(390, 844, Files.createTempDirectory(SERVER.dir(), "chromium"));
        browser.get(SERVER.server().url("/papers/date/2026-06-12"));

        assertThat(headerHeight()).isLessThanOrEqualTo(MAX_HEADER_PX);
        assertThat(pageWidth()).isLessThanOrEqualTo(390);
        assertThat(browser.findElement(By.linkText("Log in")).getAttribute("href"))
                .endsWith("/login");
    }

    @Test
    void anAdminsHeader_withEveryLink_staysAsShort_andLeadsToModeration() throws Exception {
        new WebSession(SERVER.server()).signUpConfirmed("ph-admin");
        SERVER.server().promote("ph-admin", Role.ADMIN);
        browser = Browser.open(390, 844, Files.createTempDirectory(SERVER.dir(), "chromium"));
        browser.get(SERVER.server().url("/login"));
        Browser.logIn(browser, WebSession.email("ph-admin"), WebSession.PASSWORD);
        browser.get(SERVER.server().url("/papers/date/2026-06-12"));

        assertThat(headerHeight()).isLessThanOrEqualTo(MAX_HEADER_PX);
        assertThat(pageWidth()).isLessThanOrEqualTo(390);
        // The links past the edge are a sideways scroll away, not cut off.
        browser.executeScript("document.querySelector('header .bar').scrollLeft = 10000;");
        browser.findElement(By.linkText("Moderation")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/moderation");
    }

    private long headerHeight() {
        return Math.round(((Number) browser.executeScript(
                        "return document.querySelector('header.site').getBoundingClientRect().height;"))
                .doubleValue());
    }

    private long pageWidth() {
        return ((Number) browser.executeScript("return document.documentElement.scrollWidth;")).longValue();
    }
}

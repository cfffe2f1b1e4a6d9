package io.paperboy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.Browser;
import io.paperboy.testing.ServerExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A reader's path through the site in real headless Chromium. */
@Tag("browser")
final class ReaderJourneyTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private ChromeDriver open(int width, int height, String path) throws Exception {
        browser = Browser.open(width, height, Files.createTempDirectory(SERVER.dir(), "chromium"));
        browser.get(SERVER.server().url(path));
        return browser;
    }

    private void press(CharSequence key) {
        new Actions(browser).sendKeys(key).perform();
    }

    @Test
    void keyboard_movesThroughPapersAndOpensOne() throws Exception {
        open(1280, 900, "/papers/date/2026-06-12");

        press("j");
        press("j");
        WebElement selected = browser.findElement(By.cssSelector(".paper-card.selected"));
        assertThat(selected.getAttribute("id")).isEqualTo("paper-2");
        String title = selected.findElement(By.cssSelector(".paper-link")).getText();

        press("o");

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/papers/2606."));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
    }

    @Test
    void previousAndNext_walkTheDays() throws Exception {
        open(1280, 900, "/papers/date/2026-06-12");

        browser.findElement(By.cssSelector("a[rel=next]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("2026-06-12")));
        String next = browser.getCurrentUrl();
        browser.findElement(By.cssSelector("a[rel=prev]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.urlContains("/papers/date/2026-06-12"));
        assertThat(next).contains("/papers/date/");
    }

    @Test
    void themeToggle_switchesDarkAndLightAndIsRemembered() throws Exception {
        open(1280, 900, "/papers/trending");
        String before = background();

        browser.findElement(By.id("theme-toggle")).click();
        String after = background();
        browser.navigate().refresh();

        assertThat(after).isNotEqualTo(before);
        assertThat(background()).isEqualTo(after);
    }

    @Test
    void questionMark_opensTheShortcutHelp() throws Exception {
        open(1280, 900, "/");

        press("?");

        assertThat(browser.findElement(By.id("help")).getAttribute("open")).isNotNull();
        assertThat(browser.findElement(By.id("help")).getText())
                .contains("next paper")
                .contains("open the selected paper");
    }

    @Test
    void texInTitlesAndAbstracts_isRenderedByKatexServedFromOurServer() throws Exception {
        open(1280, 900, "/papers/0704.0005");

        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1 .katex")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).doesNotContain("$\\Lambda");
        // The fonts and scripts came from this server: the strict CSP allows nothing else.
        Object fontsLoaded = browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done("
                        + "[...document.fonts].some(f => f.family.includes('KaTeX') && f.status === 'loaded')));");
        assertThat(fontsLoaded).isEqualTo(true);
    }

    @Test
    void searchAsYouType_updatesTheResultsWithoutLeavingThePage() throws Exception {
        open(1280, 900, "/papers");
        Object marker = browser.executeScript("window.stillHere = true; return window.stillHere;");
        WebElement box = browser.findElement(By.id("q"));

        box.sendKeys("diphoton");

        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#results a[href='/papers/0704.0001']")));
        assertThat(marker).isEqualTo(true);
        assertThat(browser.executeScript("return window.stillHere === true"))
                .as("no page load happened")
                .isEqualTo(true);
        assertThat(browser.getCurrentUrl()).contains("/papers?q=diphoton");
    }

    /**
     * A query the search refuses answers 422 with the reason in the results, which htmx swaps as it
     * swaps a 200. (At 400, as before, htmx swapped nothing: the old results stayed, and the flash
     * said only "The server refused this (400)".)
     */
    @Test
    void searchAsYouType_showsWhyAQueryIsRefused_inPlaceOfTheResults() throws Exception {
        open(1280, 900, "/papers?q=diphoton");
        browser.executeScript("window.stillHere = true;");
        WebElement box = browser.findElement(By.id("q"));
        box.clear();

        box.sendKeys("year:abc");

        WebElement refusal = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#results p.error-message[role=alert]")));
        assertThat(refusal.getText()).contains("year must be a year like 2024");
        assertThat(browser.findElements(By.cssSelector("#results a[href='/papers/0704.0001']")))
                .as("the old results")
                .isEmpty();
        assertThat(browser.findElement(By.id("flash")).getText())
                .as("no generic refusal in the flash")
                .isEmpty();
        assertThat(browser.executeScript("return window.stillHere === true"))
                .as("no page load happened")
                .isEqualTo(true);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"390,844", "1280,900"})
    void screenshots_atPhoneAndDesktopWidth_areNotBlank(int width, int height) throws Exception {
        open(width, height, "/papers/date/2026-06-12");

        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        Files.write(SERVER.dir().resolve("daily-" + width + ".png"), png);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isGreaterThan(width / 2);
        assertThat(distinctColours(image))
                .as("a page with text and cards, not a blank canvas")
                .isGreaterThan(50);
        // Nothing overflows sideways on a phone: the page is no wider than the window.
        Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(width);
    }

    private String background() {
        return (String) browser.executeScript("return getComputedStyle(document.documentElement).backgroundColor");
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}

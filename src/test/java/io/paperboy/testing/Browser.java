package io.paperboy.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both paths are given
 * explicitly so Selenium never tries to download a browser or a driver.
 */
public final class Browser {
    public static final Path CHROMIUM = Path.of(System.getProperty("paperboy.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER =
            Path.of(System.getProperty("paperboy.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {}

    /** Logs in on the login page the browser shows (sign-up ends there) and waits to leave it. */
    public static void logIn(ChromeDriver browser, String email, String password) {
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().contains("/login"));
    }

    public static ChromeDriver open(int width, int height, Path profile) {
        return open(width, height, profile, false);
    }

    /**
     * The same, also recording the network (the headers of every response) in the driver's
     * "performance" log, which the caller must then read, or it grows.
     */
    public static ChromeDriver openRecordingNetwork(int width, int height, Path profile) {
        return open(width, height, profile, true);
    }

    private static ChromeDriver open(int width, int height, Path profile, boolean network) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver (" + CHROMIUM
                    + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As root in a sandbox without a GPU or network; background networking would only fail.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + width + "," + height);
        // The console (errors, CSP violations, failed loads) for tests to read through logs().get("browser").
        options.setCapability(
                "goog:loggingPrefs",
                network ? Map.of("browser", "ALL", "performance", "ALL") : Map.of("browser", "ALL"));
        if (network) {
            options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(width, height));
        return driver;
    }
}

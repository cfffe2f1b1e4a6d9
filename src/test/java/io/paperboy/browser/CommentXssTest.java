package io.paperboy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.Browser;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.WebSession;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Stored XSS through comments, in real headless Chromium: hostile comments are posted, the page
 * is loaded and every link in them clicked, and no script may run. The page's CSP forbids inline
 * scripts anyway, so the comments' HTML is also replayed on a blank page without any CSP: the
 * sanitizer alone must make it inert.
 */
@Tag("browser")
final class CommentXssTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final String PAPER = "2606.00467";

    static final List<String> PAYLOADS = List.of(
            "<script>window.__xss=1</script>",
            "<img src=x onerror=\"window.__xss=1\">",
            "[link](javascript:window.__xss=1)",
            "[entity link](&#106;avascript&#58;window.__xss=1)",
            "<a href=\"javascript:window.__xss=1\">raw anchor</a>",
            "<svg onload=\"window.__xss=1\"><circle r=\"9\"/></svg>",
            "<javascript:window.__xss=1>",
            "<data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==>",
            "![img](javascript:window.__xss=1) and [x](\"onmouseover=\"window.__xss=1)",
            "&lt;img src=x onerror=window.__xss=1&gt; and $<img src=x onerror=window.__xss=1>$",
            "[a real link](https://example.org/paper) and <mailto:ada@example.org> stay links",
            "<details open ontoggle=\"window.__xss=1\"><summary>x</summary></details>",
            "`</code><img src=x onerror=window.__xss=1>` and [ok](https://example.org/?q=\"><img src=x onerror=window.__xss=1>)");

    private static WebSession author;
    private ChromeDriver browser;

    @BeforeAll
    static void postPayloads() throws Exception {
        author = SERVER.server().browser().signUpConfirmed("xss-author");
        author.get("/papers/" + PAPER);
        for (String payload : PAYLOADS) {
            int status = author.post("/papers/" + PAPER + "/comments", Map.of("body", payload))
                    .statusCode();
            assertThat(status).as(payload).isEqualTo(303);
        }
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private ChromeDriver open() throws Exception {
        browser = Browser.open(1280, 900, Files.createTempDirectory(SERVER.dir(), "chromium"));
        return browser;
    }

    private void signIn(WebSession session) {
        browser.get(SERVER.server().url("/"));
        browser.manage()
                .addCookie(new Cookie.Builder("pb_session", session.cookie("pb_session"))
                        .path("/")
                        .isHttpOnly(true)
                        .build());
    }

    @Test
    void hostileComments_runNoScript_whenShownAndTheirLinksClicked() throws Exception {
        open().get(SERVER.server().url("/papers/" + PAPER));
        waitForComments(PAYLOADS.size());

        clickEveryCommentLink();

        assertNoScriptRan();
        assertInertMarkup();
    }

    @Test
    void theSanitizedHtml_isInertOnItsOwn_onAPageWithoutAnyContentSecurityPolicy() throws Exception {
        open().get(SERVER.server().url("/papers/" + PAPER));
        waitForComments(PAYLOADS.size());
        String html = (String) browser.executeScript("return document.getElementById('comment-list').outerHTML;");

        browser.get("about:blank");
        // Relative links resolve as on the real page; the comments' HTML goes in with no CSP around it.
        browser.executeScript(
                "const base = document.createElement('base'); base.href = arguments[1];"
                        + "document.head.appendChild(base); document.body.innerHTML = arguments[0];",
                html,
                SERVER.server().url("/papers/" + PAPER));
        clickEveryCommentLink();
        Thread.sleep(300); // let any image error or svg load handler fire

        assertNoScriptRan();
    }

    @Test
    void theBlankPageCheck_wouldCatchAPayloadThatSlippedThrough() throws Exception {
        open().get("about:blank");

        browser.executeScript("document.body.innerHTML = arguments[0];", "<img src=x onerror=\"window.__xss=1\">");

        // The control: the same check as above fails when a payload is not made inert.
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> Long.valueOf(1).equals(((ChromeDriver) d).executeScript("return window.__xss;")));
    }

    @Test
    void aCommentPostedWithHtmx_appearsWithoutReload_withItsMathRendered_andRunsNothing() throws Exception {
        WebSession member = SERVER.server().browser().signUpConfirmed("xss-htmx");
        open();
        signIn(member);
        browser.get(SERVER.server().url("/papers/" + PAPER));
        browser.executeScript("window.stillHere = true;");

        WebElement form = browser.findElement(By.id("form-new"));
        form.findElement(By.tagName("textarea")).sendKeys("Energy $E = mc^2$ <img src=x onerror=\"window.__xss=1\">");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement added = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(
                        ExpectedConditions.presenceOfElementLocated(
                                By.xpath(
                                        "//li[contains(@class,'comment')][.//div[contains(@class,'comment-body')][contains(., 'Energy')]]")));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> !added.findElements(By.cssSelector(".katex")).isEmpty());
        assertThat(browser.executeScript("return window.stillHere === true"))
                .as("no page load happened")
                .isEqualTo(true);
        assertThat(added.getText()).contains("Energy").contains("<img src=x");
        assertThat(browser.findElement(By.cssSelector("#form-new textarea")).getAttribute("value"))
                .isEmpty();
        assertNoScriptRan();
    }

    @Test
    void anEmptyCommentPostedWithHtmx_showsTheProblemInPlace() throws Exception {
        WebSession member = SERVER.server().browser().signUpConfirmed("xss-empty");
        open();
        signIn(member);
        browser.get(SERVER.server().url("/papers/" + PAPER));

        browser.findElement(By.cssSelector("#form-new button[type=submit]")).click();

        WebElement problem = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#form-new .field-error")));
        assertThat(problem.getText()).contains("the comment is empty");
    }

    private void waitForComments(int atLeast) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#comment-list > li.comment"))
                                .size()
                        >= atLeast);
    }

    // Every link in a comment is clicked. Those to http(s) and mailto addresses would leave the page
    // (there is no network here), so their navigation alone is cancelled: their click handlers, if
    // any had slipped through, still run. Any other link is followed for real, then fails the check.
    private void clickEveryCommentLink() {
        List<WebElement> links = browser.findElements(By.cssSelector(".comment-body a"));
        assertThat(links).isNotEmpty();
        for (WebElement link : links) {
            String href = link.getAttribute("href");
            if (href != null && href.matches("(https?|mailto):.*")) {
                browser.executeScript("arguments[0].addEventListener('click', e => e.preventDefault());", link);
            }
            link.click();
        }
        for (WebElement link : browser.findElements(By.cssSelector(".comment-body a"))) {
            assertThat(link.getAttribute("href")).matches("(https?|mailto):.*");
            assertThat(link.getAttribute("rel"))
                    .contains("nofollow")
                    .contains("noopener")
                    .contains("ugc");
        }
    }

    private void assertNoScriptRan() {
        assertThat(browser.executeScript("return typeof window.__xss;")).isEqualTo("undefined");
        try {
            String text = browser.switchTo().alert().getText();
            throw new AssertionError("an alert opened: " + text);
        } catch (NoAlertPresentException expected) {
            // no dialog: good
        }
    }

    private void assertInertMarkup() {
        Object dangerous = browser.executeScript("""
                const root = document.getElementById('comment-list');
                const found = [];
                root.querySelectorAll('script, img, svg, iframe, object, embed, style, .comment-body details')
                    .forEach(e => {
                        // The site's own generated avatars, outside the comment text, are the only images allowed.
                        const avatar = e.matches('.comment-meta > img.avatar') && e.getAttribute('src').startsWith('/avatars/');
                        if (!avatar) found.push(e.tagName);
                    });
                root.querySelectorAll('*').forEach(e => [...e.attributes].forEach(a => {
                    if (a.name.startsWith('on') || /^\\s*(javascript|data|vbscript):/i.test(a.value)) found.push(e.tagName + ' ' + a.name);
                }));
                return found;""");
        assertThat((List<?>) dangerous).isEmpty();
    }
}

package io.paperboy.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.app.Routes;
import io.paperboy.browser.RouteTable.Route;
import io.paperboy.testing.MailServer;
import io.paperboy.testing.TestServer;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One role's walk through the site in one browser: every page route of the server's route table,
 * then every page the site mailed a link to, and on each page every form submitted with valid
 * input by clicking its button. Collects what a person would meet as a fault: a form answered 403
 * or 5xx, a page answered 5xx, a console error, a serious axe-core violation, a page wider than
 * the window.
 *
 * <p>Path parameters come from the site itself: the first link to a route on any page walked so
 * far (or in a mail) gives its URL; failing that, values of the same parameter name seen in other
 * links fill it.
 *
 * <p>Forms repeated on many pages (log out in the header, upvote on every listing) are not sent again
 * from every page: a POST form is submitted once per role for each <em>shape</em> and each referrer
 * policy of the pages showing it. Its shape is its method, the route of its action, the names of its
 * fields, the button clicked and its htmx attributes; only values differ between two forms of one
 * shape (which paper, the CSRF token, where to go next). The referrer policy is the one thing of the
 * page that changes what the browser sends with the form (Origin, Referer); cookies and
 * {@code Sec-Fetch-*} are the same from every page of the site. A GET form is submitted once per shape.
 */
final class Walker {
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(20);
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestServer server;
    private final ChromeDriver browser;
    private final WalkRole.Identity who;
    private final List<Width> widths;
    private final RouteTable table;
    private final WalkForms forms;
    private final List<String> problems = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final Map<Route, String> linked = new LinkedHashMap<>();
    private final Map<String, String> parameterValues = new LinkedHashMap<>();
    private final Set<Route> walked = new HashSet<>();
    private final Set<String> checkedPages = new HashSet<>();
    private final Set<String> submittedShapes = new HashSet<>();
    private final Map<String, String> referrerPolicies = new HashMap<>();
    private final Set<String> documents = new HashSet<>();
    private int mailsRead;

    /** A window width a page is checked at, in the theme it is checked in. The last one clicks the forms. */
    record Width(int pixels, String theme) {
        @Override
        public String toString() {
            return pixels + " px, " + theme;
        }
    }

    Walker(TestServer server, ChromeDriver browser, WalkRole.Identity who, List<Width> widths) {
        this.server = server;
        this.browser = browser;
        this.who = who;
        this.widths = List.copyOf(widths);
        this.table = new RouteTable(Routes.TABLE);
        this.forms = new WalkForms(who);
    }

    /**
     * Walks every page route and mailed link, starting with the URLs in {@code preferred} for their
     * routes; a route left unwalked is a problem unless {@code unreachable} gives the reason.
     */
    List<String> walk(List<String> preferred, Map<String, String> unreachable) throws Exception {
        mailsRead = server.mail().received().size(); // the role's setup mails are not the walk's
        preferred.forEach(this::remember);
        browser.get(server.url("/"));
        resize(widths.getLast().pixels());
        // axe-core on a page of a hundred papers takes seconds, more on a busy machine.
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        who.enter(browser, server);
        walkRoutes();
        walkMailedLinks();
        // Time passes: the digests of what the walk subscribed go out, with their unsubscribe links.
        server.digests().run(Instant.now().plus(Duration.ofDays(2)), null);
        walkMailedLinks();
        Thread.sleep(500); // the console's last messages
        consoleErrors("the last page", browser.getCurrentUrl());
        for (Route route : table.pages()) {
            if (!walked.contains(route) && !unreachable.containsKey(route.toString())) {
                problems.add(route + ": not reached (no link to it on any page or mail walked, and no value for "
                        + route.parameters() + "); reach it, or list it as unreachable with the reason");
            }
        }
        return problems;
    }

    /** What was visited and submitted, with the answers, one line each. */
    List<String> log() {
        return log;
    }

    private void walkRoutes() throws Exception {
        List<Route> pending = new ArrayList<>(table.pages());
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (Route route : List.copyOf(pending)) {
                Optional<String> url = urlOf(route);
                if (url.isPresent()) {
                    pending.remove(route);
                    progress = true;
                    visit(url.get());
                }
            }
        }
    }

    // Links in the mails sent since the last look; opening one's own confirmation link changes who
    // the member is (confirmed), so those come last.
    private void walkMailedLinks() throws Exception {
        List<MimeMessage> mails = server.mail().received();
        List<String> links = new ArrayList<>();
        for (MimeMessage mail : mails.subList(mailsRead, mails.size())) {
            Matcher m = LINK.matcher(MailServer.text(mail));
            while (m.find()) {
                if (m.group().startsWith(server.url("/"))) {
                    links.add(path(m.group()));
                }
            }
        }
        mailsRead = mails.size();
        links.sort(Comparator.comparing(link -> link.startsWith("/verify") && ownConfirmation()));
        Set<String> opened = new HashSet<>();
        for (String link : links) {
            Optional<Route> route = table.match("GET", link);
            if (route.isPresent()
                    && route.get().isPage()
                    && opened.add(variant(route.get(), link))
                    && !(walked.contains(route.get()) && query(link).isEmpty())) {
                visit(link);
            }
        }
    }

    private boolean ownConfirmation() {
        return who.role() == WalkRole.UNCONFIRMED_MEMBER;
    }

    private Optional<String> urlOf(Route route) {
        if (route.parameters().isEmpty()) {
            return Optional.of(route.path());
        }
        return linked.containsKey(route) ? Optional.of(linked.get(route)) : route.fill(parameterValues);
    }

    private void visit(String url) throws Exception {
        long start = System.nanoTime();
        browser.get(server.url(url));
        table.match("GET", url).ifPresent(walked::add);
        int status = checkPage("GET " + url);
        if (status >= 500) {
            problems.add("GET " + url + " answered " + status + ": " + heading());
        }
        long checked = System.nanoTime();
        submitForms(url);
        log.add(String.format(
                "  (%d ms to check, %d ms for the forms)",
                (checked - start) / 1_000_000, (System.nanoTime() - checked) / 1_000_000));
    }

    /** Checks the page the browser shows; returns its HTTP status. */
    private int checkPage(String what) throws Exception {
        String here = browser.getCurrentUrl();
        int status = status();
        log.add(what + " → " + status + " " + path(here) + " (referrer policy " + referrerPolicy() + ")");
        consoleErrors(what, here);
        Optional<Route> route = table.match("GET", here);
        String page = route.map(r -> variant(r, path(here))).orElse(path(here)) + " " + status;
        if (checkedPages.add(page)) {
            for (Width width : widths) {
                resize(width.pixels());
                browser.executeScript("document.documentElement.dataset.theme = arguments[0];", width.theme());
                io.paperboy.testing.Axe.seriousViolations(browser)
                        .forEach(v -> problems.add(what + " at " + width + ": axe: " + v));
                overflow().ifPresent(o -> problems.add(what + " at " + width + ": " + o));
            }
        }
        // Whoever is signed in sees it in the header on every page, a refusal's page too (defect 3 showed "Log in").
        if (who.signedIn()
                && !Boolean.TRUE.equals(
                        browser.executeScript(
                                "return !!document.querySelector('header form[action=\"/logout\"]') || !document.querySelector('header');"))
                && who.signedInNow(browser, server)) {
            problems.add(what.strip() + ": the header offers \"Log in\" while " + who.name() + " is signed in");
        }
        links().forEach(this::remember);
        return status;
    }

    private void submitForms(String url) throws Exception {
        Set<String> done = new HashSet<>();
        boolean fresh = true;
        // A form can bring others with it (a private feed to turn off, a digest to stop): look again after each round.
        for (int round = 0; round < 4; round++) {
            List<FormOnPage> todo = new ArrayList<>();
            for (FormOnPage form : formsOnPage()) {
                String shape = shapeFrom(form);
                if (!done.contains(form.kind()) && submittedShapes.add(shape)) {
                    todo.add(form);
                    done.add(form.kind());
                }
            }
            if (todo.isEmpty()) {
                return;
            }
            // The page's own forms first, on the page as first shown (a one-time link shows its form once).
            // Then those that end things for the rest (a new password ends the API tokens), then the header's (log
            // out).
            todo.sort(Comparator.comparing((FormOnPage f) -> !f.inMain()).thenComparing(FormOnPage::changesPassword));
            for (FormOnPage form : todo) {
                if (!fresh) {
                    browser.get(server.url(url));
                }
                fresh = false;
                submit(url, form.kind());
            }
            browser.get(server.url(url));
        }
    }

    private void submit(String url, String kind) throws Exception {
        Optional<FormOnPage> found =
                formsOnPage().stream().filter(f -> f.kind().equals(kind)).findFirst();
        if (found.isEmpty()) {
            log.add("  " + kind + " on " + url + ": gone after reloading");
            return;
        }
        FormOnPage form = found.get();
        String what = kind + " on " + url;
        WebElement element = (WebElement) browser.executeScript(
                "const f = document.forms[arguments[0]]; for (let d = f.closest('details'); d; d = d.parentElement.closest('details')) d.open = true; return f;",
                form.index());
        forms.fill(element, path(form.action()));
        browser.executeScript("window.__walkPage = true; window.__walkXhr = null;"
                + "document.addEventListener('htmx:afterRequest', e => window.__walkXhr = e.detail.xhr.status);");
        WebElement button = (WebElement) browser.executeScript(
                "return arguments[1] < 0 ? document.forms[arguments[0]].querySelector('input:not([type=hidden])')"
                        + " : document.forms[arguments[0]].querySelectorAll(\"button:not([type=button]):not([type=reset]), input[type=submit]\")[arguments[1]];",
                form.index(),
                form.button());
        try {
            if (form.button() < 0) {
                button.sendKeys(Keys.ENTER);
            } else {
                button.click();
            }
        } catch (WebDriverException e) {
            problems.add(what + ": cannot click its button \"" + form.label() + "\": "
                    + e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        Object answer = new WebDriverWait(browser, ANSWER_WAIT)
                .ignoring(WebDriverException.class)
                .until(d -> browser.executeScript(
                        "if (window.__walkPage !== true) return document.readyState === 'complete' ? -1 : null;"
                                + "return window.__walkXhr;"));
        int status;
        boolean navigated = ((Number) answer).intValue() == -1;
        if (navigated) {
            status = checkPage("  " + what);
            // Redirected: the form's own answer was a redirect (a 303 after success, or to the login page),
            // and the page it leads to is judged like any page.
            if (redirected() && status < 500) {
                who.restore(browser, server);
                return;
            }
        } else {
            status = ((Number) answer).intValue();
            log.add("  " + what + " → " + status + " (htmx)");
            consoleErrors(what, browser.getCurrentUrl());
        }
        if (status == 403 || status >= 500) {
            problems.add(what + " answered " + status + ": " + (navigated ? heading() : "(htmx request)"));
        }
        who.restore(browser, server);
    }

    private record FormOnPage(
            int index,
            String method,
            String action,
            boolean inMain,
            boolean changesPassword,
            int button,
            String label,
            String kind,
            String shape) {}

    /** What makes two forms the same for the browser (see the class comment). */
    private String shapeFrom(FormOnPage form) {
        return form.kind() + " " + form.shape() + (form.method().equals("get") ? "" : " policy " + referrerPolicy());
    }

    /**
     * The referrer policy of the page the browser shows: its {@code Referrer-Policy} header, read
     * from the network log, and a {@code <meta name=referrer>} if it has one.
     */
    private String referrerPolicy() {
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                JsonNode params = message.path("params");
                if (message.path("method").asText().equals("Network.responseReceived")
                        && params.path("type").asText().equals("Document")) {
                    String policy = "(none)";
                    for (var header : params.path("response").path("headers").properties()) {
                        if (header.getKey().equalsIgnoreCase("Referrer-Policy")) {
                            policy = header.getValue().asText();
                        }
                    }
                    referrerPolicies.put(params.path("response").path("url").asText(), policy);
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(
                        "Chromium's network log has an entry that is not JSON: " + entry.getMessage(), e);
            }
        }
        String here = browser.getCurrentUrl().replaceFirst("#.*", "");
        Object meta = browser.executeScript(
                "const m = document.querySelector('meta[name=referrer]'); return m ? m.content : null;");
        return referrerPolicies.getOrDefault(here, "(unknown)") + (meta == null ? "" : ", meta " + meta);
    }

    @SuppressWarnings("unchecked")
    private List<FormOnPage> formsOnPage() {
        List<Map<String, Object>> found = (List<Map<String, Object>>) browser.executeScript("""
                return [...document.forms].flatMap((f, i) => {
                  const method = (f.getAttribute('method') || 'get').toLowerCase();
                  if (method === 'dialog') return [];
                  const action = new URL(f.getAttribute('action') || location.href, location.href);
                  if (action.origin !== location.origin) return [];
                  const buttons = [...f.querySelectorAll("button:not([type=button]):not([type=reset]), input[type=submit]")];
                  const htmx = e => [...e.attributes].map(a => a.name).filter(n => n.startsWith('hx-') || n.startsWith('data-hx-'));
                  const fields = [...f.elements].map(e => e.name).filter(n => n).sort().join(',');
                  const one = (b, j) => ({index: i, method: method, action: action.href, inMain: !!f.closest('main'),
                    password: !!f.querySelector('input[type=password]'), button: j, name: b ? b.name : '', value: b ? b.value : '',
                    label: b ? (b.textContent || b.value).trim() : '(Enter)',
                    shape: fields + ' ' + htmx(f).concat(b ? htmx(b) : []).sort().join(',')});
                  // A form without a button (the header's search) is sent by pressing Enter in its field.
                  if (buttons.length === 0) return f.querySelector('input:not([type=hidden])') ? [one(null, -1)] : [];
                  return buttons.map((b, j) => one(b, j));
                });""");
        List<FormOnPage> result = new ArrayList<>();
        for (Map<String, Object> f : found) {
            String action = (String) f.get("action");
            String method = (String) f.get("method");
            String route = table.match(method.toUpperCase(java.util.Locale.ROOT), action)
                    .map(Route::path)
                    .orElse(path(action));
            String button = f.get("name").toString().isEmpty() ? "" : " [" + f.get("name") + "=" + f.get("value") + "]";
            result.add(new FormOnPage(
                    ((Number) f.get("index")).intValue(),
                    method,
                    action,
                    (Boolean) f.get("inMain"),
                    (Boolean) f.get("password"),
                    ((Number) f.get("button")).intValue(),
                    (String) f.get("label"),
                    method.toUpperCase(java.util.Locale.ROOT) + " " + route + button,
                    (String) f.get("shape")));
        }
        return result;
    }

    private int status() {
        Object status = browser.executeScript(
                "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : 0;");
        return ((Number) status).intValue();
    }

    private boolean redirected() {
        return ((Number)
                                browser.executeScript(
                                        "const n = performance.getEntriesByType('navigation')[0]; return n ? n.redirectCount : 0;"))
                        .intValue()
                > 0;
    }

    private String heading() {
        Object text = browser.executeScript(
                "const h = document.querySelector('main h1'); const p = document.querySelector('main p');"
                        + "return (h ? h.textContent.trim() : document.title) + (p ? ': ' + p.textContent.trim() : '');");
        return String.valueOf(text);
    }

    // A page's own answer is judged by its status; everything else in the console is a fault. Chromium
    // may hand a message over after the next page has loaded: the message names its source.
    private void consoleErrors(String what, String documentUrl) {
        documents.add(documentUrl);
        for (var entry : browser.manage().logs().get("browser")) {
            String message = entry.getMessage();
            boolean ownStatus = documents.stream().anyMatch(d -> message.startsWith(d + " - Failed to load resource"));
            if (entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue() && !ownStatus) {
                problems.add(what + ": console: " + message);
            }
        }
    }

    private void resize(int pixels) {
        if (((Number) browser.executeScript("return window.innerWidth")).intValue() != pixels) {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(pixels, 900));
            Object now = browser.executeScript("return window.innerWidth");
            if (((Number) now).intValue() != pixels) {
                throw new AssertionError("the window is " + now + " px wide, not " + pixels);
            }
        }
    }

    private Optional<String> overflow() {
        Object wide = browser.executeScript("""
                const w = window.innerWidth, sw = document.documentElement.scrollWidth;
                if (sw <= w) return null;
                const over = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1);
                const innermost = over.filter(e => ![...e.children].some(c => over.includes(c))).slice(0, 3);
                const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                    + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
                return sw + ' px wide in a ' + w + ' px window; sticking out: ' + innermost.map(name).join(', ');""");
        return Optional.ofNullable((String) wide);
    }

    @SuppressWarnings("unchecked")
    private List<String> links() {
        return (List<String>) browser.executeScript(
                "return [...document.querySelectorAll('a[href]')].map(a => a.href).filter(h => h.startsWith(location.origin + '/'))"
                        + ".concat([location.href]);");
    }

    /** Notes {@code url} as the way to its route (the first seen wins) and its parameters' values. */
    private void remember(String url) {
        String path = URI.create(url).getRawPath();
        table.match("GET", path).filter(Route::isPage).ifPresent(route -> {
            linked.putIfAbsent(route, path);
            RouteTable.parameters(route, path).forEach(parameterValues::putIfAbsent);
        });
    }

    private static String variant(Route route, String url) {
        // "?cat=" (an empty filter) shows the same page as no query at all.
        return route.path() + "?"
                + new TreeSet<>(query(url).entrySet().stream()
                        .filter(e -> !e.getValue().isEmpty())
                        .map(Map.Entry::getKey)
                        .toList());
    }

    private static Map<String, String> query(String url) {
        String raw = URI.create(url).getRawQuery();
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return query;
    }

    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}

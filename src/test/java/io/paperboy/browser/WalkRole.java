package io.paperboy.browser;

import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import io.paperboy.web.Role;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Who walks the site, and what each needs on the server first so every form a role can meet is on
 * some page: a discussion to reply to, edit, delete or hide, a pending author claim, a saved paper,
 * an API token. The browser gets the role's session cookie; the walk's own forms are the browser's.
 */
enum WalkRole {
    VISITOR(null, false),
    UNCONFIRMED_MEMBER(Role.MEMBER, false),
    MEMBER(Role.MEMBER, true),
    CURATOR(Role.CURATOR, true),
    ADMIN(Role.ADMIN, true);

    /** The paper with the discussion: the walk opens this one for the route {@code /papers/<id>}. */
    static final String PAPER = "2606.13681";

    private static final String SESSION = "pb_session";

    private final Role role;
    private final boolean confirmed;

    WalkRole(Role role, boolean confirmed) {
        this.role = role;
        this.confirmed = confirmed;
    }

    /**
     * Prepares {@code server} for this role. A visitor is signed out but has an account of its own, for
     * the login and password-reset forms.
     */
    Identity setUp(TestServer server) throws Exception {
        // The roles walk one after another on one server: each brings its own discussion and claim.
        String tag = "walk" + ordinal();
        CommentFixtures.discussion(server, PAPER, tag);
        WebSession claimant = server.browser().signUpConfirmed("claimant-" + tag);
        claimant.get("/papers/" + PAPER);
        claimant.post("/claims", Map.of("paper", PAPER, "author", firstAuthor(server)));

        String name = "walk-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        WebSession self = server.browser();
        if (confirmed || this == VISITOR) {
            self.signUpConfirmed(name);
        } else {
            self.signUp(name);
        }
        if (role != null && role != Role.MEMBER) {
            server.promote(name, role);
        }
        if (confirmed) {
            self.get("/papers/" + PAPER);
            self.post("/papers/" + PAPER + "/comments", Map.of("body", "My own comment, to edit and delete."));
            self.post("/papers/" + PAPER + "/save", Map.of("action", "save"));
            self.get("/settings");
            self.createApiToken("walk");
            webhooks(server, self, "/settings/webhooks", tag);
            if (role == Role.ADMIN) {
                webhooks(server, self, "/admin/webhooks", tag + "-site");
            }
        }
        return new Identity(this, name, WebSession.email(name));
    }

    /**
     * Two destinations on the page at {@code path}, so its per-destination forms are there to walk: one
     * active, one paused as failed deliveries pause one (with the reason), so its Resume button shows.
     * They post to the server itself, which answers 404: the test button's failure is shown too.
     */
    private static void webhooks(TestServer server, WebSession self, String path, String tag) throws Exception {
        self.get(path);
        for (String name : List.of(tag + " channel", tag + " paused")) {
            HttpResponse<String> added = self.post(
                    path,
                    Map.of(
                            "kind",
                            "slack",
                            "name",
                            name,
                            "url",
                            server.url("/walk-hook"),
                            "dailyTop",
                            "3",
                            "hour",
                            "8",
                            "zone",
                            "UTC"));
            if (added.statusCode() != 303) {
                throw new AssertionError("cannot add the walk's destination at " + path + ": " + added.statusCode());
            }
        }
        server.db()
                .useTransaction(h -> h.createUpdate("UPDATE webhook_destinations SET paused = 1, failures = 3, "
                                + "paused_reason = 'the receiver answered 410' WHERE name = :name")
                        .bind("name", tag + " paused")
                        .execute());
    }

    private static String firstAuthor(TestServer server) throws Exception {
        String json = server.get("/api/papers/" + PAPER).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"authors\":\\[\\{\"name\":\"([^\"]+)\"")
                .matcher(json);
        if (!m.find()) {
            throw new AssertionError("no author in " + json);
        }
        return m.group(1);
    }

    /** The account a role walks as (a visitor's is only used by the login and reset forms). */
    record Identity(WalkRole role, String name, String email) {
        boolean signedIn() {
            return role != VISITOR;
        }

        /** Starts this role in {@code browser}, which shows a page of {@code server}. */
        void enter(ChromeDriver browser, TestServer server) throws Exception {
            if (signedIn()) {
                signIn(browser, server);
            }
        }

        /**
         * After a form: the browser is this role again. A form may have signed it out (log out, a new
         * password) or in as someone else (log in, sign up); a new session is made the way the login
         * form makes one.
         */
        void restore(ChromeDriver browser, TestServer server) throws Exception {
            if (!signedIn()) {
                if (browser.manage().getCookieNamed(SESSION) != null) {
                    browser.manage().deleteCookieNamed(SESSION);
                }
                return;
            }
            if (!signedInNow(browser, server)) {
                signIn(browser, server);
            }
        }

        /** Whether {@code browser}'s session cookie is still this role's signed-in session. */
        boolean signedInNow(ChromeDriver browser, TestServer server) throws Exception {
            Cookie session = browser.manage().getCookieNamed(SESSION);
            return session != null && whoami(server, session.getValue()).contains("\"name\":\"" + name + "\"");
        }

        private void signIn(ChromeDriver browser, TestServer server) throws Exception {
            WebSession session = server.browser();
            HttpResponse<String> login = session.logIn(name, WebSession.PASSWORD);
            if (login.statusCode() != 303) {
                throw new AssertionError("cannot sign " + name + " in again: " + login.statusCode());
            }
            browser.manage().deleteCookieNamed(SESSION);
            browser.manage()
                    .addCookie(new Cookie.Builder(SESSION, session.cookie(SESSION))
                            .path("/")
                            .isHttpOnly(true)
                            .build());
        }

        private static String whoami(TestServer server, String session) throws Exception {
            HttpResponse<String> me = server.get("/api/whoami", "Cookie", SESSION + "=" + session);
            return me.statusCode() == 200 ? me.body() : "";
        }
    }
}

package io.paperboy.browser;

import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import io.paperboy.web.Role;
import java.net.http.HttpResponse;
import java.util.Map;

/** A discussion with every kind of comment a page can show, for the page-wide checks. */
final class CommentFixtures {
    private CommentFixtures() {}

    /**
     * On {@code paper}: formatted comments with math, code and links, a reply, an edited comment, a
     * deleted one kept for its reply, and a hidden one. Returns the curator's session (members'
     * names end in {@code tag}, so one server can hold several discussions).
     */
    static WebSession discussion(TestServer server, String paper, String tag) throws Exception {
        WebSession ada = member(server, "ada-" + tag, paper);
        WebSession bob = member(server, "bob-" + tag, paper);
        WebSession carol = member(server, "carol-" + tag, paper);
        server.promote("carol-" + tag, Role.CURATOR);
        long top = post(
                ada,
                paper,
                Map.of(
                        "body",
                        "Nice bound: $O(n \\log n)$.\n\n- see [the code](https://example.org/code)\n"
                                + "- `make test`\n\n> quoted\n\n```\nfenced\n```"));
        post(bob, paper, Map.of("body", "Agreed, *mostly*.", "reply_to", Long.toString(top)));
        long regretted = post(ada, paper, Map.of("body", "On second thought…"));
        post(bob, paper, Map.of("body", "Why delete?", "reply_to", Long.toString(regretted)));
        ada.post("/comments/" + regretted + "/delete", Map.of());
        long spam = post(bob, paper, Map.of("body", "Buy now"));
        carol.post("/comments/" + spam + "/hide", Map.of());
        ada.post("/comments/" + top + "/edit", Map.of("body", "Nice bound: $O(n \\log n)$ (edited)."));
        carol.get("/papers/" + paper);
        return carol;
    }

    private static WebSession member(TestServer server, String name, String paper) throws Exception {
        WebSession session = server.browser().signUpConfirmed(name);
        session.get("/papers/" + paper);
        return session;
    }

    private static long post(WebSession session, String paper, Map<String, String> fields) throws Exception {
        HttpResponse<String> response = session.post("/papers/" + paper + "/comments", fields);
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(
                        () -> new AssertionError("posting answered " + response.statusCode() + ": " + response.body()));
        return Long.parseLong(location.substring(location.lastIndexOf('-') + 1));
    }
}

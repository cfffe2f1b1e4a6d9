package io.paperboy.comment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.audit.ModerationEntry;
import io.paperboy.audit.ModerationLog;
import io.paperboy.testing.Poll;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import io.paperboy.web.Role;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Comments through a real server: who may do what, what each visitor sees, and the counts. */
final class CommentPagesTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOCATION_ID = Pattern.compile("#comment-(\\d+)$");

    private static TestServer server() {
        return SERVER.server();
    }

    /** Signs up a confirmed member and opens {@code paper}'s page, so the session holds a CSRF token. */
    private static WebSession member(String name, String paper) throws Exception {
        WebSession session = server().browser().signUpConfirmed(name);
        session.get("/papers/" + paper);
        return session;
    }

    private static long post(WebSession session, String paper, Map<String, String> fields) throws Exception {
        HttpResponse<String> response = session.post("/papers/" + paper + "/comments", fields);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/papers/" + paper + "#comment-");
        Matcher m = LOCATION_ID.matcher(location);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static long comment(WebSession session, String paper, String body) throws Exception {
        return post(session, paper, Map.of("body", body));
    }

    /**
     * The page as an anonymous visitor gets it, rendered now: anonymous answers are cached until the
     * server's change watcher (polling every 250 ms) sees the store move, so a fresh URL is asked for.
     */
    private static String anonymousPage(String paper) throws Exception {
        return server().get(fresh("/papers/" + paper)).body();
    }

    private static String fresh(String path) {
        return path + (path.contains("?") ? "&" : "?") + "fresh=" + System.nanoTime();
    }

    @Test
    void aVerifiedMember_comments_andEveryoneSeesTheRenderedMarkdown() throws Exception {
        WebSession ada = member("cm-ada", "2606.00467");
        long id = comment(ada, "2606.00467", "A **fine** result for $\\alpha_1$.");

        assertThat(anonymousPage("2606.00467"))
                .contains("id=\"comment-" + id + "\"")
                .contains("A <strong>fine</strong> result for $\\alpha_1$.")
                .contains("<a class=\"author\" href=\"/u/cm-ada\">Member cm-ada</a>");
    }

    @Test
    void theAuthorDeletes_onlyAfterConfirming_inAStepThatNeedsNoJavaScript() throws Exception {
        WebSession ada = member("cm-confirm", "2606.11662");
        long id = comment(ada, "2606.11662", "Second thoughts");

        String page = ada.get("/papers/2606.11662").body();

        // The delete button sits inside a closed <details>: one click opens the question, a second one deletes.
        assertThat(page)
                .containsPattern(
                        "<details class=\"comment-delete\">\\s*<summary>Delete</summary>\\s*"
                                + "<form method=\"post\" action=\"/comments/" + id + "/delete\"[^>]*>[\\s\\S]*?"
                                + "Delete this comment for good\\?[\\s\\S]*?<button type=\"submit\" class=\"danger\">Delete comment</button>");
    }

    @Test
    void withHtmx_theFirstComment_hidesNoCommentsYet_andCountsItselfInTheHeading() throws Exception {
        String paper = "2606.12575";
        WebSession ada = member("cm-first", paper);
        assertThat(ada.get("/papers/" + paper).body())
                .contains("<p class=\"empty\" id=\"no-comments\">No comments yet.</p>");

        HttpResponse<String> first = ada.postRaw(
                "/papers/" + paper + "/comments",
                Map.of("body", "First!"),
                Map.of("HX-Request", "true", "X-CSRF-Token", ada.csrf()));

        assertThat(first.body())
                .contains("<h2 id=\"comments-title\" data-hx-swap-oob=\"true\">Comments (1)</h2>")
                .contains(
                        "<p class=\"empty\" id=\"no-comments\" hidden data-hx-swap-oob=\"true\">No comments yet.</p>");
        assertThat(ada.get("/papers/" + paper).body())
                .contains("Comments (1)")
                .contains("<p class=\"empty\" id=\"no-comments\" hidden>No comments yet.</p>");
    }

    @Test
    void withHtmx_aCuratorsHide_lowersTheCountInTheHeading() throws Exception {
        String paper = "2606.12303";
        WebSession ada = member("cm-count-h-a", paper);
        WebSession carol = member("cm-count-h-c", paper);
        server().promote("cm-count-h-c", Role.CURATOR);
        comment(ada, paper, "Stays");
        long spam = comment(ada, paper, "Goes");

        HttpResponse<String> hide = carol.postRaw(
                "/comments/" + spam + "/hide", Map.of(), Map.of("HX-Request", "true", "X-CSRF-Token", carol.csrf()));

        assertThat(hide.body()).contains("<h2 id=\"comments-title\" data-hx-swap-oob=\"true\">Comments (1)</h2>");
    }

    @Test
    void anonymousVisitors_seeALoginLink_andNothingPersonal() throws Exception {
        WebSession ada = member("cm-anon", "2606.12730");
        comment(ada, "2606.12730", "Visible to all");

        String page = anonymousPage("2606.12730");

        assertThat(page)
                .contains("Visible to all")
                .contains("<a href=\"/login?next=%2Fpapers%2F2606.12730%23comments\">Log in to comment</a>")
                .doesNotContain("_csrf")
                .doesNotContain("<textarea")
                .doesNotContain("Delete");
    }

    @Test
    void theCachedAnonymousPage_showsANewComment_withinAMoment() throws Exception {
        server().get("/papers/2606.13594");
        server().get("/papers/2606.13594"); // now served from the page cache
        WebSession ada = member("cm-cache", "2606.13594");

        comment(ada, "2606.13594", "Fresh off the press");

        // The comment took a change number, so the cached page goes as soon as the watcher sees it.
        String page = Poll.until(
                Duration.ofSeconds(5),
                () -> server().get("/papers/2606.13594").body(),
                body -> body.contains("Fresh off the press"));
        assertThat(page).contains("Fresh off the press");
    }

    @Test
    void aReplyToAReply_joinsTheTopLevelThread() throws Exception {
        WebSession ada = member("cm-thread-a", "2606.13174");
        WebSession bob = member("cm-thread-b", "2606.13174");
        long top = comment(ada, "2606.13174", "Top");
        long reply = post(bob, "2606.13174", Map.of("body", "Reply", "reply_to", Long.toString(top)));
        long replyToReply =
                post(ada, "2606.13174", Map.of("body", "Reply to the reply", "reply_to", Long.toString(reply)));

        String page = anonymousPage("2606.13174");
        String thread = page.substring(page.indexOf("id=\"replies-" + top + "\""));

        assertThat(thread).contains("id=\"comment-" + reply + "\"").contains("id=\"comment-" + replyToReply + "\"");
        assertThat(page).doesNotContain("id=\"replies-" + reply + "\"");
    }

    @Test
    void editingYourOwnComment_showsTheNewTextMarkedEdited() throws Exception {
        WebSession ada = member("cm-edit", "2606.10423");
        long id = comment(ada, "2606.10423", "Frist");

        HttpResponse<String> response = ada.post("/comments/" + id + "/edit", Map.of("body", "First"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("/papers/2606.10423#comment-" + id);
        assertThat(anonymousPage("2606.10423"))
                .contains("<p>First</p>")
                .doesNotContain("Frist")
                .contains("<span class=\"edited\">edited</span>");
    }

    @Test
    void editingOrDeletingAnotherMembersComment_is403() throws Exception {
        String paper = "2606.00467";
        WebSession ada = member("cm-own-a", paper);
        WebSession mallory = member("cm-own-m", paper);
        long id = comment(ada, paper, "Mine alone");

        HttpResponse<String> edit = mallory.post("/comments/" + id + "/edit", Map.of("body", "Defaced"));
        HttpResponse<String> delete = mallory.post("/comments/" + id + "/delete", Map.of());

        assertThat(edit.statusCode()).isEqualTo(403);
        assertThat(edit.body()).contains("you can only edit your own comments");
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(delete.body()).contains("you can only delete your own comments");
        assertThat(anonymousPage(paper)).contains("Mine alone").doesNotContain("Defaced");
    }

    @Test
    void deletingACommentWithReplies_leavesADeletedPlaceholder_andOneWithoutVanishes() throws Exception {
        String paper = "2606.12730";
        WebSession ada = member("cm-del-a", paper);
        WebSession bob = member("cm-del-b", paper);
        long top = comment(ada, paper, "Regrettable opinion");
        long reply = post(bob, paper, Map.of("body", "A reply worth keeping", "reply_to", Long.toString(top)));
        long lonely = comment(ada, paper, "Lonely remark");

        assertThat(ada.post("/comments/" + top + "/delete", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(ada.post("/comments/" + lonely + "/delete", Map.of()).statusCode())
                .isEqualTo(303);

        String page = anonymousPage(paper);
        assertThat(page)
                .doesNotContain("Regrettable opinion")
                .doesNotContain("Lonely remark")
                .doesNotContain("id=\"comment-" + lonely + "\"")
                .contains("id=\"comment-" + top + "\"")
                .contains("[deleted]")
                .contains("A reply worth keeping")
                .contains("id=\"comment-" + reply + "\"");
    }

    @Test
    void aMemberUsingCuratorActions_is403() throws Exception {
        String paper = "2606.13594";
        WebSession ada = member("cm-cur-a", paper);
        WebSession mallory = member("cm-cur-m", paper);
        long id = comment(ada, paper, "Not to be hidden by just anyone");

        HttpResponse<String> hide = mallory.post("/comments/" + id + "/hide", Map.of());
        HttpResponse<String> unhide = mallory.post("/comments/" + id + "/unhide", Map.of());

        assertThat(hide.statusCode()).isEqualTo(403);
        assertThat(hide.body()).contains("this needs the curator role");
        assertThat(unhide.statusCode()).isEqualTo(403);
        assertThat(anonymousPage(paper)).contains("Not to be hidden by just anyone");
    }

    @Test
    void aCurator_hidesAndUnhides_eachRecordedInTheModerationLog() throws Exception {
        String paper = "2606.13174";
        WebSession ada = member("cm-hide-a", paper);
        WebSession carol = member("cm-hide-c", paper);
        server().promote("cm-hide-c", Role.CURATOR);
        long id = comment(ada, paper, "Spam spam spam");

        assertThat(carol.post("/comments/" + id + "/hide", Map.of()).statusCode())
                .isEqualTo(303);

        assertThat(anonymousPage(paper)).doesNotContain("Spam spam spam").doesNotContain("id=\"comment-" + id + "\"");
        assertThat(carol.get("/papers/" + paper).body())
                .contains("Spam spam spam")
                .contains("<strong class=\"hidden-mark\">hidden by a curator</strong>")
                .contains("action=\"/comments/" + id + "/unhide\"");
        assertThat(ada.get("/papers/" + paper).body())
                .contains("Spam spam spam")
                .contains("hidden by a curator");
        assertThat(numComments(paper)).isZero();

        assertThat(carol.post("/comments/" + id + "/unhide", Map.of()).statusCode())
                .isEqualTo(303);

        assertThat(anonymousPage(paper)).contains("Spam spam spam");
        List<ModerationEntry> log =
                server().db().withHandle(h -> new ModerationLog().page(h, Long.MAX_VALUE, 50)).stream()
                        .filter(e ->
                                e.targetKind().equals("comment") && e.targetId().equals(Long.toString(id)))
                        .toList();
        assertThat(log).extracting(ModerationEntry::action).containsExactly("unhide-comment", "hide-comment");
        assertThat(log).extracting(ModerationEntry::actorName).containsOnly("cm-hide-c");
    }

    @Test
    void counts_inListingsAndTheApi_excludeHiddenAndDeletedComments() throws Exception {
        String paper = "2606.10423";
        WebSession ada = member("cm-count-a", paper);
        WebSession carol = member("cm-count-c", paper);
        server().promote("cm-count-c", Role.CURATOR);
        int before = numComments(paper);
        comment(ada, paper, "one");
        comment(ada, paper, "two");
        long hidden = comment(ada, paper, "three");
        long deleted = comment(ada, paper, "four");
        carol.post("/comments/" + hidden + "/hide", Map.of());
        ada.post("/comments/" + deleted + "/delete", Map.of());
        int expected = before + 2;

        assertThat(numComments(paper)).isEqualTo(expected);
        JsonNode daily = JSON.readTree(server().get(fresh("/api/daily_papers?date=2026-06-12&limit=100"))
                .body());
        JsonNode entry = find(daily, paper);
        assertThat(entry.get("numComments").asInt()).isEqualTo(expected);
        assertThat(entry.get("paper").get("numComments").asInt()).isEqualTo(expected);
        String title = entry.get("title").asText();
        JsonNode found = JSON.readTree(server().get("/api/papers/search?q="
                        + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8))
                .body());
        assertThat(find(found, paper).get("paper").get("numComments").asInt()).isEqualTo(expected);
        assertThat(server().get(fresh("/papers/date/2026-06-12")).body())
                .contains("<a class=\"comment-count\" href=\"/papers/" + paper + "#comments\">" + expected
                        + " comments</a>");
    }

    private static int numComments(String paper) throws Exception {
        return JSON.readTree(server().get(fresh("/api/papers/" + paper)).body())
                .get("numComments")
                .asInt();
    }

    private static JsonNode find(JsonNode entries, String paper) {
        for (JsonNode e : entries) {
            if (e.get("paper").get("id").asText().equals(paper)) {
                return e;
            }
        }
        throw new AssertionError("no entry for " + paper + " in " + entries);
    }

    @Test
    void aCommentPost_withoutACsrfToken_is403_andStoresNothing() throws Exception {
        WebSession ada = member("cm-csrf", "2606.00467");

        HttpResponse<String> response =
                ada.postRaw("/papers/2606.00467/comments", Map.of("body", "Forged comment"), Map.of());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("no CSRF token");
        assertThat(anonymousPage("2606.00467")).doesNotContain("Forged comment");
    }

    @Test
    void anUnverifiedMember_cannotComment() throws Exception {
        WebSession eve = server().browser();
        eve.signUp("cm-unverified");
        String page = eve.get("/papers/2606.00467").body();

        HttpResponse<String> response = eve.post("/papers/2606.00467/comments", Map.of("body", "Too soon"));

        assertThat(page).contains("Confirm your email address to comment").doesNotContain("<textarea");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("confirm your email address first");
    }

    @Test
    void anAnonymousPost_goesToTheLoginPage() throws Exception {
        WebSession nobody = server().browser();
        nobody.get("/login");

        HttpResponse<String> response = nobody.post("/papers/2606.00467/comments", Map.of("body", "Who am I"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith("/login?next=");
    }

    @Test
    void anEmptyComment_isRefusedWithAClearMessage_andTheFormComesBack() throws Exception {
        WebSession ada = member("cm-empty", "2606.00467");

        HttpResponse<String> response = ada.post("/papers/2606.00467/comments", Map.of("body", "   \n  "));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains("write something first: the comment is empty")
                .contains("<textarea id=\"body-new\"")
                .contains("aria-invalid=\"true\"");
    }

    @Test
    void aTooLongComment_isRefused_keepingWhatWasTyped() throws Exception {
        WebSession ada = member("cm-long", "2606.00467");
        String text = "x".repeat(10_001);

        HttpResponse<String> response = ada.post("/papers/2606.00467/comments", Map.of("body", text));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains("is 10,001 characters long; the limit is 10,000")
                .contains(text);
    }

    @Test
    void aCommentOfExactlyTheLimit_isAccepted() throws Exception {
        WebSession ada = member("cm-limit", "2606.00467");

        comment(ada, "2606.00467", "y".repeat(10_000));
    }

    @Test
    void withHtmx_aPostAnswersTheRenderedComment_andAProblemAnswersTheForm() throws Exception {
        WebSession ada = member("cm-htmx", "2606.12730");
        Map<String, String> htmx = Map.of("HX-Request", "true", "X-CSRF-Token", ada.csrf());

        HttpResponse<String> ok = ada.postRaw("/papers/2606.12730/comments", Map.of("body", "Via *htmx*"), htmx);
        HttpResponse<String> bad = ada.postRaw("/papers/2606.12730/comments", Map.of("body", ""), htmx);

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body().strip())
                .startsWith("<li class=\"comment\" id=\"comment-")
                .contains("<em>htmx</em>")
                .doesNotContain("<html");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body().strip())
                .startsWith("<form class=\"comment-form\"")
                .contains("the comment is empty");
    }

    @Test
    void withHtmx_deleteHideAndEdit_answerTheCommentAsItNowLooks() throws Exception {
        String paper = "2606.10423";
        WebSession ada = member("cm-htmx-a", paper);
        WebSession carol = member("cm-htmx-c", paper);
        server().promote("cm-htmx-c", Role.CURATOR);
        long gone = comment(ada, paper, "Short-lived");
        long hidden = comment(ada, paper, "Off-topic");
        long edited = comment(ada, paper, "Tpyo");

        HttpResponse<String> delete = ada.postRaw(
                "/comments/" + gone + "/delete", Map.of(), Map.of("HX-Request", "true", "X-CSRF-Token", ada.csrf()));
        HttpResponse<String> hide = carol.postRaw(
                "/comments/" + hidden + "/hide", Map.of(), Map.of("HX-Request", "true", "X-CSRF-Token", carol.csrf()));
        HttpResponse<String> edit = ada.postRaw(
                "/comments/" + edited + "/edit",
                Map.of("body", "Typo"),
                Map.of("HX-Request", "true", "X-CSRF-Token", ada.csrf()));

        // Nothing is left to show of a deleted comment without replies: htmx swaps it for nothing
        // (and, out of band, the heading for one with the new count).
        assertThat(delete.statusCode()).isEqualTo(200);
        assertThat(delete.body())
                .doesNotContain("<li")
                .startsWith("<h2 id=\"comments-title\" data-hx-swap-oob=\"true\">");
        assertThat(hide.body())
                .contains("id=\"comment-" + hidden + "\"")
                .contains("hidden by a curator")
                .contains("action=\"/comments/" + hidden + "/unhide\"");
        assertThat(edit.body()).contains("<p>Typo</p>").contains("<span class=\"edited\">edited</span>");
    }

    @Test
    void aFloodOfComments_isThrottled() throws Exception {
        WebSession ada = member("cm-flood", "2606.13594");
        for (int i = 0; i < 20; i++) {
            comment(ada, "2606.13594", "flood " + i);
        }

        HttpResponse<String> response = ada.post("/papers/2606.13594/comments", Map.of("body", "one too many"));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).contains("too many comments and edits");
    }

    @Test
    void aMalformedReplyTarget_isA400_notACrash() throws Exception {
        WebSession ada = member("cm-bad-parent", "2606.00467");

        HttpResponse<String> response =
                ada.post("/papers/2606.00467/comments", Map.of("body", "Hi", "reply_to", "abc"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("reply_to must be a comment number, not &#39;abc&#39;");
    }

    @Test
    void commentingOnAnUnknownPaper_is404() throws Exception {
        WebSession ada = member("cm-nopaper", "2606.00467");

        HttpResponse<String> response = ada.post("/papers/2606.99999/comments", Map.of("body", "Hello?"));

        assertThat(response.statusCode()).isEqualTo(404);
    }
}

package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.testing.Poll;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.WebSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Search result cards carry the listing cards' controls, for each role: a visitor gets links to
 * log in, an unconfirmed member a link to confirm before voting, a member working forms that come
 * back to the same search page without JavaScript, and swap in place with htmx.
 */
final class SearchCardsTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final String SEARCH = "/papers?q=diphoton";
    private static final String PAPER = "0704.0001";

    @BeforeAll
    static void indexed() throws Exception {
        Poll.until(
                Duration.ofSeconds(10),
                () -> SERVER.server().get(SEARCH).body(),
                page -> page.contains("/papers/" + PAPER));
    }

    @Test
    void aVisitor_getsLinksToLogInThatComeBackToTheSearch_andTheCounts() throws Exception {
        String page = SERVER.server().get(SEARCH).body();
        int upvotes = new ObjectMapper()
                .readTree(SERVER.server().get("/api/papers/" + PAPER).body())
                .get("upvotes")
                .asInt();

        assertThat(page)
                .contains("href=\"/login?next=%2Fpapers%3Fq%3Ddiphoton\" title=\"Log in to upvote\"")
                .contains("title=\"Log in to save papers for later\"")
                .contains("<span class=\"count\">" + upvotes + "</span>")
                .contains("<a class=\"comment-count\" href=\"/papers/" + PAPER + "#comments\">0 comments</a>")
                .doesNotContain("action=\"/papers/" + PAPER + "/upvote\"");
    }

    @Test
    void anUnconfirmedMember_isAskedToConfirmBeforeVoting_andMaySave() throws Exception {
        WebSession member = SERVER.server().browser();
        member.signUp("search-unconfirmed");

        String page = member.get(SEARCH).body();

        assertThat(page)
                .contains("title=\"Confirm your email address to upvote\"")
                .doesNotContain("action=\"/papers/" + PAPER + "/upvote\"")
                .contains("action=\"/papers/" + PAPER + "/save\"");
    }

    @Test
    void aMember_votesAndSavesFromTheResults_andComesBackToTheSamePage() throws Exception {
        WebSession member = SERVER.server().browser().signUpConfirmed("search-member");
        member.get(SEARCH);

        HttpResponse<String> vote =
                member.post("/papers/" + PAPER + "/upvote", Map.of("action", "upvote", "back", SEARCH));
        HttpResponse<String> save = member.post("/papers/" + PAPER + "/save", Map.of("action", "save", "back", SEARCH));
        String after = member.get(SEARCH).body();

        assertThat(vote.statusCode()).isEqualTo(303);
        assertThat(vote.headers().firstValue("Location")).hasValue(SEARCH);
        assertThat(save.statusCode()).isEqualTo(303);
        assertThat(save.headers().firstValue("Location")).hasValue(SEARCH);
        assertThat(after)
                .contains("class=\"vote-button\" aria-pressed=\"true\"")
                .contains("Saved · remove from reading list");
    }

    @Test
    void savingWithHtmx_answersTheButtonInItsNewState_andAForeignBackIsIgnored() throws Exception {
        WebSession member = SERVER.server().browser().signUpConfirmed("search-htmx");
        member.get(SEARCH);

        HttpResponse<String> saved = member.postRaw(
                "/papers/" + PAPER + "/save",
                Map.of("_csrf", member.csrf(), "action", "save", "back", SEARCH),
                Map.of("HX-Request", "true"));
        HttpResponse<String> foreign =
                member.post("/papers/" + PAPER + "/save", Map.of("action", "remove", "back", "//evil.example/"));

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body().strip())
                .startsWith("<form class=\"save\"")
                .contains("aria-pressed=\"true\"")
                .contains("name=\"action\" value=\"remove\"")
                .contains("name=\"back\" value=\"/papers?q=diphoton\"");
        assertThat(foreign.headers().firstValue("Location")).hasValue("/papers/" + PAPER);
    }
}

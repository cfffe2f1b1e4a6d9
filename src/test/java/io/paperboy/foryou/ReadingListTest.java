package io.paperboy.foryou;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Save for later, read / unread, remove: each member's own list, through forms and the API. */
final class ReadingListTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final String PAPER = "2306.15794";

    private static TestServer server() {
        return SERVER.server();
    }

    @Test
    void savedPapers_areUnreadUntilMarkedRead_thenMoveToRead_andCanBeRemoved() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("reader");
        assertThat(ada.post("/papers/" + PAPER + "/save", Map.of("action", "save"))
                        .statusCode())
                .isEqualTo(303);
        String title = server().get("/api/papers/" + PAPER).body().replaceAll("(?s).*\"title\":\"([^\"]+)\".*", "$1");

        assertThat(ada.get("/saved").body())
                .contains(title)
                .contains("Unread (1)")
                .contains("Read (0)");
        assertThat(ada.post("/saved/" + PAPER, Map.of("action", "read", "show", "unread"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(ada.get("/saved?show=unread").body()).doesNotContain(title).contains("Unread (0)");
        assertThat(ada.get("/saved?show=read").body()).contains(title).contains("Read (1)");

        ada.post("/saved/" + PAPER, Map.of("action", "remove", "show", "read"));
        assertThat(ada.get("/saved?show=all").body()).doesNotContain(title).contains("Nothing saved yet");
    }

    @Test
    void thePaperPage_offersMembersSaveForLater_andShowsWhenSaved() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("page-saver");
        assertThat(ada.get("/papers/" + PAPER).body())
                .contains("Save for later")
                .contains("action=\"/papers/" + PAPER + "/save\"");

        ada.post("/papers/" + PAPER + "/save", Map.of("action", "save"));

        assertThat(ada.get("/papers/" + PAPER).body()).contains("Saved · remove from reading list");
        assertThat(server().get("/papers/" + PAPER).body())
                .doesNotContain("Save for later")
                .doesNotContain("/save\"");
    }

    @Test
    void eachMember_seesOnlyTheirOwnList() throws Exception {
        WebSession owner = server().browser().signUpConfirmed("owner-list");
        owner.post("/papers/" + PAPER + "/save", Map.of());
        WebSession other = server().browser().signUpConfirmed("other-list");

        assertThat(other.get("/saved?show=all").body()).contains("Nothing saved yet");
        assertThat(other.post("/saved/" + PAPER, Map.of("action", "remove")).statusCode())
                .isEqualTo(404);
        assertThat(owner.get("/saved").body()).contains("Unread (1)");
    }

    @Test
    void badInput_andStrangers_getClearAnswers() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("careless");

        assertThat(ada.post("/papers/2401.99999/save", Map.of()).statusCode()).isEqualTo(404);
        HttpResponse<String> badAction = ada.post("/papers/" + PAPER + "/save", Map.of("action", "star"));
        assertThat(badAction.statusCode()).isEqualTo(400);
        assertThat(badAction.body()).contains("action must be save or remove");
        assertThat(ada.get("/saved?show=later").statusCode()).isEqualTo(400);
        assertThat(ada.postRaw("/papers/" + PAPER + "/save", Map.of(), Map.of()).statusCode())
                .isEqualTo(403);
        HttpResponse<String> anonymous = server().get("/saved");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).contains("/login?next=%2Fsaved");
    }

    @Test
    void theApi_savesAndRemoves_withAPersonalToken() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("scripted");
        String token = ada.createApiToken("cli");

        HttpResponse<String> saved = api("POST", "/api/papers/arXiv:" + PAPER + "v2/save", token);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("\"saved\":true").contains("\"id\":\"" + PAPER + "\"");
        assertThat(ada.get("/saved").body()).contains("Unread (1)");

        HttpResponse<String> removed = api("DELETE", "/api/papers/" + PAPER + "/save", token);
        assertThat(removed.body()).contains("\"saved\":false");
        assertThat(ada.get("/saved").body()).contains("Unread (0)");
        assertThat(api("POST", "/api/papers/2401.99999/save", token).statusCode())
                .isEqualTo(404);
        assertThat(server().browser()
                        .send(HttpRequest.newBuilder(URI.create(server().url("/api/papers/" + PAPER + "/save")))
                                .POST(HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isEqualTo(401);
    }

    private HttpResponse<String> api(String method, String path, String token) throws Exception {
        return server().browser()
                .send(HttpRequest.newBuilder(URI.create(server().url(path)))
                        .header("Authorization", "Bearer " + token)
                        .method(method, HttpRequest.BodyPublishers.noBody()));
    }
}

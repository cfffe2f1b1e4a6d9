package io.paperboy.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Display names that impersonate another member or the site are refused; invisible ones too. */
final class DisplayNamesTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final List<String> MEMBERS = List.of("grace", "Grace Hopper", "ada", "Ada Lovelace");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "  Grace   Hopper  |Grace Hopper",
                "Gr\u200Bace\u00ADHop\u2060per|GraceHopper",
                "\uFF21\uFF44\uFF41|Ada", // fullwidth letters, NFKC
                "Ada\u202E\u2066 L.|Ada L.",
                "Ada\tL.\u00A0\u2003x|Ada L. x"
            })
    void normalize_foldsCompatibilityForms_dropsInvisibleCharacters_andCollapsesSpaces(String raw, String expected) {
        assertThat(DisplayNames.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B\u200B", "\u3164", "\u2800\u2800", " \u00AD ", "\uFFA0"})
    void invisibleNames_areRefused(String raw) {
        assertThat(DisplayNames.problem(DisplayNames.normalize(raw), MEMBERS))
                .hasValueSatisfying(p -> assertThat(p).contains("visible"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Grace Hopper",
                "grace hopper",
                "GRACE HOPPER",
                "Gr\u0430ce H\u043Epper",
                "Ada Lovelace",
                "\u0410da Lovelace",
                "Ada LoveIace",
                "gr\u0430ce"
            })
    void namesConfusableWithAnotherMembers_areRefused(String name) {
        assertThat(DisplayNames.problem(DisplayNames.normalize(name), MEMBERS))
                .hasValueSatisfying(p -> assertThat(p).contains("looks like the name of another member"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "admin",
                "Admin",
                "ADMINISTRATOR",
                "\u0430dmin",
                "Moderator",
                "Paperboy",
                "S-t-a-f-f",
                "sys op",
                "Root",
                "Support!"
            })
    void roleLikeNames_areReserved(String name) {
        assertThat(DisplayNames.problem(DisplayNames.normalize(name), MEMBERS))
                .hasValueSatisfying(p -> assertThat(p).contains("reads as one of the site's roles"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Grace H.", "Adam", "Ada Byron", "Kurt Gödel", "陈思", "Admin Assistant Bob"})
    void distinctNames_areAccepted(String name) {
        assertThat(DisplayNames.problem(DisplayNames.normalize(name), MEMBERS)).isEmpty();
    }

    @Test
    void settings_refuseACyrillicLookAlikeOfAnotherMembersName_andKeepTheOldName() throws Exception {
        WebSession grace = SERVER.server().browser().signUpConfirmed("grace");
        grace.post("/settings/profile", Map.of("display_name", "Grace Hopper"));
        WebSession mallory = SERVER.server().browser().signUpConfirmed("mallory");

        // Cyrillic а (U+0430) and о (U+043E): the page would show the same letters.
        HttpResponse<String> lookAlike =
                mallory.post("/settings/profile", Map.of("display_name", "Gr\u0430ce H\u043Epper"));
        HttpResponse<String> exact = mallory.post("/settings/profile", Map.of("display_name", "Grace Hopper"));
        HttpResponse<String> role = mallory.post("/settings/profile", Map.of("display_name", "Admin"));

        assertThat(lookAlike.statusCode()).isEqualTo(422);
        assertThat(lookAlike.body()).contains("looks like the name of another member (Grace Hopper)");
        assertThat(exact.statusCode()).isEqualTo(422);
        assertThat(role.statusCode()).isEqualTo(422);
        assertThat(role.body()).contains("reads as one of the site's roles");
        assertThat(mallory.get("/settings").body()).contains("Member mallory");
        assertThat(grace.post("/settings/profile", Map.of("display_name", "Grace Hopper"))
                        .statusCode())
                .as("a member keeps their own name")
                .isEqualTo(303);
    }

    @Test
    void signUp_refusesARoleLikeUserName_andADisplayNameLikeAnotherMembersUserName() throws Exception {
        SERVER.server().browser().signUpConfirmed("turing");
        WebSession someone = SERVER.server().browser();
        someone.get("/signup");

        HttpResponse<String> refused = someone.post(
                "/signup",
                Map.of(
                        "email",
                        "m@example.org",
                        "name",
                        "admin",
                        "display_name",
                        "\u0422uring",
                        "password",
                        WebSession.PASSWORD)); // Cyrillic Т

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("'admin' reads as one of the site's roles")
                .contains("looks like the name of another member (turing)");
    }
}

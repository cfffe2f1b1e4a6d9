package io.paperboy.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.ServerExtension;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class AvatarsTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    @Test
    void theSameNameDrawsTheSameAvatar_otherNamesOthers() {
        assertThat(Avatars.svg("ada")).isEqualTo(Avatars.svg("Ada"));
        Set<String> drawn = new HashSet<>();
        for (String name : new String[] {"ada", "grace", "alan", "edsger", "barbara", "donald", "leslie", "tony"}) {
            drawn.add(Avatars.svg(name));
        }
        assertThat(drawn).hasSize(8);
    }

    @Test
    void theCellsAreMirroredLeftToRight() {
        Set<String> cells = new HashSet<>();
        Matcher m = Pattern.compile("<rect x=\"(\\d+)\" y=\"(\\d+)\"").matcher(Avatars.svg("grace"));
        while (m.find()) {
            cells.add(m.group(1) + "," + m.group(2));
        }
        assertThat(cells).isNotEmpty().allSatisfy(c -> {
            int x = Integer.parseInt(c.split(",")[0]);
            assertThat(cells).contains((50 - x) + "," + c.split(",")[1]); // x' = 5 + (4 - col) * 10
        });
    }

    @Test
    void avatarRoute_servesCacheableSvg_andExplainsABadPath() throws Exception {
        HttpResponse<String> ok = SERVER.server().get("/avatars/zhiyuanhucs.svg");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("image/svg+xml"));
        assertThat(ok.headers().firstValue("cache-control")).hasValue("public, max-age=86400");
        assertThat(ok.body()).isEqualTo(Avatars.svg("zhiyuanhucs"));

        HttpResponse<String> bad = SERVER.server().get("/avatars/zhiyuanhucs.png");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("avatar path must be /avatars/NAME.svg");
    }

    @Test
    void listingCards_showTheSubmittersAvatar() throws Exception {
        assertThat(SERVER.server().get("/papers/date/2026-06-12").body())
                .contains("Submitted by <img class=\"avatar\" src=\"/avatars/zhiyuanhucs.svg\"");
    }
}

package io.paperboy.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.paper.Paper;
import io.paperboy.testing.ServerExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class ThumbnailPagesTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    @Test
    void withoutARenderedPage_theThumbnailIsAGeneratedCover_andCardsShowIt() throws Exception {
        HttpResponse<String> cover = SERVER.server().get("/thumbnails/0704.0001");

        assertThat(cover.statusCode()).isEqualTo(200);
        assertThat(cover.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("image/svg+xml"));
        assertThat(cover.body())
                .contains(">Calculation of prompt<")
                .contains(">C. Balázs, E. L. Berger, P. M.<")
                .contains(">Nadolsky et al.<");
        assertThat(SERVER.server().get("/papers/date/2026-06-12").body()).contains("<img src=\"/thumbnails/");
        assertThat(SERVER.server().get("/thumbnails/2401.99999").statusCode()).isEqualTo(404);
    }

    @Test
    void coverText_isEscaped_andLongTitlesEndInAnEllipsis() {
        String svg = Covers.svg(Paper.builder("pb-0123456789ab", "<script>alert(1)</script> " + "word ".repeat(40))
                .build());

        assertThat(svg)
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("…</text>");
    }
}

package io.paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class PaperMarkdownTest {
    @Test
    void markdownCharactersInTheTitle_areTakenLiterally() {
        Paper p = Paper.builder("2401.00001", "*Bold* claims about [links] and # heads")
                .build();

        assertThat(PaperMarkdown.of(p, List.of(), "http://x/papers/2401.00001"))
                .startsWith("# \\*Bold\\* claims about \\[links\\] and \\# heads\n");
    }

    @Test
    void htmlInTheAbstract_isDefused_whileMathStaysReadable() {
        Paper p = Paper.builder("2401.00001", "T")
                .abstractText("We show $a < b$ and $x_i$. <script>alert(1)</script>")
                .build();

        assertThat(PaperMarkdown.of(p, List.of(), "u"))
                .contains("We show $a < b$ and $x_i$. \\<script>alert(1)\\</script>");
    }

    @Test
    void keywordsAndLinkedArtifacts_areListed() {
        Paper p = Paper.builder("2401.00001", "T")
                .links(List.of(
                        new ArtifactLink(LinkKind.GITHUB, "https://github.com/a/b"),
                        new ArtifactLink(LinkKind.HF_MODEL, "https://huggingface.co/a/m")))
                .build();

        assertThat(PaperMarkdown.of(p, List.of("state space models", "long context"), "u"))
                .contains("- **Keywords:** state space models, long context\n")
                .contains("## Code\n\n- https://github.com/a/b\n")
                .contains("## Models\n\n- https://huggingface.co/a/m\n");
    }
}

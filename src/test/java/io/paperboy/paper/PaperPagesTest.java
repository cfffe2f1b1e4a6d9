package io.paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.ServerExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The paper page through a real server. */
final class PaperPagesTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    @Test
    void paperPage_showsMetadataLinksCitationTagsAndBibtex() throws Exception {
        HttpResponse<String> page = SERVER.server().get("/papers/0704.0001");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "<h1 class=\"math\">Calculation of prompt diphoton production cross sections at Tevatron and LHC energies</h1>")
                .contains("C. Balázs, E. L. Berger, P. M. Nadolsky, C. -P. Yuan")
                .contains("<meta name=\"citation_title\" content=\"Calculation of prompt diphoton")
                .contains("<meta name=\"citation_author\" content=\"C. Balázs\">")
                .contains("<meta name=\"citation_publication_date\" content=\"2007/04/02\">")
                .contains("<meta property=\"og:title\"")
                .contains("href=\"https://arxiv.org/pdf/0704.0001\"")
                .contains("@misc{balazs2007calculation,")
                .contains("Phys.Rev.D76:013009,2007");
    }

    @Test
    void upvotesAndSubmitter_comeFromTheListing() throws Exception {
        assertThat(SERVER.server().get("/papers/2606.13681").body())
                .contains("<span class=\"count\">118</span><span class=\"label\">upvotes</span>")
                .contains(
                        "featured 2026-06-12 by <img class=\"avatar\" src=\"/avatars/zhiyuanhucs.svg\" alt=\"\" width=\"18\" height=\"18\"> zhiyuanhucs");
    }

    @Test
    void versionedId_redirectsToTheCanonicalPage() throws Exception {
        HttpResponse<String> response = SERVER.server().get("/papers/0704.0001v2");

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("location")).hasValue("/papers/0704.0001");
    }

    @Test
    void unknownPaper_isAFriendly404Page() throws Exception {
        HttpResponse<String> response = SERVER.server().get("/papers/2401.99999");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(response.body()).contains("no paper with id 2401.99999").contains("href=\"/\"");
    }

    @Test
    void markdown_carriesTitleAuthorsLinksAndAbstractAsTextMarkdown() throws Exception {
        HttpResponse<String> md = SERVER.server().get("/papers/0704.0001.md");

        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(md.headers().firstValue("content-type")).hasValue("text/markdown; charset=utf-8");
        assertThat(md.body())
                .startsWith(
                        "# Calculation of prompt diphoton production cross sections at Tevatron and LHC energies\n\n")
                .contains("- **Authors:** C. Balázs, E. L. Berger, P. M. Nadolsky, C. -P. Yuan\n")
                .contains("- **arXiv:** [0704.0001](https://arxiv.org/abs/0704.0001)\n")
                .contains("- **Page:** http://127.0.0.1:")
                .contains("/papers/0704.0001\n")
                .contains("## Abstract\n\nA fully differential calculation in perturbative quantum chromodynamics");
    }

    @Test
    void markdown_ofAnUnknownPaperIs404_andAVersionedIdRedirects() throws Exception {
        assertThat(SERVER.server().get("/papers/2401.99999.md").statusCode()).isEqualTo(404);
        HttpResponse<String> versioned = SERVER.server().get("/papers/0704.0001v2.md");
        assertThat(versioned.statusCode()).isEqualTo(301);
        assertThat(versioned.headers().firstValue("location")).hasValue("/papers/0704.0001.md");
    }

    @Test
    void keywords_appearAsSearchChipsOnThePage_andAsAiKeywordsInTheApi() throws Exception {
        // The keyword worker runs in the background: the page never waits for it.
        String api = io.paperboy.testing.Poll.until(
                java.time.Duration.ofSeconds(30),
                () -> SERVER.server().get("/api/papers/0704.0001").body(),
                body -> !body.contains("\"ai_keywords\":[]"));

        assertThat(api).contains("\"ai_keywords\":[\"").contains("diphoton");
        assertThat(SERVER.server().get("/papers/0704.0001").body())
                .contains("<ul class=\"keywords\" aria-label=\"Keywords\">")
                .contains("href=\"/papers?q=%22");
        assertThat(SERVER.server().get("/papers/0704.0001.md").body()).contains("- **Keywords:** ");
    }
}

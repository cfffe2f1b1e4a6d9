package io.paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

final class ArtifactLinksTest {

    private static List<String> urls(String... texts) {
        return ArtifactLinks.extract(texts).stream().map(ArtifactLink::url).toList();
    }

    @Test
    void extract_everyDemoPaper_findsTheLinksAHumanFound() {
        List<JsonNode> papers = JsonLines.read("/demo/papers.jsonl");
        int links = 0;

        for (JsonNode paper : papers) {
            List<String> expected = new ArrayList<>();
            // SOURCE.md: the human list keeps rank 1's bare github.com/LVSTCK as written; we add https://.
            paper.get("links")
                    .forEach(url ->
                            expected.add(url.asText().startsWith("http") ? url.asText() : "https://" + url.asText()));

            assertThat(urls(paper.get("abstract").asText()))
                    .as("links of rank %s", paper.get("rank"))
                    .isEqualTo(expected);
            links += expected.size();
        }

        assertThat(papers).hasSize(114);
        assertThat(links).isEqualTo(48);
    }

    @Test
    void extract_demoRank1_prefixesBareGithubAndHuggingFace() {
        String text = "are publicly available at github.com/LVSTCK for source code, "
                + "and at huggingface.co/LVSTCK for pretrained model weights and data.";

        assertThat(ArtifactLinks.extract(text))
                .containsExactly(
                        new ArtifactLink(LinkKind.OTHER, "https://github.com/LVSTCK"),
                        new ArtifactLink(LinkKind.OTHER, "https://huggingface.co/LVSTCK"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Code: https://github.com/a/b.                              | https://github.com/a/b
            see https://github.com/a/b, and                            | https://github.com/a/b
            at https://github.com/a/b; then                            | https://github.com/a/b
            at https://github.com/a/b: then                            | https://github.com/a/b
            at https://github.com/a/b!                                 | https://github.com/a/b
            really https://github.com/a/b?                             | https://github.com/a/b
            at https://github.com/a/b .                                | https://github.com/a/b
            (code: https://github.com/a/b).                            | https://github.com/a/b
            [https://github.com/a/b]                                   | https://github.com/a/b
            "https://github.com/a/b"                                   | https://github.com/a/b
            'https://github.com/a/b'.                                  | https://github.com/a/b
            “https://github.com/a/b”                                   | https://github.com/a/b
            <https://github.com/a/b>                                   | https://github.com/a/b
            https://en.wikipedia.org/wiki/Foo_(bar)                    | https://en.wikipedia.org/wiki/Foo_(bar)
            (https://en.wikipedia.org/wiki/Foo_(bar))                  | https://en.wikipedia.org/wiki/Foo_(bar)
            SecureBERT\\url{https://github.com/ehsanaghaei/SecureBERT} outperforms | https://github.com/ehsanaghaei/SecureBERT
            at https://llm-stacking.github.io/{https://llm-stacking.github.io/}. | https://llm-stacking.github.io/
            available at~https://github.com/rabeehk/compacter.         | https://github.com/rabeehk/compacter
            at https://github.com/zjq0455/PTQ1.61.                     | https://github.com/zjq0455/PTQ1.61
            at https://x.io/a?b=1&c=%2F~%2F. Next                      | https://x.io/a?b=1&c=%2F~%2F
            at https://github.com/a/my\\_repo\\footnote{x}             | https://github.com/a/my_repo
            at \\href{https://x.io/p}{our page}                        | https://x.io/p
            see www.example.org/paper.                                 | https://www.example.org/paper
            HTTPS://GitHub.com/a/b                                     | HTTPS://GitHub.com/a/b
            http://x.io:8080/a                                         | http://x.io:8080/a
            served at http://192.168.1.20/demo.                        | http://192.168.1.20/demo
            """)
    void extract_cleansTheUrl(String text, String expected) {
        assertThat(urls(text)).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://",
                "https:// .",
                "see http://.",
                "https://)",
                "www.",
                "www.x",
                "https://localhost/x",
                "https://example.c/x",
                "no links here",
                "github.com",
                "the github.com website",
                "",
                "mail me at dev@github.com/x"
            })
    void extract_withoutARealUrl_findsNothing(String text) {
        assertThat(ArtifactLinks.extract(text)).isEmpty();
    }

    @Test
    void extract_bareHostInsideAnotherWordOrUrl_isNotASecondLink() {
        assertThat(urls("mirror at https://gitee.com/x/github.com/a/b and api.github.com/x"))
                .containsExactly("https://gitee.com/x/github.com/a/b");
    }

    @Test
    void extract_severalTexts_keepsOrderAndDropsDuplicatesAndNulls() {
        List<String> found = urls(
                "Code at https://github.com/a/b and https://a.io/.",
                null,
                "Comments: see https://a.io/ and https://github.com/a/b; data at https://huggingface.co/datasets/a/d");

        assertThat(found)
                .containsExactly("https://github.com/a/b", "https://a.io/", "https://huggingface.co/datasets/a/d");
    }

    @Test
    void extract_noTexts_isEmpty() {
        assertThat(ArtifactLinks.extract()).isEmpty();
        assertThat(ArtifactLinks.extract((String) null)).isEmpty();
    }

    @Test
    void extract_classifiesEachLink() {
        assertThat(ArtifactLinks.extract("https://github.com/a/b https://doi.org/10.5281/zenodo.7570357"))
                .containsExactly(
                        new ArtifactLink(LinkKind.GITHUB, "https://github.com/a/b"),
                        new ArtifactLink(LinkKind.DOI, "https://doi.org/10.5281/zenodo.7570357"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://github.com/apple/corenet, GITHUB",
        "https://github.com/OpenAI/CLIP/tree/main/notebooks, GITHUB",
        "https://www.github.com/a/b, GITHUB",
        "github.com/a/b, GITHUB",
        "https://github.com/LVSTCK, OTHER",
        "https://github.com/LVSTCK/, OTHER",
        "https://github.com, OTHER",
        "https://github.com/orgs/apple/repositories, OTHER",
        "https://github.com/topics/llm, OTHER",
        "https://gist.github.com/user/0123abcd, OTHER",
        "https://huggingface.co/apple/OpenELM, HF_MODEL",
        "https://huggingface.co/ibm/biomed.omics.bl.sm.ma-ted-458m, HF_MODEL",
        "https://huggingface.co/apple/OpenELM/tree/main, HF_MODEL",
        "https://hf.co/meta-llama/Llama-3.1-8B, HF_MODEL",
        "https://huggingface.co/datasets/allenai/c4, HF_DATASET",
        "https://huggingface.co/datasets/squad, HF_DATASET",
        "https://huggingface.co/spaces/openai/whisper, HF_SPACE",
        "https://huggingface.co/LVSTCK, OTHER",
        "https://hf.co/MLMvsCLM, OTHER",
        "https://huggingface.co/papers/2306.15794, OTHER",
        "https://huggingface.co/docs/transformers/index, OTHER",
        "https://huggingface.co/blog/lora, OTHER",
        "https://huggingface.co/collections/apple/openelm-1, OTHER",
        "https://huggingface.co/datasets, OTHER",
        "https://huggingface.co, OTHER",
        "https://doi.org/10.5281/zenodo.7570357, DOI",
        "https://dx.doi.org/10.1000/182, DOI",
        "https://zenodo.org/records/7570357, DOI",
        "https://luchaoqi.github.io/my3dgen, PROJECT_PAGE",
        "https://llm-stacking.github.io/, PROJECT_PAGE",
        "https://group.gitlab.io/site, PROJECT_PAGE",
        "https://github.io, OTHER",
        "https://sites.google.com/view/rt-2, PROJECT_PAGE",
        "https://bigearth.net, PROJECT_PAGE",
        "https://www.cs.example.edu/~me/paper/, PROJECT_PAGE",
        "https://www.microsoft.com/en-us/research/project/phi-3/, PROJECT_PAGE",
        "https://research.nvidia.com/labs/projects/foo, PROJECT_PAGE",
        "https://www.microsoft.com/en-us/download, OTHER",
        "https://arxiv.org/abs/2306.15794, OTHER",
        "https://export.arxiv.org/abs/2306.15794, OTHER",
        "https://openreview.net/forum?id=abc, OTHER",
        "https://twitter.com/someone, OTHER",
        "https://x.com/someone/status/1, OTHER",
        "https://www.youtube.com/watch?v=abc, OTHER",
        "https://youtu.be/abc, OTHER",
        "https://colab.research.google.com/drive/1abc, OTHER",
        "https://drive.google.com/drive/folders/project-data, OTHER",
        "https://gitlab.com/group/project, OTHER",
        "https://app.globus.org/file-manager?origin_id=55e17a6e, OTHER",
        "https://ibm.biz/BdKhLa, OTHER",
        "'', OTHER"
    })
    void classify_followsTheDocumentedRules(String url, LinkKind expected) {
        assertThat(ArtifactLinks.classify(url)).isEqualTo(expected);
    }

    @Test
    void classify_demoLinks_matchWhatTheyAre() {
        // The kinds a reader would give the demo data's links, by hand.
        assertThat(ArtifactLinks.extract(JsonLines.read("/demo/papers.jsonl").stream()
                        .map(p -> p.get("abstract").asText())
                        .toArray(String[]::new)))
                .filteredOn(link -> link.kind() != LinkKind.GITHUB)
                .containsExactly(
                        new ArtifactLink(LinkKind.OTHER, "https://github.com/LVSTCK"),
                        new ArtifactLink(LinkKind.OTHER, "https://huggingface.co/LVSTCK"),
                        new ArtifactLink(
                                LinkKind.HF_MODEL, "https://huggingface.co/ibm/biomed.omics.bl.sm.ma-ted-458m"),
                        new ArtifactLink(LinkKind.HF_MODEL, "https://huggingface.co/apple/OpenELM"),
                        new ArtifactLink(LinkKind.PROJECT_PAGE, "https://bigearth.net"),
                        new ArtifactLink(LinkKind.PROJECT_PAGE, "https://luchaoqi.github.io/my3dgen"),
                        new ArtifactLink(
                                LinkKind.OTHER,
                                "https://app.globus.org/file-manager?origin_id="
                                        + "55e17a6e-9d8f-11ed-a2a2-8383522b48d9&origin_path=%2F~%2F"),
                        new ArtifactLink(LinkKind.DOI, "https://doi.org/10.5281/zenodo.7570357"),
                        new ArtifactLink(LinkKind.PROJECT_PAGE, "https://llm-stacking.github.io/"),
                        new ArtifactLink(LinkKind.OTHER, "https://ibm.biz/BdKhLa"),
                        new ArtifactLink(LinkKind.OTHER, "https://hf.co/MLMvsCLM"));
    }

    @ParameterizedTest
    @EnumSource(LinkKind.class)
    void fromLabel_ofLabel_isTheKind(LinkKind kind) {
        assertThat(LinkKind.fromLabel(kind.label())).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "GITHUB, github",
        "HF_MODEL, hf-model",
        "HF_DATASET, hf-dataset",
        "HF_SPACE, hf-space",
        "PROJECT_PAGE, project",
        "DOI, doi",
        "OTHER, other"
    })
    void label_isTheStableName(LinkKind kind, String label) {
        assertThat(kind.label()).isEqualTo(label);
    }

    @Test
    void fromLabel_ignoresCase() {
        assertThat(LinkKind.fromLabel("HF-Model")).isEqualTo(LinkKind.HF_MODEL);
    }

    @Test
    void fromLabel_unknown_listsTheAcceptedLabels() {
        assertThatThrownBy(() -> LinkKind.fromLabel("gitlab"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("link kind must be one of: github, hf-model, hf-dataset, hf-space, project, doi, other;"
                        + " got \"gitlab\"");
    }

    @Test
    void artifactLink_blankUrl_isRejected() {
        assertThatThrownBy(() -> new ArtifactLink(LinkKind.OTHER, " ")).isInstanceOf(IllegalArgumentException.class);
    }
}

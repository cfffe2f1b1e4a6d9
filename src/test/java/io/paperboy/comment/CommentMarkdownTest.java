package io.paperboy.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class CommentMarkdownTest {
    private static final Pattern REL = Pattern.compile("rel=\"([^\"]*)\"");

    private static String html(String markdown) {
        return sortedRels(CommentMarkdown.toHtml(markdown));
    }

    private static String sanitized(String html) {
        return sortedRels(CommentMarkdown.sanitize(html));
    }

    // The sanitizer writes rel values in no fixed order; sorted, the expected strings stay exact.
    private static String sortedRels(String html) {
        return REL.matcher(html)
                .replaceAll(m -> "rel=\""
                        + String.join(
                                " ",
                                Arrays.stream(m.group(1).split(" ")).sorted().toList()) + "\"");
    }

    @Test
    void markdown_formatting_survives() {
        assertThat(html("Some *emphasis*, **strong** and `code`.\n\n- one\n- two\n\n> quoted"))
                .isEqualTo("<p>Some <em>emphasis</em>, <strong>strong</strong> and <code>code</code>.</p>\n"
                        + "<ul><li>one</li><li>two</li></ul>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n");
    }

    @Test
    void links_get_nofollow_noopener_ugc() {
        assertThat(html("[paper](https://arxiv.org/abs/2401.00001)"))
                .isEqualTo(
                        "<p><a href=\"https://arxiv.org/abs/2401.00001\" rel=\"nofollow noopener ugc\">paper</a></p>\n");
    }

    @Test
    void autolinks_and_mailto_are_links() {
        assertThat(html("<https://example.org/x> and <mailto:ada@example.org>"))
                .contains("<a href=\"https://example.org/x\" rel=\"nofollow noopener ugc\">")
                .contains("<a href=\"mailto:ada&#64;example.org\" rel=\"nofollow noopener ugc\">");
    }

    @Test
    void bare_urls_and_addresses_become_sanitized_links() {
        assertThat(html("Code at https://github.com/org/repo, or mail ada@example.org."))
                .isEqualTo("<p>Code at <a href=\"https://github.com/org/repo\" rel=\"nofollow noopener ugc\">"
                        + "https://github.com/org/repo</a>, or mail <a href=\"mailto:ada&#64;example.org\" rel=\"nofollow noopener ugc\">"
                        + "ada&#64;example.org</a>.</p>\n");
    }

    @Test
    void a_bare_url_inside_code_stays_text() {
        assertThat(html("`https://example.org/x`")).isEqualTo("<p><code>https://example.org/x</code></p>\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,x", "vbscript:msgbox(1)", "file:///etc/passwd"})
    void a_bare_address_of_another_scheme_is_not_linked(String text) {
        assertThat(html("see " + text)).doesNotContain("<a");
    }

    // The sanitizer writes "+" as "&#43;": the same character to KaTeX, which reads the text, not the markup.
    @Test
    void math_keeps_its_underscores_and_backslashes_for_katex() {
        assertThat(html("Let $a_1 + b_2 < c_3$ and $$\\sum_{i} x_i^*$$ hold, but *this* is emphasis."))
                .isEqualTo(
                        "<p>Let $a_1 &#43; b_2 &lt; c_3$ and $$\\sum_{i} x_i^*$$ hold, but <em>this</em> is emphasis.</p>\n");
    }

    @Test
    void a_lone_dollar_is_plain_text() {
        assertThat(html("costs $5 in *total*")).isEqualTo("<p>costs $5 in <em>total</em></p>\n");
    }

    @Test
    void a_javascript_link_becomes_plain_text_not_a_link_to_this_page() {
        assertThat(html("[link](javascript:alert(1)) and <javascript:alert(1)>"))
                .isEqualTo("<p>link and javascript:alert(1)</p>\n");
    }

    @Test
    void headings_stay_text() {
        assertThat(html("# Not a heading")).isEqualTo("<p># Not a heading</p>\n");
    }

    @Test
    void images_become_links_to_the_image() {
        assertThat(html("![a plot](https://example.org/plot.png)"))
                .isEqualTo(
                        "<p><a href=\"https://example.org/plot.png\" rel=\"nofollow noopener ugc\">a plot</a></p>\n");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>window.__xss=1</script>",
                "<img src=x onerror=\"window.__xss=1\">",
                "[link](javascript:window.__xss=1)",
                "[link](JaVaScRiPt:window.__xss=1)",
                "[link](&#106;avascript:window.__xss=1)",
                "[link](java\tscript:window.__xss=1)",
                "<a href=\"javascript:window.__xss=1\">x</a>",
                "<svg onload=\"window.__xss=1\"></svg>",
                "<javascript:window.__xss=1>",
                "<data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==>",
                "![x](javascript:window.__xss=1)",
                "[x](vbscript:msgbox(1))",
                "<iframe src=\"javascript:window.__xss=1\"></iframe>",
                "<div>\n<script>window.__xss=1</script>\n</div>",
                "&lt;script&gt;window.__xss=1&lt;/script&gt;",
                "[x](\"onmouseover=\"window.__xss=1)",
                "`<script>`</code><script>window.__xss=1</script>",
                "$<img src=x onerror=window.__xss=1>$",
            })
    void hostile_payloads_render_inert(String payload) {
        String html = html(payload);
        assertThat(html)
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("<svg")
                .doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("href=\"javascript")
                .doesNotContainIgnoringCase("href=\"data")
                .doesNotContainIgnoringCase("href=\"vbscript")
                .doesNotContainPattern("(?i)<[^>]*\\son[a-z]+=");
    }

    @Test
    void the_sanitizer_alone_strips_what_the_renderer_would_never_make() {
        assertThat(
                        sanitized(
                                "<p onclick=\"x()\">hi<script>bad()</script><img src=x onerror=y()>"
                                        + "<a href=\"javascript:bad()\">a</a><a href=\"https://ok.example\" target=\"_blank\">b</a></p>"))
                .isEqualTo("<p>hia<a href=\"https://ok.example\" rel=\"nofollow noopener ugc\">b</a></p>");
    }
}

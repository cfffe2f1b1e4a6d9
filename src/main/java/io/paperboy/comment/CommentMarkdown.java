package io.paperboy.comment;

import java.util.List;
import java.util.Set;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns a comment's Markdown into HTML that is safe to put in a page, in two independent steps:
 * commonmark-java renders it with raw HTML escaped (so {@code <script>} is shown as text), then
 * the OWASP sanitizer keeps only an allow-list of elements and attributes, links only to
 * http, https and mailto, each marked {@code rel="nofollow noopener ugc"}. Either step alone
 * would stop the known payloads; both together mean one bug in either is not enough.
 *
 * <p>Not allowed: headings (a comment must not outline the page: {@code # x} stays a line of
 * text), tables, and images. An image would be fetched from wherever its author likes by every
 * reader's browser (a tracking pixel that sees who reads what) and the page's policy blocks
 * other hosts' images anyway, so {@code ![alt](url)} becomes a link to the image instead.
 *
 * <p>A bare address ({@code https://arxiv.org/abs/…}, {@code someone@lab.org})
 * becomes a link, as people expect from a comment box; it passes the same sanitizer as any other.
 *
 * <p>TeX between {@code $…$} or {@code $$…$$} is kept verbatim, not read as Markdown, so
 * {@code $a_1 + b_2$} reaches KaTeX's auto-render in the browser intact instead of losing its
 * underscores to emphasis.
 */
final class CommentMarkdown {
    private static final Parser PARSER = Parser.builder()
            .enabledBlockTypes(Set.of(
                    BlockQuote.class,
                    FencedCodeBlock.class,
                    IndentedCodeBlock.class,
                    ListBlock.class,
                    ThematicBreak.class))
            .customInlineContentParserFactory(new MathSpans())
            .extensions(List.of(AutolinkExtension.create()))
            .build();

    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .nodeRendererFactory(ImageAsLink::new)
            .build();

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "hr", "a")
            // commonmark empties a javascript: destination; an empty href would be a link to this very page.
            .allowAttributes("href")
            .matching((element, attribute, value) -> value.isBlank() ? null : value)
            .onElements("a")
            .allowAttributes("start")
            .matching(true, "[0-9]{1,6}")
            .onElements("ol")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "noopener", "ugc")
            .toFactory();

    private CommentMarkdown() {}

    /** The sanitized HTML of {@code markdown}. */
    static String toHtml(String markdown) {
        return sanitize(RENDERER.render(PARSER.parse(markdown)));
    }

    /** The allow-list step alone, for tests that feed it HTML the renderer would never make. */
    static String sanitize(String html) {
        return POLICY.sanitize(html);
    }

    /** {@code $…$} and {@code $$…$$} become literal text, delimiters included, for KaTeX to find. */
    private static final class MathSpans implements InlineContentParserFactory {
        @Override
        public Set<Character> getTriggerCharacters() {
            return Set.of('$');
        }

        @Override
        public InlineContentParser create() {
            return state -> {
                Scanner scanner = state.scanner();
                Position start = scanner.position();
                int opening = scanner.matchMultiple('$');
                if (opening > 2) {
                    return ParsedInline.none();
                }
                while (scanner.find('$') >= 0) {
                    if (scanner.matchMultiple('$') == opening) {
                        Position end = scanner.position();
                        return ParsedInline.of(
                                new Text(scanner.getSource(start, end).getContent()), end);
                    }
                }
                return ParsedInline.none();
            };
        }
    }

    /** Renders an image as a link to it, labelled with its alt text (or its address when it has none). */
    private static final class ImageAsLink implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        ImageAsLink(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            String url = context.urlSanitizer().sanitizeLinkUrl(image.getDestination());
            context.getWriter().tag("a", java.util.Map.of("href", context.encodeUrl(url)));
            if (image.getFirstChild() == null) {
                context.getWriter().text(image.getDestination());
            }
            for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            context.getWriter().tag("/a");
        }
    }
}

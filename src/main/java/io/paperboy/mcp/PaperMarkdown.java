package io.paperboy.mcp;

import io.paperboy.paper.ArtifactLink;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperLinks;
import io.paperboy.web.SiteUrl;
import java.util.List;

/**
 * Papers as Markdown for assistants: one paper in full ({@code get_paper}), or a numbered list
 * with one entry per paper and the reason it is there. Abstracts keep their TeX as the authors wrote
 * it; link texts lose the brackets that would end them early.
 */
final class PaperMarkdown {
    private static final int AUTHORS_IN_LIST = 5;

    private final SiteUrl site;

    PaperMarkdown(SiteUrl site) {
        this.site = site;
    }

    /** The whole paper: title, ids, authors, dates, categories, links, upvotes, abstract. */
    String paper(Paper p, int upvotes) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(oneLine(p.title())).append("\n\n");
        md.append("- **Id:** ")
                .append(p.id())
                .append(p.version() > 0 ? " (latest version v" + p.version() + ")" : "")
                .append('\n');
        if (!p.authors().isEmpty()) {
            md.append("- **Authors:** ").append(String.join(", ", p.authors())).append('\n');
        }
        if (p.published() != null) {
            md.append("- **Published:** ").append(p.published());
            if (p.updated() != null && !p.updated().equals(p.published())) {
                md.append(" (updated ").append(p.updated()).append(')');
            }
            md.append('\n');
        }
        if (!p.categories().isEmpty()) {
            md.append("- **Categories:** ")
                    .append(String.join(", ", p.categories()))
                    .append('\n');
        }
        md.append("- **Upvotes:** ").append(upvotes).append('\n');
        md.append("- **Page:** ").append(site.absolute(PaperLinks.page(p))).append('\n');
        if (p.isArxiv()) {
            md.append("- **arXiv:** ")
                    .append(PaperLinks.abs(p))
                    .append(" (PDF: ")
                    .append(PaperLinks.pdf(p))
                    .append(")\n");
        }
        for (ArtifactLink link : p.links()) {
            md.append("- **")
                    .append(link.kind().label())
                    .append(":** ")
                    .append(link.url())
                    .append('\n');
        }
        for (String doi : p.dois()) {
            md.append("- **DOI:** ").append(doi).append('\n');
        }
        optional(md, "Journal reference", p.journalRef());
        optional(md, "Comments", p.comments());
        md.append("\n## Abstract\n\n").append(p.abstractText().strip()).append('\n');
        return md.toString();
    }

    /** One list entry: "1. [Title](page) — id · authors · date · N upvotes", then why, then the abstract's start. */
    String entry(int rank, Paper p, Integer upvotes, String why) {
        StringBuilder md = new StringBuilder();
        md.append(rank)
                .append(". [")
                .append(linkText(p.title()))
                .append("](")
                .append(site.absolute(PaperLinks.page(p)))
                .append(") — ")
                .append(p.id());
        if (!p.authors().isEmpty()) {
            md.append(" · ").append(authors(p.authors()));
        }
        if (p.published() != null) {
            md.append(" · ").append(p.published());
        }
        if (upvotes != null) {
            md.append(" · ").append(upvotes).append(upvotes == 1 ? " upvote" : " upvotes");
        }
        md.append('\n');
        if (why != null && !why.isBlank()) {
            md.append("   Why: ").append(oneLine(why)).append('\n');
        }
        md.append("   ").append(shortened(p.abstractText(), 300)).append('\n');
        return md.toString();
    }

    /** A heading and the entries, or the heading and what to try when there are none. */
    static String list(String heading, List<String> entries, String whenEmpty) {
        StringBuilder md = new StringBuilder("## ").append(heading).append("\n\n");
        if (entries.isEmpty()) {
            return md.append(whenEmpty).append('\n').toString();
        }
        entries.forEach(md::append);
        return md.toString();
    }

    private static void optional(StringBuilder md, String label, String value) {
        if (value != null && !value.isBlank()) {
            md.append("- **")
                    .append(label)
                    .append(":** ")
                    .append(oneLine(value))
                    .append('\n');
        }
    }

    private static String authors(List<String> authors) {
        return authors.size() <= AUTHORS_IN_LIST
                ? String.join(", ", authors)
                : String.join(", ", authors.subList(0, AUTHORS_IN_LIST)) + " et al.";
    }

    private static String linkText(String title) {
        return oneLine(title).replace("[", "(").replace("]", ")");
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static String shortened(String text, int max) {
        String line = oneLine(text);
        if (line.length() <= max) {
            return line;
        }
        int cut = line.lastIndexOf(' ', max);
        return line.substring(0, cut > max / 2 ? cut : max) + " …";
    }
}

package io.paperboy.paper;

import java.text.Normalizer;
import java.util.Locale;

/** A BibTeX entry for a paper, in the form arXiv's own "Export BibTeX citation" gives. */
public final class Bibtex {
    private Bibtex() {}

    public static String of(Paper p) {
        StringBuilder b = new StringBuilder();
        if (p.authors().isEmpty()) {
            // Text outside an entry is a comment to BibTeX and biber: the citer sees the gap, no style prints it.
            b.append("% No author list is known for this paper here: add the authors before citing it")
                    .append(p.isArxiv() ? " (see " + PaperLinks.abs(p) + ")" : "")
                    .append(".\n");
        }
        b.append("@misc{").append(key(p)).append(",\n");
        field(b, "title", "{" + escape(p.title()) + "}");
        if (!p.authors().isEmpty()) {
            field(b, "author", escape(String.join(" and ", p.authors())));
        }
        if (p.published() != null) {
            field(b, "year", Integer.toString(p.published().getYear()));
        }
        if (p.isArxiv()) {
            field(b, "eprint", p.id());
            field(b, "archivePrefix", "arXiv");
            if (p.primaryCategory() != null) {
                field(b, "primaryClass", p.primaryCategory());
            }
            field(b, "url", PaperLinks.abs(p));
        }
        if (!p.dois().isEmpty()) {
            field(b, "doi", p.dois().get(0));
        }
        b.setLength(b.length() - 2);
        return b.append("\n}").toString();
    }

    /**
     * Like arXiv's: first author's family name, year, first long title word ("gu2023hyenadna").
     * Without authors, the title word leads and the arXiv id (or year) follows ("hyenadna2306.15794"),
     * rather than a made-up "anonymous" that would collide across papers.
     */
    static String key(Paper p) {
        String year =
                p.published() == null ? "" : Integer.toString(p.published().getYear());
        String word = ascii(firstLongWord(p.title()));
        if (p.authors().isEmpty()) {
            String tail = p.isArxiv() ? p.id().replace('/', ':') : year;
            return (word.isEmpty() ? "paper" : word) + tail;
        }
        return ascii(lastWord(p.authors().get(0))) + year + word;
    }

    private static String firstLongWord(String title) {
        for (String w : title.split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 3) {
                return w;
            }
        }
        return "";
    }

    private static String lastWord(String name) {
        String[] words = name.trim().split("\\s+");
        return words[words.length - 1];
    }

    private static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("[^A-Za-z0-9]", "")
                .toLowerCase(Locale.ROOT);
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append("      ").append(name).append("={").append(value).append("},\n");
    }

    // Braces would end the field early; everything else BibTeX reads as written.
    private static String escape(String text) {
        return text.replace("{", "\\{").replace("}", "\\}");
    }
}

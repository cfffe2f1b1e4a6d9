package io.paperboy.paper;

import java.text.Normalizer;
import java.util.Locale;

/** A BibTeX entry for a paper, in the form arXiv's own "Export BibTeX citation" gives. */
public final class Bibtex {
    private Bibtex() {}

    public static String of(Paper p) {
        StringBuilder b = new StringBuilder("@misc{").append(key(p)).append(",\n");
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

    /** Like arXiv's: first author's family name, year, first long title word ("gu2023hyenadna"). */
    static String key(Paper p) {
        String author = p.authors().isEmpty() ? "anonymous" : lastWord(p.authors().get(0));
        String year = p.published() == null ? "" : Integer.toString(p.published().getYear());
        String word = "";
        for (String w : p.title().split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 3) {
                word = w;
                break;
            }
        }
        return ascii(author + year + word);
    }

    private static String lastWord(String name) {
        String[] words = name.trim().split("\\s+");
        return words[words.length - 1];
    }

    private static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append("      ").append(name).append("={").append(value).append("},\n");
    }

    // Braces would end the field early; everything else BibTeX reads as written.
    private static String escape(String text) {
        return text.replace("{", "\\{").replace("}", "\\}");
    }
}

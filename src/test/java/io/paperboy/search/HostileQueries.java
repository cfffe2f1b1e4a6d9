package io.paperboy.search;

import java.util.ArrayList;
import java.util.List;

/** Inputs that break naive query parsers: each must give results or a clear 400, never a 500. */
final class HostileQueries {
    private HostileQueries() {}

    static List<String> all() {
        List<String> inputs = new ArrayList<>(List.of(
                "\"low rank",
                "low rank\"",
                "\"",
                "\"\"",
                "\"\"\"",
                "author:\"Yann",
                "author:\"\"",
                "author:",
                "cat:",
                "year:",
                "date:",
                "year:abc",
                "year:99999",
                "year:2024..2020",
                "date:2024-13-01",
                "date:2024-02-30",
                "date:..",
                "date:2024-06-30..2024-01-01",
                "date:2024-01-01..2024-02-01..2024-03-01",
                "-",
                "--",
                "- -",
                "-\"\"",
                "-author:",
                "---low",
                "AND",
                "OR NOT",
                "a AND OR b",
                "+",
                "++rank",
                "&& || !",
                "( ) { } [ ]",
                "((((((attention",
                "[1 TO 5]",
                "{!lucene}title:x",
                "title:foo^2",
                "attention~2",
                "*",
                "?",
                "atten*",
                "a:b:c:",
                "::::",
                "\\",
                "\\\"",
                "/regex/",
                "foo/bar",
                "\u0000\u0001\u0007low\u001f rank\u007f",
                "low\trank\nattention\r",
                "\u200b\u200e\u202e",
                "\uD800",
                "\uDC00 rank",
                "😀 attention 🧪",
                "注意力机制",
                "Aufmerksamkeit für Übersetzung",
                "NaN",
                "null",
                "'; DROP TABLE papers; --",
                "<script>alert(1)</script>",
                "%00",
                "$\\mathcal{O}(n^2)$",
                "$$$$",
                "\\frac{1}{2}",
                "cat:cs.CL -cat:cs.CL",
                "-attention",
                "year:0000",
                "date:9999-12-31.."));
        inputs.add("attention ".repeat(1000)); // 10 kB
        inputs.add("x".repeat(10_240)); // one 10 kB word
        inputs.add("a-".repeat(499)); // one word of 499 parts
        inputs.add("word ".repeat(65)); // one clause too many
        inputs.add("low-rank-adaptation-of-large-language-models ".repeat(20));
        inputs.add("\"" + "attention ".repeat(90) + "\"");
        inputs.add("author:\"" + "Yann ".repeat(150) + "\"");
        inputs.add("attentoin ".repeat(60)); // many fuzzy expansions
        return inputs;
    }
}

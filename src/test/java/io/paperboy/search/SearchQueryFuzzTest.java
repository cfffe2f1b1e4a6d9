package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random queries stitched from the query language's own pieces (quotes, minus, field names,
 * dates, ranges, Lucene operators) and from hostile characters, every sort order and the fuzzy
 * fallback included: each gives results or a short, precise rejection, never another exception.
 * A seeded, bounded stand-in for a Jazzer fuzz target.
 */
final class SearchQueryFuzzTest {
    private static final int QUERIES = 2500;
    private static final String[] PIECES = {
        "\"",
        "\"",
        "-",
        "-",
        ":",
        "..",
        " ",
        " ",
        " ",
        "author:",
        "authors:",
        "cat:",
        "category:",
        "year:",
        "date:",
        "2024",
        "2024-02",
        "2024-02-30",
        "1999-12-31",
        "0000",
        "99999",
        "cs.CL",
        "cs",
        "hep-th",
        "low-rank",
        "LoRA",
        "attention",
        "transformer",
        "diffusion",
        "the",
        "a",
        "Yann LeCun",
        "lecun",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "*",
        "?",
        "~2",
        "^3",
        "\\",
        "/",
        "AND",
        "OR",
        "NOT",
        "&&",
        "||",
        "!",
        "+",
        "$",
        "$\\mathcal{O}(n)$",
        "_",
        "{i}",
        "\u0000",
        "\u0007",
        "\t",
        "\n",
        "\u200b",
        "\u202e",
        "\uD800",
        "\uDC00",
        "😀",
        "注意力",
        "Übersetzung",
        "attentoin",
    };

    private static SearchIndex index;
    private static SearchService search;

    @BeforeAll
    static void build() {
        index = SearchFixtures.index();
        search = new SearchService(index);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void randomQueries_giveResultsOrAShortPreciseRejection() {
        Random random = new Random(20261129);
        List<String> unexpected = new ArrayList<>();
        int rejected = 0;
        for (int i = 0; i < QUERIES; i++) {
            String q = query(random);
            SearchOrder order = SearchOrder.values()[random.nextInt(SearchOrder.values().length)];
            try {
                search.search(q, 1 + random.nextInt(SearchService.MAX_LIMIT), Ranking.BM25, order);
            } catch (InvalidQueryException e) {
                rejected++;
                if (e.getMessage() == null
                        || e.getMessage().isBlank()
                        || e.getMessage().length() > 300) {
                    unexpected.add(q + " -> rejected without a usable message: " + e.getMessage());
                }
            } catch (RuntimeException e) {
                unexpected.add(q + " -> " + e);
            }
        }
        assertThat(unexpected).isEmpty();
        // The generator must reach both outcomes, or it proves little.
        assertThat(rejected).isBetween(QUERIES / 20, QUERIES - QUERIES / 20);
    }

    private static String query(Random random) {
        StringBuilder q = new StringBuilder();
        int pieces = 1 + random.nextInt(12);
        for (int p = 0; p < pieces; p++) {
            q.append(
                    random.nextInt(10) == 0
                            ? Character.toString(random.nextInt(0x3000))
                            : PIECES[random.nextInt(PIECES.length)]);
        }
        return q.toString();
    }
}

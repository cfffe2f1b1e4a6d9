package io.paperboy.keyword;

import java.util.List;

/**
 * A noun phrase of a paper as a keyword candidate: how it reads ({@code text}), its words in
 * normal form ({@code stems}: lower case, plural -s dropped), how often it occurs, the sentence it
 * first occurs in (0: the title) and its statistical score.
 */
record Candidate(String text, List<String> stems, int count, int firstSentence, double score) {
    Candidate withScore(double s) {
        return new Candidate(text, stems, count, firstSentence, s);
    }

    String key() {
        return String.join(" ", stems);
    }
}

package io.paperboy.keyword;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key phrases of a paper from its title and abstract, without a network or a model beyond a
 * part-of-speech tagger.
 *
 * <p><b>Candidates</b> are noun phrases: maximal runs of adjectives, nouns and proper nouns
 * (Universal Dependencies tags from {@link PosTagger}) that end in a noun, at most
 * {@value #MAX_WORDS} words (longer runs keep their last words, where English puts the head),
 * without leading generic adjectives ("novel", "existing") and without phrases made only of
 * generic nouns ("method", "results"). TeX math and URLs break phrases. Singular and plural count
 * as one phrase, shown as first written.
 *
 * <p><b>Statistical score</b> (used without embeddings, and to pick the candidates the
 * embedding ranker considers), in the spirit of YAKE (Campos et al., "YAKE! Keyword extraction
 * from single documents using multiple local features", Information Sciences 509, 2020), each
 * term with a reason: {@code (1 + ln count)} — a phrase repeated is central, with diminishing
 * returns; {@code × mean over words of ln(1 + word count)} — words the abstract keeps returning
 * to; {@code × 1 / log2(2 + first sentence)} — abstracts state the subject first; {@code × 2}
 * when the phrase is in the title, {@code × 1.4} when one of its words is; {@code × 0.8} for a
 * single word, {@code × 1.1} for three — a lone word is usually too broad to search for.
 * {@link #diverse} then drops a phrase sharing more than half the words of one already chosen
 * ("large language models" after "language models"; "foundation models" stays beside them).
 */
public final class Keyphrases {
    static final int MAX_WORDS = 4;
    private static final Pattern MATH = Pattern.compile("\\$[^$]*\\$|\\\\\\(.*?\\\\\\)|https?://\\S+");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'’][\\p{L}\\p{N}]+)*|[^\\s\\p{L}\\p{N}]");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\d(])");
    private static final Set<String> GENERIC_ADJECTIVES = Set.of(
            "novel",
            "new",
            "existing",
            "various",
            "different",
            "several",
            "many",
            "other",
            "such",
            "same",
            "significant",
            "important",
            "recent",
            "current",
            "first",
            "second",
            "further",
            "extensive",
            "comprehensive",
            "effective",
            "efficient",
            "key",
            "main",
            "previous",
            "prior",
            "simple",
            "strong",
            "superior",
            "promising",
            "large-scale",
            "state-of-the-art",
            "specific",
            "overall",
            "additional",
            "remarkable",
            "substantial",
            "wide",
            "diverse",
            "competitive",
            "robust",
            "general",
            "common",
            "standard",
            "original",
            "possible",
            "relevant",
            "certain",
            "numerous",
            "whole",
            "much",
            "more",
            "most",
            "few",
            "less",
            "great",
            "good",
            "better",
            "best",
            "high",
            "higher",
            "low",
            "lower");
    private static final Set<String> GENERIC_NOUNS = Set.of(
            "paper",
            "work",
            "method",
            "approach",
            "result",
            "study",
            "problem",
            "task",
            "performance",
            "way",
            "use",
            "number",
            "set",
            "case",
            "type",
            "form",
            "framework",
            "experiment",
            "analysis",
            "model",
            "system",
            "technique",
            "algorithm",
            "state",
            "art",
            "field",
            "area",
            "effect",
            "question",
            "aspect",
            "issue",
            "order",
            "part",
            "term",
            "fact",
            "end",
            "time",
            "lack",
            "range",
            "variety",
            "kind",
            "addition",
            "improvement",
            "benchmark",
            "dataset",
            "data",
            "evaluation",
            "application",
            "strategy",
            "solution",
            "capability",
            "ability",
            "challenge",
            "limitation",
            "finding",
            "contribution",
            "et",
            "al",
            "i.e",
            "e.g",
            "code",
            "thing",
            "level",
            "stage",
            "step",
            "regime",
            "setting",
            "insight",
            "process");
    private static final double SINGLE_WORD = 0.8;
    private static final double THREE_WORDS = 1.1;

    private Keyphrases() {}

    /** Every candidate of the paper, best statistical score first. */
    public static List<String> statistical(String title, String abstractText, int limit) {
        return diverse(candidates(title, abstractText), limit).stream()
                .map(Candidate::text)
                .toList();
    }

    /** Candidates by descending score; ties by first occurrence. */
    static List<Candidate> candidates(String title, String abstractText) {
        List<String> sentences = new ArrayList<>();
        sentences.add(title == null ? "" : title);
        for (String s : SENTENCE_END.split(abstractText == null ? "" : abstractText.strip())) {
            sentences.add(s);
        }
        Map<String, Integer> wordCounts = new HashMap<>();
        Map<String, Candidate> found = new LinkedHashMap<>();
        Set<String> titleStems = new HashSet<>();
        for (int i = 0; i < sentences.size(); i++) {
            for (List<String> phrase : phrases(sentences.get(i))) {
                List<String> stems = phrase.stream().map(Keyphrases::stem).toList();
                if (i == 0) {
                    titleStems.addAll(stems);
                }
                if (i > 0) {
                    stems.forEach(s -> wordCounts.merge(s, 1, Integer::sum));
                }
                if (stems.stream().allMatch(GENERIC_NOUNS::contains)) {
                    continue;
                }
                int sentence = i;
                found.merge(
                        String.join(" ", stems),
                        new Candidate(display(phrase), stems, 1, i, 0),
                        (a, b) -> new Candidate(
                                a.text(), a.stems(), a.count() + 1, Math.min(a.firstSentence(), sentence), 0));
            }
        }
        String titleKey = String.join(" ", titleStems);
        List<Candidate> scored = new ArrayList<>();
        for (Candidate c : found.values()) {
            if (c.stems().size() == 1 && c.count() < 2 && !isName(c.text())) {
                continue; // a lone common word said once ("input", "limits") is rarely what the paper is about
            }
            scored.add(c.withScore(score(c, wordCounts, titleStems, titleKey)));
        }
        scored.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return scored;
    }

    private static double score(Candidate c, Map<String, Integer> wordCounts, Set<String> titleStems, String titleKey) {
        double words = c.stems().stream()
                .mapToDouble(s -> Math.log(1 + wordCounts.getOrDefault(s, 0) + 1))
                .average()
                .orElse(0);
        double position = 1 / (Math.log(2 + c.firstSentence()) / Math.log(2));
        boolean phraseInTitle = c.firstSentence() == 0;
        boolean wordInTitle = c.stems().stream().anyMatch(s -> titleStems.contains(s) && !GENERIC_NOUNS.contains(s));
        double title = phraseInTitle ? 2 : wordInTitle ? 1.4 : 1;
        double length = c.stems().size() == 1 ? SINGLE_WORD : c.stems().size() == 3 ? THREE_WORDS : 1;
        return (1 + Math.log(c.count())) * words * position * title * length;
    }

    /** The best {@code limit} candidates, skipping one whose words half overlap a phrase chosen before it. */
    static List<Candidate> diverse(List<Candidate> ranked, int limit) {
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate c : ranked) {
            if (chosen.size() == limit) {
                break;
            }
            if (chosen.stream().noneMatch(o -> overlaps(o, c))) {
                chosen.add(c);
            }
        }
        return chosen;
    }

    static boolean overlaps(Candidate a, Candidate b) {
        long shared = b.stems().stream().filter(a.stems()::contains).count();
        return shared * 2 > Math.min(a.stems().size(), b.stems().size());
    }

    /** The noun phrases of one sentence, as the words written. */
    static List<List<String>> phrases(String sentence) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(MATH.matcher(sentence).replaceAll(" , "));
        while (m.find()) {
            tokens.add(m.group());
        }
        if (tokens.isEmpty()) {
            return List.of();
        }
        String[] tags = PosTagger.tag(tokens.toArray(String[]::new));
        List<List<String>> phrases = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= tokens.size(); i++) {
            boolean inPhrase = i < tokens.size() && isPhraseWord(tokens.get(i), tags[i]);
            if (inPhrase && start < 0) {
                start = i;
            } else if (!inPhrase && start >= 0) {
                addPhrase(phrases, tokens.subList(start, i), List.of(tags).subList(start, i));
                start = -1;
            }
        }
        return phrases;
    }

    private static boolean isPhraseWord(String token, String tag) {
        return (tag.equals("NOUN") || tag.equals("PROPN") || tag.equals("ADJ"))
                && token.codePoints().anyMatch(Character::isLetter)
                && token.length() > 1;
    }

    private static void addPhrase(List<List<String>> out, List<String> words, List<String> tags) {
        int end = words.size();
        while (end > 0 && tags.get(end - 1).equals("ADJ")) {
            end--; // a phrase ends in its noun
        }
        int start = Math.max(0, end - MAX_WORDS);
        while (start < end && isGenericAdjective(words.get(start).toLowerCase(Locale.ROOT))) {
            start++;
        }
        if (start < end) {
            out.add(List.copyOf(words.subList(start, end)));
        }
    }

    // Superlatives ("strongest", "largest") praise rather than name.
    private static boolean isGenericAdjective(String word) {
        return GENERIC_ADJECTIVES.contains(word) || word.endsWith("est") && word.length() > 5;
    }

    /** Lower case, except words whose capitals carry meaning (LLMs, HyenaDNA, BERT). */
    private static String display(List<String> words) {
        List<String> shown = new ArrayList<>(words.size());
        for (String w : words) {
            shown.add(isName(w) ? w : w.toLowerCase(Locale.ROOT));
        }
        return String.join(" ", shown);
    }

    /** A capital inside a word part marks an acronym or a name (LLMs, KV-cache, HyenaDNA); Cold-Start is not one. */
    static boolean isName(String word) {
        for (String part : word.split("[-'’]")) {
            if (part.length() > 1 && part.substring(1).chars().anyMatch(Character::isUpperCase)) {
                return true;
            }
        }
        return false;
    }

    static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() > 3 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}

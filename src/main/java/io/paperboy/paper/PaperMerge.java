package io.paperboy.paper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Combines what the store knows of a paper with what a source says now.
 *
 * <p>A newer version wins: its fields replace the stored ones, and stored values fill only what
 * it lacks. Otherwise (same, older or unknown version) the stored paper wins and the incoming one
 * only fills gaps: sources disagree on details (HF keeps a renamed title, arXiv the new one) and
 * re-importing an old file must not undo a newer one. A source that gives no version number but
 * the date of the latest version (arXiv's OAI-PMH {@code arXiv} format) is newer when that date is
 * later than the stored one. Links and versions are unions. Merging is idempotent, so importing
 * the same input twice changes nothing.
 */
public final class PaperMerge {
    private PaperMerge() {}

    public static Paper merge(Paper stored, Paper incoming) {
        if (stored == null) {
            return incoming;
        }
        boolean newer = incoming.version() > stored.version() || laterUnversioned(stored, incoming);
        Paper first = newer ? incoming : stored;
        Paper second = newer ? stored : incoming;
        return new Paper(
                stored.id(),
                Math.max(stored.version(), incoming.version()),
                pick(first.title(), second.title()),
                pick(first.abstractText(), second.abstractText()),
                first.authors().isEmpty() ? second.authors() : first.authors(),
                first.categories().isEmpty() ? second.categories() : first.categories(),
                earliest(first.published(), second.published()),
                pick(first.updated(), second.updated()),
                pick(first.comments(), second.comments()),
                pick(first.journalRef(), second.journalRef()),
                union(first.dois(), second.dois()),
                pick(first.reportNo(), second.reportNo()),
                pick(first.license(), second.license()),
                unionBy(first.links(), second.links(), ArtifactLink::url),
                versions(first.versions(), second.versions()),
                stored.changeSeq());
    }

    // Without this, a nightly harvest could never update a paper it (or anyone) had stored before.
    private static boolean laterUnversioned(Paper stored, Paper incoming) {
        return incoming.version() == 0
                && incoming.updated() != null
                && (stored.updated() == null || incoming.updated().isAfter(stored.updated()));
    }

    private static <T> T pick(T preferred, T fallback) {
        if (preferred == null || (preferred instanceof String s && s.isBlank())) {
            return fallback;
        }
        return preferred;
    }

    // The first version's date never changes, so a source that knows an earlier one knows better.
    private static java.time.LocalDate earliest(java.time.LocalDate a, java.time.LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isBefore(a) ? a : b;
    }

    private static List<String> union(List<String> a, List<String> b) {
        LinkedHashSet<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static <T> List<T> unionBy(List<T> a, List<T> b, Function<T, String> key) {
        Map<String, T> all = new LinkedHashMap<>();
        a.forEach(item -> all.putIfAbsent(key.apply(item), item));
        b.forEach(item -> all.putIfAbsent(key.apply(item), item));
        return List.copyOf(all.values());
    }

    private static List<PaperVersion> versions(List<PaperVersion> a, List<PaperVersion> b) {
        Map<Integer, PaperVersion> byNumber = new java.util.TreeMap<>();
        b.forEach(v -> byNumber.put(v.number(), v));
        a.forEach(v -> byNumber.put(v.number(), v));
        return new ArrayList<>(byNumber.values());
    }
}

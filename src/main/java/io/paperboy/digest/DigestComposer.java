package io.paperboy.digest;

import io.paperboy.foryou.Pick;
import io.paperboy.listing.ListedPaper;
import io.paperboy.paper.ArtifactLink;
import io.paperboy.paper.LinkKind;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperLinks;
import io.paperboy.paper.TexText;
import io.paperboy.web.SiteUrl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a subscriber's digest: for a member, first their "for you" picks (stored by the foryou
 * feature, read here, never ranked here); then the top trending papers for everyone, then the
 * period's papers matching what the subscriber follows; personal items with the reason each is
 * there. A paper appears once, in the first section that has it.
 */
final class DigestComposer {
    static final int TRENDING_DAILY = 10;
    static final int TRENDING_WEEKLY = 15;
    static final int MAX_FOLLOWED = 20;
    static final int FOR_YOU_DAILY = 5;
    static final int FOR_YOU_WEEKLY = 10;
    static final int MAX_AUTHORS_SHOWN = 4;
    static final int SNIPPET_CHARS = 280;

    private final SiteUrl site;

    DigestComposer(SiteUrl site) {
        this.site = site;
    }

    /** {@code memberId}: the member who made the subscription, or null for an address alone. */
    Digest compose(Interests interests, Long memberId, DigestPeriod period, DigestSources sources) {
        return compose(
                interests,
                memberId,
                period,
                sources,
                period.frequency() == Frequency.DAILY ? TRENDING_DAILY : TRENDING_WEEKLY);
    }

    /** The same with the {@code trendingLimit} top trending papers. */
    Digest compose(Interests interests, Long memberId, DigestPeriod period, DigestSources sources, int trendingLimit) {
        Set<String> shown = new HashSet<>();
        List<DigestSection> sections = new ArrayList<>();
        if (memberId != null) {
            DigestSection forYou = forYou(memberId, period, sources, shown);
            if (!forYou.items().isEmpty()) {
                sections.add(forYou);
            }
        }
        DigestSection trending = trending(trendingLimit, sources, shown);
        if (!trending.items().isEmpty()) {
            sections.add(trending);
        }
        DigestSection followed = followed(interests, period, sources, shown);
        if (!followed.items().isEmpty()) {
            sections.add(followed);
        }
        String what = period.frequency() == Frequency.DAILY ? "Daily" : "Weekly";
        return new Digest(
                "Paperboy " + what.toLowerCase(java.util.Locale.ROOT) + " digest: " + period.title(),
                what + " papers · " + period.title(),
                period,
                sections,
                interests,
                !followed.items().isEmpty());
    }

    private DigestSection trending(int limit, DigestSources sources, Set<String> shown) {
        List<DigestItem> items = new ArrayList<>();
        for (ListedPaper listed : sources.trending()) {
            if (items.size() == limit) {
                break;
            }
            if (shown.add(listed.paper().id())) {
                items.add(item(listed.paper(), sources, null));
            }
        }
        return new DigestSection("Trending", "What the community is reading now.", items);
    }

    private DigestSection forYou(long memberId, DigestPeriod period, DigestSources sources, Set<String> shown) {
        int limit = period.frequency() == Frequency.DAILY ? FOR_YOU_DAILY : FOR_YOU_WEEKLY;
        // More than shown: a pick may be missing from the store by now.
        List<Pick> picks = sources.picks(memberId, 2 * limit);
        List<String> ids = new ArrayList<>();
        picks.forEach(p -> {
            ids.add(p.paperId());
            ids.add(p.becauseId());
        });
        Map<String, Paper> papers = sources.papers(ids);
        List<DigestItem> items = new ArrayList<>();
        for (Pick pick : picks) {
            Paper p = papers.get(pick.paperId());
            Paper because = papers.get(pick.becauseId());
            if (items.size() < limit && p != null && because != null && shown.add(p.id())) {
                items.add(item(
                        p,
                        sources,
                        "like “" + TexText.collapseWhitespace(because.title()) + "”, which you "
                                + (pick.upvoted() ? "upvoted" : "saved")));
            }
        }
        return new DigestSection("For you", "Papers like the ones you upvoted and saved.", items);
    }

    private DigestSection followed(Interests interests, DigestPeriod period, DigestSources sources, Set<String> shown) {
        Map<String, String> reasons = reasons(interests, q -> sources.matching(q, period.from(), period.to()));
        reasons.keySet().removeAll(shown);
        List<String> ids = reasons.keySet().stream().limit(MAX_FOLLOWED).toList();
        Map<String, Paper> papers = sources.papers(ids);
        List<DigestItem> items = new ArrayList<>();
        for (String id : ids) {
            Paper p = papers.get(id);
            if (p != null && shown.add(id)) {
                items.add(item(p, sources, reasons.get(id)));
            }
        }
        return new DigestSection(
                "From what you follow", "New in this period from your searches, authors and categories.", items);
    }

    /**
     * Paper id → why it is there ("matches your search “…”", "by Ada Lovelace, whom you follow"),
     * for the papers {@code matching} finds for each of {@code interests}' queries, in the order of
     * the interests; a paper matching several gets the first reason.
     */
    static Map<String, String> reasons(
            Interests interests, java.util.function.Function<String, List<String>> matching) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String q : interests.searches()) {
            addMatches(reasons, matching.apply(q), "matches your search “" + q + "”");
        }
        for (String a : interests.authors()) {
            addMatches(reasons, matching.apply(Interests.authorQuery(a)), "by " + a + ", whom you follow");
        }
        for (String c : interests.categories()) {
            addMatches(reasons, matching.apply(Interests.categoryQuery(c)), "in " + c + ", which you follow");
        }
        return reasons;
    }

    private static void addMatches(Map<String, String> reasons, List<String> ids, String reason) {
        for (String id : ids) {
            reasons.putIfAbsent(id, reason);
        }
    }

    private DigestItem item(Paper p, DigestSources sources, String reason) {
        DigestItem item = sources.item(p.id(), id -> item(p, sources.votes(id)));
        return reason == null
                ? item
                : new DigestItem(
                        item.paperId(),
                        item.title(),
                        item.authors(),
                        item.votes(),
                        item.snippet(),
                        item.pageUrl(),
                        item.arxivUrl(),
                        item.codeUrl(),
                        reason);
    }

    DigestItem item(Paper p, int votes) {
        String code = p.links().stream()
                .filter(l -> l.kind() == LinkKind.GITHUB)
                .map(ArtifactLink::url)
                .findFirst()
                .orElse(null);
        return new DigestItem(
                p.id(),
                TexText.collapseWhitespace(p.title()),
                authors(p.authors()),
                votes,
                snippet(p.abstractText()),
                site.absolute(PaperLinks.page(p)),
                PaperLinks.abs(p),
                code,
                null);
    }

    static String authors(List<String> authors) {
        if (authors.size() <= MAX_AUTHORS_SHOWN) {
            return String.join(", ", authors);
        }
        return String.join(", ", authors.subList(0, MAX_AUTHORS_SHOWN)) + " et al.";
    }

    /** The abstract's first {@value #SNIPPET_CHARS} characters, cut at a word. */
    static String snippet(String abstractText) {
        String text = TexText.collapseWhitespace(abstractText);
        if (text.length() <= SNIPPET_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SNIPPET_CHARS);
        return text.substring(0, cut > SNIPPET_CHARS / 2 ? cut : SNIPPET_CHARS) + "…";
    }
}

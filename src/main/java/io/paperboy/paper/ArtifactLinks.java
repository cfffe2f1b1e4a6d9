package io.paperboy.paper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the URLs in abstracts and comments and tells what they point to.
 *
 * <h2>Extraction</h2>
 * A URL starts at {@code http://} or {@code https://} anywhere (so {@code at~https://…} and
 * <code>&#92;url{https://…}</code> work), or at a bare {@code www.}, {@code github.com/} or
 * {@code huggingface.co/} that does not continue a word or another URL; bare ones get
 * {@code https://} in front. It stops at whitespace, {@code \ { } < > "}, because those never
 * belong to a URL in an abstract but do surround them in TeX (<code>&#92;url{…}</code>,
 * {@code https://a.io/{https://a.io/}}). TeX escapes inside a URL ({@code \_ \% \# \& \~}) are
 * unescaped rather than ending it. Then, repeatedly, trailing sentence punctuation
 * ({@code . , ; : ! ?}) and quotes are dropped, and so is a trailing {@code ) ]} that has no
 * opening partner in the URL (a URL in parentheses), while a balanced one stays
 * ({@code wiki/Foo_(bar)}). A candidate whose host is not a dotted name ending in a top-level
 * domain of two or more letters (or an IPv4 address) is dropped, so the result never holds an
 * empty or scheme-only URL. Results keep text order, first occurrence wins.
 *
 * <h2>Classification</h2>
 * Host names are compared in lower case without {@code www.}; a rule for {@code d} also covers
 * its subdomains. The rules, first match wins:
 * <ol>
 *   <li>{@code github.com/{owner}/{repo}[/…]} is {@link LinkKind#GITHUB}; a bare owner, or a
 *       GitHub page that is not a repository ({@code /orgs/}, {@code /topics/}, …), is OTHER.</li>
 *   <li>{@code huggingface.co} (and its short domain {@code hf.co}): {@code /datasets/…} is
 *       HF_DATASET, {@code /spaces/…} HF_SPACE, {@code /{org}/{model}} HF_MODEL; a bare org and
 *       the site's own sections ({@code /papers/}, {@code /docs/}, {@code /blog/}, …) are OTHER,
 *       because they are not artifacts of this paper.</li>
 *   <li>{@code doi.org}, {@code dx.doi.org} and {@code zenodo.org} (which mints a DOI per record)
 *       are DOI.</li>
 *   <li>{@code *.github.io}, {@code *.gitlab.io} and {@code sites.google.com} are PROJECT_PAGE:
 *       these hosts exist to serve such sites.</li>
 *   <li>Known code, notebook, paper, social, video, file-sharing hosts and URL shorteners are
 *       OTHER: a link there is a repository elsewhere, a paper, a post, or an unknown
 *       destination, not the paper's own site.</li>
 *   <li>Big company sites ({@code microsoft.com}, {@code nvidia.com}, …) are PROJECT_PAGE only
 *       when the path contains "project" ({@code /en-us/research/project/…}); elsewhere they are
 *       OTHER, because most of their pages are not about one paper.</li>
 *   <li>Any other host is PROJECT_PAGE: an abstract that links a lab, personal or product site
 *       almost always links the paper's own site.</li>
 * </ol>
 */
public final class ArtifactLinks {
    private static final Pattern CANDIDATE =
            Pattern.compile("(?i)(?:https?://|(?<![\\w.@/-])(?:www\\.|github\\.com/|huggingface\\.co/))"
                    + "(?:[^\\s\\\\{}<>\"]|\\\\[_%#&~])+");
    private static final Pattern SCHEME = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://");
    private static final Pattern HOST =
            Pattern.compile("(?:(?:[\\p{L}\\p{N}-]+\\.)+\\p{L}[\\p{L}\\p{N}-]+|\\d{1,3}(?:\\.\\d{1,3}){3})(?::\\d+)?");
    private static final String TRAILING_PUNCTUATION = ".,;:!?'\"‘’“”";

    private static final Set<String> GITHUB_NON_REPOS = Set.of(
            "orgs",
            "topics",
            "features",
            "sponsors",
            "marketplace",
            "settings",
            "collections",
            "explore",
            "about",
            "pricing",
            "login",
            "search",
            "apps");
    private static final Set<String> HF_NON_ARTIFACTS = Set.of(
            "papers",
            "models",
            "docs",
            "blog",
            "collections",
            "organizations",
            "settings",
            "join",
            "login",
            "pricing",
            "tasks",
            "learn",
            "posts",
            "chat",
            "api",
            "search");
    private static final List<String> PAGES_DOMAINS = List.of("github.io", "gitlab.io");
    private static final List<String> NOT_PROJECT_HOSTS = List.of(
            // the pages hosts themselves, without a site name
            "github.io",
            "gitlab.io",
            // code and notebooks elsewhere than GitHub
            "gitlab.com",
            "bitbucket.org",
            "codeberg.org",
            "gist.github.com",
            "githubusercontent.com",
            "colab.research.google.com",
            "kaggle.com",
            "pypi.org",
            "npmjs.com",
            "hub.docker.com",
            "paperswithcode.com",
            // papers and bibliographies
            "arxiv.org",
            "openreview.net",
            "aclanthology.org",
            "semanticscholar.org",
            "scholar.google.com",
            "acm.org",
            "ieee.org",
            "springer.com",
            "sciencedirect.com",
            "nature.com",
            "neurips.cc",
            "nips.cc",
            "mlr.press",
            "thecvf.com",
            "biorxiv.org",
            "medrxiv.org",
            "researchgate.net",
            "ssrn.com",
            "nih.gov",
            "wikipedia.org",
            // social and video
            "twitter.com",
            "x.com",
            "youtube.com",
            "youtu.be",
            "vimeo.com",
            "bilibili.com",
            "linkedin.com",
            "facebook.com",
            "reddit.com",
            "discord.gg",
            "discord.com",
            "medium.com",
            // file sharing
            "drive.google.com",
            "docs.google.com",
            "dropbox.com",
            "onedrive.live.com",
            "1drv.ms",
            "box.com",
            "globus.org",
            "figshare.com",
            "osf.io",
            // shorteners: the destination is unknown
            "bit.ly",
            "t.co",
            "tinyurl.com",
            "goo.gl",
            "aka.ms",
            "ibm.biz");
    private static final List<String> PORTAL_HOSTS =
            List.of("google.com", "microsoft.com", "nvidia.com", "meta.com", "ibm.com", "amazon.com", "apple.com");

    private ArtifactLinks() {}

    /** The cleaned URLs in {@code texts} (nulls skipped), in order, without duplicates, each classified. */
    // The candidate pattern is tried at every position; most abstracts hold no URL at all, and
    // this scan rules them out at a tenth of the cost (measured on the import benchmark).
    private static boolean mayHoldUrl(String text) {
        if (text.contains("://")) {
            return true;
        }
        for (int i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
            if (endsWithAt(text, i, "www") || startsWithAt(text, i, ".com/") || startsWithAt(text, i, ".co/")) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithAt(String text, int dot, String word) {
        return dot >= word.length() && text.regionMatches(true, dot - word.length(), word, 0, word.length());
    }

    private static boolean startsWithAt(String text, int dot, String suffix) {
        return text.regionMatches(true, dot, suffix, 0, suffix.length());
    }

    public static List<ArtifactLink> extract(String... texts) {
        Set<String> urls = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null || !mayHoldUrl(text)) {
                continue;
            }
            Matcher m = CANDIDATE.matcher(text);
            while (m.find()) {
                String url = clean(m.group());
                if (url != null) {
                    urls.add(url);
                }
            }
        }
        List<ArtifactLink> links = new ArrayList<>(urls.size());
        for (String url : urls) {
            links.add(new ArtifactLink(classify(url), url));
        }
        return List.copyOf(links);
    }

    /** What {@code url} points to, by the rules in the class comment. */
    public static LinkKind classify(String url) {
        String rest = SCHEME.matcher(url.strip()).replaceFirst("");
        int end = indexOfAny(rest, "/?#");
        String host = hostName(end < 0 ? rest : rest.substring(0, end));
        String path = end < 0 ? "" : rest.substring(end).replaceFirst("[?#].*", "");
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment.toLowerCase(Locale.ROOT));
            }
        }
        if (host.equals("github.com")) {
            boolean repository = segments.size() >= 2 && !GITHUB_NON_REPOS.contains(segments.get(0));
            return repository ? LinkKind.GITHUB : LinkKind.OTHER;
        }
        if (host.equals("huggingface.co") || host.equals("hf.co")) {
            return classifyHuggingFace(segments);
        }
        if (isUnder(host, List.of("doi.org", "zenodo.org"))) {
            return LinkKind.DOI;
        }
        if (host.equals("sites.google.com") || isStrictlyUnder(host, PAGES_DOMAINS)) {
            return LinkKind.PROJECT_PAGE;
        }
        if (host.isEmpty() || isUnder(host, NOT_PROJECT_HOSTS)) {
            return LinkKind.OTHER;
        }
        if (isUnder(host, PORTAL_HOSTS)) {
            return path.toLowerCase(Locale.ROOT).contains("project") ? LinkKind.PROJECT_PAGE : LinkKind.OTHER;
        }
        return LinkKind.PROJECT_PAGE;
    }

    private static LinkKind classifyHuggingFace(List<String> segments) {
        if (segments.size() < 2) {
            return LinkKind.OTHER;
        }
        return switch (segments.get(0)) {
            case "datasets" -> LinkKind.HF_DATASET;
            case "spaces" -> LinkKind.HF_SPACE;
            default -> HF_NON_ARTIFACTS.contains(segments.get(0)) ? LinkKind.OTHER : LinkKind.HF_MODEL;
        };
    }

    /** The candidate without surrounding punctuation and TeX escapes, or null when no URL is left. */
    static String clean(String candidate) {
        String url = candidate.replaceAll("\\\\([_%#&~])", "$1");
        String previous;
        do {
            previous = url;
            url = stripTrailingPunctuation(url);
            url = stripUnbalancedCloser(url);
        } while (!url.equals(previous));
        if (!SCHEME.matcher(url).lookingAt()) {
            url = "https://" + url;
        }
        String rest = SCHEME.matcher(url).replaceFirst("");
        int end = indexOfAny(rest, "/?#");
        return HOST.matcher(end < 0 ? rest : rest.substring(0, end)).matches() ? url : null;
    }

    private static String stripTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && TRAILING_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    private static String stripUnbalancedCloser(String url) {
        if (url.isEmpty()) {
            return url;
        }
        char last = url.charAt(url.length() - 1);
        char opener = switch (last) {
            case ')' -> '(';
            case ']' -> '[';
            case '}' -> '{';
            default -> 0;
        };
        if (opener != 0 && count(url, opener) < count(url, last)) {
            return url.substring(0, url.length() - 1);
        }
        return url;
    }

    private static String hostName(String authority) {
        String host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":\\d*$", "");
        host = host.toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static boolean isUnder(String host, List<String> domains) {
        for (String domain : domains) {
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStrictlyUnder(String host, List<String> domains) {
        return isUnder(host, domains) && !domains.contains(host);
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}

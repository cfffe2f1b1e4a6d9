package io.paperboy.ingest.arxiv;

import io.paperboy.paper.ArxivId;
import io.paperboy.paper.Paper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Looks papers up by id in the arXiv API ({@code id_list}), for submissions and small batches:
 * latest version, first and latest version dates, categories primary first, DOIs, comments
 * (where withdrawals are announced). Same politeness and retries as the harvester.
 */
public final class ArxivApiClient implements AutoCloseable {
    public static final URI ARXIV_API = URI.create("https://export.arxiv.org/api/query");
    static final int MAX_IDS_PER_REQUEST = 50;

    /** The papers found, the ids arXiv does not know, and entries that could not be read. */
    public record Result(List<Paper> papers, List<String> missing, List<HarvestProblem> problems) {}

    private final URI baseUrl;
    private final PoliteHttp http;
    private final AtomFeedParser parser = new AtomFeedParser();

    /** {@code settings.baseUrl()} is the API's query URL, e.g. {@link #ARXIV_API}. */
    public ArxivApiClient(HarvestSettings settings) {
        this(settings, duration -> Thread.sleep(duration), Clock.systemUTC());
    }

    ArxivApiClient(HarvestSettings settings, PoliteHttp.Pause pause, Clock clock) {
        this.baseUrl = settings.baseUrl();
        this.http = new PoliteHttp(settings, pause, clock);
    }

    /** Looks up {@code ids} (versions ignored), in requests of at most 50 ids. */
    public Result fetch(List<ArxivId> ids) {
        List<String> wanted = ids.stream().map(ArxivId::id).distinct().toList();
        List<Paper> papers = new ArrayList<>();
        List<HarvestProblem> problems = new ArrayList<>();
        for (int start = 0; start < wanted.size(); start += MAX_IDS_PER_REQUEST) {
            List<String> batch = wanted.subList(start, Math.min(wanted.size(), start + MAX_IDS_PER_REQUEST));
            AtomFeedParser.Feed feed = request(batch);
            papers.addAll(feed.papers());
            problems.addAll(feed.problems());
        }
        Set<String> found = papers.stream().map(Paper::id).collect(Collectors.toSet());
        List<String> missing = wanted.stream().filter(id -> !found.contains(id)).toList();
        return new Result(papers, missing, problems);
    }

    private AtomFeedParser.Feed request(List<String> ids) {
        URI uri = URI.create(baseUrl + (baseUrl.toString().contains("?") ? "&" : "?") + "id_list="
                + String.join(",", new LinkedHashSet<>(ids)) + "&max_results=" + ids.size());
        String request = "GET " + uri;
        PoliteHttp.Answer answer = http.get(uri, request);
        if (answer.status() != 200) {
            throw new HarvestException(request + ": HTTP " + answer.status() + " (expected 200 with an Atom feed)");
        }
        AtomFeedParser.Feed feed = parser.parse(new ByteArrayInputStream(answer.body()), request);
        if (!feed.errors().isEmpty()) {
            throw new ArxivApiErrorException(
                    request + ": the arXiv API answered with an error: " + String.join("; ", feed.errors()));
        }
        return feed;
    }

    @Override
    public void close() {
        http.close();
    }
}

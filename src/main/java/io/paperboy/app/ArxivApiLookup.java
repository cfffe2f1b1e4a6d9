package io.paperboy.app;

import io.paperboy.ingest.arxiv.ArxivApiClient;
import io.paperboy.ingest.arxiv.ArxivApiErrorException;
import io.paperboy.ingest.arxiv.HarvestException;
import io.paperboy.ingest.arxiv.HarvestProblem;
import io.paperboy.ingest.arxiv.HarvestSettings;
import io.paperboy.listing.ArxivLookup;
import io.paperboy.paper.ArxivId;
import io.paperboy.paper.Paper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submissions' lookups through the arXiv API client: one request at a time per node (arXiv asks
 * for one every 3 s), with timeouts and retries short enough for a member waiting on a page.
 */
final class ArxivApiLookup implements ArxivLookup, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArxivApiLookup.class);

    private final ArxivApiClient client;
    // A lock, not synchronized: a virtual thread waiting on arXiv must not pin its carrier (JDK 21).
    private final ReentrantLock oneAtATime = new ReentrantLock();

    ArxivApiLookup(HarvestSettings settings) {
        this.client = new ArxivApiClient(settings);
    }

    /** arXiv's pace between requests, but at most two tries, 10 s to connect and 20 s to answer. */
    static HarvestSettings settings(URI api, String contact) {
        return HarvestSettings.arxiv(api, contact)
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(20))
                .withRetries(2, Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    @Override
    public Optional<Paper> find(ArxivId id) {
        ArxivApiClient.Result result;
        oneAtATime.lock();
        try {
            result = client.fetch(List.of(id));
        } catch (ArxivApiErrorException e) {
            // arXiv's answer to an id it cannot look up: for the member, the paper does not exist.
            LOG.info("submission: arXiv refused {}: {}", id, e.getMessage());
            return Optional.empty();
        } catch (HarvestException e) {
            LOG.warn("submission: cannot look up {} on arXiv: {}", id, e.getMessage());
            throw new Unavailable(reason(e.getMessage()), e);
        } finally {
            oneAtATime.unlock();
        }
        Optional<Paper> found =
                result.papers().stream().filter(p -> p.id().equals(id.id())).findFirst();
        if (found.isEmpty() && !result.problems().isEmpty()) {
            HarvestProblem problem = result.problems().get(0);
            LOG.warn("submission: arXiv's entry for {} cannot be read: {}", id, problem);
            throw new Unavailable("its answer could not be read", null);
        }
        return found;
    }

    // "GET http://…?id_list=…: gave up after 2 attempts; last: HTTP 503" → what follows the request.
    private static String reason(String message) {
        int colon = message.indexOf(": ");
        String reason = colon < 0 ? message : message.substring(colon + 2);
        return reason.replace(" (null)", "");
    }

    @Override
    public void close() {
        client.close();
    }
}

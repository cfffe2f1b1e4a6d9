package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.WebSession;
import io.paperboy.web.Role;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Store round trips of one uncached paper page, counted as the statements JDBI runs on the request's
 * thread (requests run on virtual threads; the node's background loops on platform threads of their own),
 * for an anonymous visitor, a member and a curator.
 */
final class PaperPageRoundTripsTest {
    /**
     * Statements for one anonymous visit to a paper page the cache does not hold, as measured: the paper
     * with whether it is hidden, where it was featured, its upvotes, approved author claims, the comments
     * (their count too), the key phrases. (Similar papers read the store only when the index holds vectors;
     * this one has none.)
     */
    static final int ANONYMOUS = 6;
    /**
     * A member's visit: the anonymous six (the upvotes with the member's own vote in the same read), the
     * session with its account, and whether the member saved the paper.
     */
    static final int MEMBER = ANONYMOUS + 2;
    /** A curator's: the member's; whether a new version may be featured again comes from the entries read anyway. */
    static final int CURATOR = MEMBER;

    private static final String PAPER = "2407.17904";
    private static final String OTHER_PAPER = "2606.13681";

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    @Test
    void anUncachedPaperPage_costsAFixedNumberOfStoreRoundTrips() throws Exception {
        assertThat(SERVER.server().get(OTHER_PAPER_PATH).statusCode()).isEqualTo(200); // warms the templates

        List<String> statements = roundTrips(() -> SERVER.server().get("/papers/" + PAPER));

        assertThat(statements).hasSize(ANONYMOUS);
    }

    @Test
    void aMembersPaperPage_costsAFixedNumberOfStoreRoundTrips() throws Exception {
        WebSession member = SERVER.server().browser().signUpConfirmed("reader");
        assertThat(member.get(OTHER_PAPER_PATH).statusCode()).isEqualTo(200);

        List<String> statements = roundTrips(() -> member.get("/papers/" + PAPER));

        assertThat(statements).hasSize(MEMBER);
    }

    @Test
    void aCuratorsPaperPage_costsAFixedNumberOfStoreRoundTrips() throws Exception {
        WebSession curator = SERVER.server().browser().signUpConfirmed("keeper");
        SERVER.server().promote("keeper", Role.CURATOR);
        assertThat(curator.get(OTHER_PAPER_PATH).statusCode()).isEqualTo(200);

        List<String> statements = roundTrips(() -> curator.get("/papers/" + PAPER));

        assertThat(statements).hasSize(CURATOR);
    }

    @Test
    void aDiscussedPaper_namesAllItsCommentAuthorsInOneRead() throws Exception {
        String discussed = "2606.13681";
        for (String name : List.of("ann", "ben", "cyd")) {
            WebSession author = SERVER.server().browser().signUpConfirmed(name);
            author.get("/papers/" + discussed);
            assertThat(author.post("/papers/" + discussed + "/comments", java.util.Map.of("body", "Read it, " + name))
                            .statusCode())
                    .isEqualTo(303);
        }
        SERVER.server().awaitChangesSeen(); // the anonymous page cached by the warm-up visits is dropped

        List<String> statements = roundTrips(() -> SERVER.server().get("/papers/" + discussed));

        // The anonymous six, and the three authors' display names in one read (before: one read each).
        assertThat(statements).hasSize(ANONYMOUS + 1);
        assertThat(statements)
                .filteredOn(s -> s.contains("display_name FROM users"))
                .hasSize(1);
    }

    private static final String OTHER_PAPER_PATH = "/papers/" + OTHER_PAPER;

    private interface Visit {
        HttpResponse<String> get() throws Exception;
    }

    private static synchronized List<String> roundTrips(Visit visit) throws Exception {
        List<String> statements = new CopyOnWriteArrayList<>();
        SERVER.server().db().jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                if (Thread.currentThread().isVirtual()) {
                    statements.add(context.getRenderedSql().replaceAll("\\s+", " "));
                }
            }
        });
        try {
            HttpResponse<String> page = visit.get();

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("X-Cache")).isNotEqualTo(java.util.Optional.of("HIT"));
            statements.forEach(s -> System.out.println("round trip: " + s));
            System.out.printf("paper page: %d store round trips%n", statements.size());
            return statements;
        } finally {
            SERVER.server().db().jdbi().setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
        }
    }
}

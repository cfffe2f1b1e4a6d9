package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.ServerExtension;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Store round trips of one uncached paper page, counted as the statements JDBI runs on the request's
 * thread (requests run on virtual threads; the node's background loops on platform threads of their own).
 */
final class PaperPageRoundTripsTest {
    /**
     * Statements for one anonymous visit to a paper page the cache does not hold, as measured: the paper,
     * then whether it is hidden (a second read of the same row), where it was featured, its upvotes,
     * approved author claims, the comments, the comment count (again from the comments' feature), the
     * key phrases. (Similar papers read the store only when the index holds vectors; this one has none.)
     */
    static final int ROUND_TRIPS = 8;

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    @Test
    void anUncachedPaperPage_costsAFixedNumberOfStoreRoundTrips() throws Exception {
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
            HttpResponse<String> warm = SERVER.server().get("/papers/2606.13681"); // the first request warms the templates
            assertThat(warm.statusCode()).isEqualTo(200);
            statements.clear();

            HttpResponse<String> page = SERVER.server().get("/papers/2407.17904");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("X-Cache")).isNotEqualTo(java.util.Optional.of("HIT"));
            statements.forEach(s -> System.out.println("round trip: " + s));
            System.out.printf("paper page: %d store round trips%n", statements.size());
            assertThat(statements).hasSize(ROUND_TRIPS);
        } finally {
            SERVER.server().db().jdbi().setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
        }
    }
}

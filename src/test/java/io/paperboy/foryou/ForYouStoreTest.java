package io.paperboy.foryou;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.TestServer;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stored picks and private feed secrets on real SQLite and real PostgreSQL: picks replaced whole,
 * read in rank order, with their state; one secret per member, replaced or revoked at once.
 */
final class ForYouStoreTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void replacingPicks_dropsTheOldOnes_andRecordsFromWhichLikesAndWhen(TestStore store) throws Exception {
        try (TestServer server = new TestServer(dir, store)) {
            server.browser().signUpConfirmed("picker");
            long member = server.db()
                    .withHandle(h -> h.createQuery("SELECT id FROM users WHERE name = 'picker'")
                            .mapTo(Long.class)
                            .one());
            PicksRepository picks = new PicksRepository();
            Instant first = Instant.parse("2026-11-29T08:00:00Z");
            server.db()
                    .useTransaction(h -> picks.replace(
                            h,
                            member,
                            List.of(
                                    new Pick("2306.15794", "2506.09560", true),
                                    new Pick("0704.0009", "2506.09560", true),
                                    new Pick("0704.0002", "2306.15794", false)),
                            "hash-1",
                            first));

            server.db()
                    .useTransaction(h -> picks.replace(
                            h,
                            member,
                            List.of(
                                    new Pick("0704.0004", "0704.0002", false),
                                    new Pick("0704.0005", "0704.0002", false)),
                            "hash-2",
                            first.plusSeconds(60)));

            List<Pick> all = server.db().withHandle(h -> picks.list(h, member, 10));
            List<Pick> best = server.db().withHandle(h -> picks.list(h, member, 1));
            java.util.Optional<PicksRepository.State> state = server.db().withHandle(h -> picks.state(h, member));
            assertThat(all)
                    .containsExactly(
                            new Pick("0704.0004", "0704.0002", false), new Pick("0704.0005", "0704.0002", false));
            assertThat(best).containsExactly(new Pick("0704.0004", "0704.0002", false));
            assertThat(state).contains(new PicksRepository.State("hash-2", first.plusSeconds(60)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aPrivateFeedSecret_opensTheMembersFeed_untilReplacedOrRevoked(TestStore store) throws Exception {
        try (TestServer server = new TestServer(dir, store)) {
            server.browser().signUpConfirmed("secret");
            long member = server.db()
                    .withHandle(h -> h.createQuery("SELECT id FROM users WHERE name = 'secret'")
                            .mapTo(Long.class)
                            .one());
            PrivateFeed feeds = new PrivateFeed(server.db(), java.time.Clock.systemUTC());

            String first = feeds.renew(member);
            String second = feeds.renew(member);

            assertThat(second).isNotEqualTo(first).hasSize(43);
            assertThat(feeds.member(first)).as("the replaced secret").isEmpty();
            assertThat(feeds.member(second)).contains(member);
            assertThat(feeds.since(member)).isPresent();
            assertThat(feeds.revoke(member)).isTrue();
            assertThat(feeds.member(second)).as("the revoked secret").isEmpty();
            assertThat(feeds.since(member)).isEmpty();
            assertThat(feeds.revoke(member)).isFalse();
        }
    }
}

package io.paperboy.vote;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.db.ChangeSequence;
import io.paperboy.db.Database;
import io.paperboy.mail.MailFolder;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.TestStore;
import io.paperboy.user.AccountService;
import io.paperboy.web.SiteUrl;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every vote transition, on real SQLite and real PostgreSQL. */
final class VoteServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @TempDir
    Path dir;

    private record Store(Database db, VoteService votes, long ada, long bob) implements AutoCloseable {
        @Override
        public void close() {
            db.close();
        }
    }

    private Store open(TestStore kind) {
        Database db = kind.open(dir);
        PaperService papers = new PaperService(db);
        db.useTransaction(h -> papers.store(
                h,
                List.of(
                        Paper.builder("2401.00001", "One").build(),
                        Paper.builder("2401.00002", "Two").build())));
        AccountService accounts = new AccountService(
                db,
                new MailFolder(dir.resolve("mail"), "t <t@localhost>"),
                new SiteUrl("http://localhost"),
                Clock.systemUTC());
        long ada = accounts.signup("ada@example.org", "ada", "Ada", "correct horse battery")
                .orElseThrow()
                .id();
        long bob = accounts.signup("bob@example.org", "bob", "Bob", "correct horse battery")
                .orElseThrow()
                .id();
        return new Store(db, new VoteService(db, papers, Clock.fixed(NOW, ZoneOffset.UTC)), ada, bob);
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void notUpvoted_toUpvoted_countsOne(TestStore kind) {
        try (Store s = open(kind)) {
            VoteState state = s.votes().upvote(s.ada(), "2401.00001").orElseThrow();

            assertThat(state).isEqualTo(new VoteState("2401.00001", 1, true, true));
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void upvoted_toUpvotedAgain_changesNothing(TestStore kind) {
        try (Store s = open(kind)) {
            s.votes().upvote(s.ada(), "2401.00001");

            VoteState again = s.votes().upvote(s.ada(), "2401.00001").orElseThrow();

            assertThat(again).isEqualTo(new VoteState("2401.00001", 1, true, false));
            // What the paper page reads: the total and the member's own vote, in one statement.
            assertThat(s.votes().state(s.ada(), "2401.00001")).isEqualTo(new VoteState("2401.00001", 1, true, false));
            assertThat(s.votes().state(s.bob(), "2401.00001")).isEqualTo(new VoteState("2401.00001", 1, false, false));
            assertThat(s.votes().state(s.bob(), "2401.00002")).isEqualTo(new VoteState("2401.00002", 0, false, false));
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void upvoted_toRemoved_countsZero(TestStore kind) {
        try (Store s = open(kind)) {
            s.votes().upvote(s.ada(), "2401.00001");

            VoteState removed = s.votes().removeUpvote(s.ada(), "2401.00001").orElseThrow();

            assertThat(removed).isEqualTo(new VoteState("2401.00001", 0, false, true));
            assertThat(s.votes().state(s.ada(), "2401.00001").upvoted()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void notUpvoted_toRemoved_changesNothing(TestStore kind) {
        try (Store s = open(kind)) {
            s.votes().upvote(s.bob(), "2401.00001");

            VoteState removed = s.votes().removeUpvote(s.ada(), "2401.00001").orElseThrow();

            // Bob's vote stays: removing is per member.
            assertThat(removed).isEqualTo(new VoteState("2401.00001", 1, false, false));
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void unknownPaper_isEmpty_andStoresNothing(TestStore kind) {
        try (Store s = open(kind)) {
            assertThat(s.votes().upvote(s.ada(), "2401.99999")).isEmpty();
            assertThat(s.votes().removeUpvote(s.ada(), "2401.99999")).isEmpty();
            assertThat(s.votes().upvotes("2401.99999")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void everyVote_movesTheChangeNumber_soCachedPagesRefresh(TestStore kind) {
        try (Store s = open(kind)) {
            long before = s.db().withHandle(ChangeSequence::current);

            s.votes().upvote(s.ada(), "2401.00001");
            s.votes().removeUpvote(s.ada(), "2401.00001");

            assertThat(s.db().withHandle(ChangeSequence::current)).isEqualTo(before + 2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void countsAndOwnVotes_forAPageOfPapers(TestStore kind) {
        try (Store s = open(kind)) {
            s.votes().upvote(s.ada(), "2401.00001");
            s.votes().upvote(s.bob(), "2401.00001");
            s.votes().upvote(s.bob(), "2401.00002");

            assertThat(s.votes().upvotes(List.of("2401.00001", "2401.00002", "2401.99999")))
                    .isEqualTo(Map.of("2401.00001", 2, "2401.00002", 1));
            assertThat(s.votes().upvotedBy(s.ada(), List.of("2401.00001", "2401.00002")))
                    .isEqualTo(Set.of("2401.00001"));
            assertThat(s.votes().castOn(List.of("2401.00002"))).containsExactly(new CastVote("2401.00002", NOW));
            assertThat(s.votes().votedSince(NOW)).containsExactlyInAnyOrder("2401.00001", "2401.00002");
            assertThat(s.votes().votedSince(NOW.plusSeconds(1))).isEmpty();
        }
    }
}

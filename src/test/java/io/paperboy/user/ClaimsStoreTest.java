package io.paperboy.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.db.Database;
import io.paperboy.mail.MailFolder;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.TestStore;
import io.paperboy.web.InvalidForm;
import io.paperboy.web.Member;
import io.paperboy.web.Role;
import io.paperboy.web.SiteUrl;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Author claims in the store, on SQLite and on PostgreSQL: the rules hold in SQL, not only in Java. */
final class ClaimsStoreTest {
    private static final String PAPER = "2401.00001";
    /** The deciding curator's id where who decides does not matter: no member has it. */
    static final long ANOTHER_MEMBER = -1;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aClaim_waits_thenApproved_showsAsTheAuthorsClaimant(TestStore store) {
        try (Database db = store.open(dir)) {
            Claims claims = claimsOver(db);
            Member ada = member(db, "ada");

            AuthorClaim pending = claims.claim(ada, PAPER, "Ada Lovelace");
            assertThat(pending.status()).isEqualTo(ClaimStatus.PENDING);
            assertThat(claims.pending()).extracting(AuthorClaim::id).containsExactly(pending.id());
            assertThat(claims.approvedAuthors(PAPER)).isEmpty();

            AuthorClaim approved = db.inTransaction(h -> claims.decide(h, pending.id(), true, ANOTHER_MEMBER))
                    .orElseThrow();

            assertThat(approved.status()).isEqualTo(ClaimStatus.APPROVED);
            assertThat(approved.decidedAt()).isNotNull();
            assertThat(claims.pending()).isEmpty();
            assertThat(claims.approvedAuthors(PAPER)).isEqualTo(Map.of("Ada Lovelace", "ada"));
            assertThat(claims.of(ada.id())).extracting(AuthorClaim::status).containsExactly(ClaimStatus.APPROVED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aMember_claimsOneNamePerPaper_evenAfterARejection(TestStore store) {
        try (Database db = store.open(dir)) {
            Claims claims = claimsOver(db);
            Member ada = member(db, "ada");
            AuthorClaim first = claims.claim(ada, PAPER, "Ada Lovelace");
            db.inTransaction(h -> claims.decide(h, first.id(), false, ANOTHER_MEMBER));

            assertThatThrownBy(() -> claims.claim(ada, PAPER, "Charles Babbage"))
                    .isInstanceOf(InvalidForm.class)
                    .hasMessageContaining("you already claimed 'Ada Lovelace' on this paper (rejected)");
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aNameApprovedForOneMember_cannotBeClaimedOrApprovedForAnother(TestStore store) {
        try (Database db = store.open(dir)) {
            Claims claims = claimsOver(db);
            AuthorClaim ada = claims.claim(member(db, "ada"), PAPER, "Ada Lovelace");
            AuthorClaim impostor = claims.claim(member(db, "mallory"), PAPER, "Ada Lovelace");
            db.inTransaction(h -> claims.decide(h, ada.id(), true, ANOTHER_MEMBER));

            assertThatThrownBy(() -> claims.claim(member(db, "eve"), PAPER, "Ada Lovelace"))
                    .hasMessageContaining("'Ada Lovelace' on this paper is already claimed by ada");
            assertThatThrownBy(() -> db.inTransaction(h -> claims.decide(h, impostor.id(), true, ANOTHER_MEMBER)))
                    .hasMessageContaining("already claimed by ada");
            assertThat(claims.find(impostor.id()).orElseThrow().status()).isEqualTo(ClaimStatus.PENDING);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void theStoreItself_refusesASecondApprovedClaimantForOneName(TestStore store) {
        try (Database db = store.open(dir)) {
            Claims claims = claimsOver(db);
            claims.claim(member(db, "ada"), PAPER, "Ada Lovelace");
            claims.claim(member(db, "mallory"), PAPER, "Ada Lovelace");

            // What a race past the service's check would do: the partial unique index stops it.
            assertThatThrownBy(() -> db.useTransaction(
                            h -> h.createUpdate("UPDATE author_claims SET status = 'approved' WHERE paper_id = :p")
                                    .bind("p", PAPER)
                                    .execute()))
                    .isInstanceOf(UnableToExecuteStatementException.class);
            assertThat(claims.approvedAuthors(PAPER)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aDecidedClaim_cannotBeDecidedAgain(TestStore store) {
        try (Database db = store.open(dir)) {
            Claims claims = claimsOver(db);
            AuthorClaim claim = claims.claim(member(db, "ada"), PAPER, "Ada Lovelace");
            db.inTransaction(h -> claims.decide(h, claim.id(), false, ANOTHER_MEMBER));

            assertThatThrownBy(() -> db.inTransaction(h -> claims.decide(h, claim.id(), true, ANOTHER_MEMBER)))
                    .hasMessageContaining("claim " + claim.id() + " was already rejected");
            java.util.Optional<AuthorClaim> unknown =
                    db.inTransaction(h -> claims.decide(h, 999_999, true, ANOTHER_MEMBER));
            assertThat(unknown).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aCurator_cannotApproveTheirOwnClaim_butAnotherCuratorCan(TestStore store) {
        try (Database db = store.open(dir)) {
            Claims claims = claimsOver(db);
            Member curator = member(db, "cur");
            Member other = member(db, "other-curator");
            AuthorClaim own = claims.claim(curator, PAPER, "Ada Lovelace");

            assertThatThrownBy(() -> db.inTransaction(h -> claims.decide(h, own.id(), true, curator.id())))
                    .isInstanceOf(InvalidForm.class)
                    .hasMessageContaining("you cannot approve your own claim: another curator or an admin must");
            assertThat(claims.find(own.id()).orElseThrow().status()).isEqualTo(ClaimStatus.PENDING);

            AuthorClaim approved = db.inTransaction(h -> claims.decide(h, own.id(), true, other.id()))
                    .orElseThrow();
            assertThat(approved.status()).isEqualTo(ClaimStatus.APPROVED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void onlyTheAuthorsOfThePaper_canBeClaimed(TestStore store) {
        try (Database db = store.open(dir)) {
            Claims claims = claimsOver(db);

            assertThatThrownBy(() -> claims.claim(member(db, "ada"), PAPER, "Grace Hopper"))
                    .hasMessageContaining("choose one of this paper's authors: Ada Lovelace, Charles Babbage");
            assertThatThrownBy(() -> claims.claim(member(db, "ada"), "2401.99999", "Ada Lovelace"))
                    .hasMessageContaining("no paper with id '2401.99999'");
        }
    }

    private static Claims claimsOver(Database db) {
        PaperService papers = new PaperService(db);
        db.useTransaction(h -> papers.store(
                h,
                List.of(Paper.builder(PAPER, "Notes on the Analytical Engine")
                        .authors(List.of("Ada Lovelace", "Charles Babbage"))
                        .build())));
        return new Claims(db, papers, Clock.systemUTC());
    }

    private Member member(Database db, String name) {
        AccountService accounts = new AccountService(
                db,
                new MailFolder(dir.resolve("mail"), "paperboy@localhost"),
                new SiteUrl("http://localhost"),
                Clock.systemUTC());
        return accounts.byName(name)
                .orElseGet(() -> accounts.create(name + "@example.org", name, "correct horse battery", Role.MEMBER))
                .member();
    }
}

package io.paperboy.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.http.ForbiddenResponse;
import io.paperboy.audit.ModerationEntry;
import io.paperboy.audit.ModerationLog;
import io.paperboy.db.ChangeSequence;
import io.paperboy.db.Database;
import io.paperboy.ingest.Importer;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.MailServer;
import io.paperboy.testing.Samples;
import io.paperboy.testing.TestStore;
import io.paperboy.user.Account;
import io.paperboy.user.AccountService;
import io.paperboy.web.InvalidForm;
import io.paperboy.web.Member;
import io.paperboy.web.Role;
import io.paperboy.web.SiteUrl;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Comments through the service and its repository, on SQLite and on PostgreSQL. */
final class CommentServiceTest {
    private static final String PAPER = "2606.00467";
    private static final String OTHER_PAPER = "2606.12730";

    @TempDir
    Path dir;

    private record Store(Database db, CommentService comments, Member ada, Member bob, Member curator) {}

    private Store open(TestStore kind, MailServer mail) throws Exception {
        Database db = kind.open(dir);
        new Importer(db, new PaperService(db), new ListingService(db), LocalDate.of(2026, 11, 29))
                .run(List.of(Samples.copy(Samples.HF_DAILY, dir)), false);
        AccountService accounts =
                new AccountService(db, mail.mailer(), new SiteUrl("http://localhost"), Clock.systemUTC());
        return new Store(
                db,
                new CommentService(db, new ModerationLog(), Clock.systemUTC()),
                member(accounts.create("ada@example.org", "ada", "correct horse battery", Role.MEMBER)),
                member(accounts.create("bob@example.org", "bob", "correct horse battery", Role.MEMBER)),
                member(accounts.create("cur@example.org", "cur", "correct horse battery", Role.CURATOR)));
    }

    private static Member member(Account a) {
        return new Member(a.id(), a.name(), a.displayName(), a.role(), true);
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aThread_keepsRepliesOneLevelDeep_andCountsOnlyVisibleComments(TestStore kind) throws Exception {
        try (MailServer mail = new MailServer()) {
            Store s = open(kind, mail);
            try (Database db = s.db()) {
                CommentService comments = s.comments();
                Comment top = comments.post(s.ada(), PAPER, null, "  A *good* paper.  ");
                Comment reply = comments.post(s.bob(), PAPER, top.id(), "Agreed.");
                Comment replyToReply = comments.post(s.ada(), PAPER, reply.id(), "Thanks!");
                comments.post(s.bob(), OTHER_PAPER, null, "Elsewhere.");

                assertThat(top.body()).isEqualTo("A *good* paper.");
                assertThat(reply.parentId()).isEqualTo(top.id());
                // A reply to a reply joins the top-level comment's thread.
                assertThat(replyToReply.parentId()).isEqualTo(top.id());
                List<CommentView> threads = comments.threads(PAPER, null);
                assertThat(threads).extracting(CommentView::id).containsExactly(top.id());
                assertThat(threads.get(0).replies())
                        .extracting(CommentView::id)
                        .containsExactly(reply.id(), replyToReply.id());
                assertThat(comments.counts(List.of(PAPER, OTHER_PAPER, "2606.13594")))
                        .isEqualTo(Map.of(PAPER, 3, OTHER_PAPER, 1));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void hidingAndDeleting_leaveTheThread_changeTheCount_andLogEachHide(TestStore kind) throws Exception {
        try (MailServer mail = new MailServer()) {
            Store s = open(kind, mail);
            try (Database db = s.db()) {
                CommentService comments = s.comments();
                Comment top = comments.post(s.ada(), PAPER, null, "Top");
                Comment reply = comments.post(s.bob(), PAPER, top.id(), "Reply");
                long before = db.withHandle(ChangeSequence::current);

                comments.setHidden(s.curator(), reply.id(), true);
                comments.setHidden(s.curator(), reply.id(), true); // a repeat changes nothing and logs nothing
                comments.delete(s.ada(), top.id());

                assertThat(comments.count(PAPER)).isZero();
                // The page counts from the rows it reads anyway: the same number the stored count holds.
                assertThat(comments.discussion(PAPER, s.curator()).visible()).isZero();
                // Each write took a change number, so cached pages refresh.
                assertThat(db.withHandle(ChangeSequence::current)).isEqualTo(before + 2);
                List<ModerationEntry> log = db.withHandle(h -> new ModerationLog().page(h, Long.MAX_VALUE, 10));
                assertThat(log)
                        .extracting(ModerationEntry::action, ModerationEntry::targetId, ModerationEntry::actorName)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("hide-comment", Long.toString(reply.id()), "cur"));
                // The reply is withheld from others, so the deleted top has nothing left to hold up.
                assertThat(comments.threads(PAPER, null)).isEmpty();
                CommentView asCurator = comments.threads(PAPER, s.curator()).get(0);
                assertThat(asCurator.look()).isEqualTo(CommentView.Look.DELETED);
                assertThat(asCurator.replies().get(0).look()).isEqualTo(CommentView.Look.HIDDEN);

                comments.setHidden(s.curator(), reply.id(), false);
                assertThat(comments.count(PAPER)).isEqualTo(1);
                assertThat(comments.discussion(PAPER, null).visible()).isEqualTo(1);
                assertThat(comments.threads(PAPER, null).get(0).look()).isEqualTo(CommentView.Look.DELETED);
                assertThat(comments.find(top.id()).orElseThrow().body()).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void onlyTheAuthor_editsOrDeletes(TestStore kind) throws Exception {
        try (MailServer mail = new MailServer()) {
            Store s = open(kind, mail);
            try (Database db = s.db()) {
                CommentService comments = s.comments();
                Comment mine = comments.post(s.ada(), PAPER, null, "First draft");

                assertThatThrownBy(() -> comments.edit(s.bob(), mine.id(), "Vandalised"))
                        .isInstanceOf(ForbiddenResponse.class)
                        .hasMessageContaining("only edit your own");
                assertThatThrownBy(() -> comments.delete(s.curator(), mine.id()))
                        .isInstanceOf(ForbiddenResponse.class)
                        .hasMessageContaining("only delete your own");
                assertThatThrownBy(() -> comments.setHidden(s.bob(), mine.id(), true))
                        .isInstanceOf(ForbiddenResponse.class);
                Comment edited = comments.edit(s.ada(), mine.id(), "Second draft");

                assertThat(edited.body()).isEqualTo("Second draft");
                assertThat(edited.editedAt()).isNotNull();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void repliesToDeletedComments_orOtherPapersComments_areRefused(TestStore kind) throws Exception {
        try (MailServer mail = new MailServer()) {
            Store s = open(kind, mail);
            try (Database db = s.db()) {
                CommentService comments = s.comments();
                Comment gone = comments.post(s.ada(), PAPER, null, "Soon gone");
                comments.delete(s.ada(), gone.id());
                Comment elsewhere = comments.post(s.ada(), OTHER_PAPER, null, "Elsewhere");

                assertThatThrownBy(() -> comments.post(s.bob(), PAPER, gone.id(), "Hello?"))
                        .isInstanceOf(InvalidForm.class)
                        .hasMessageContaining("deleted or hidden");
                assertThatThrownBy(() -> comments.post(s.bob(), PAPER, elsewhere.id(), "Hello?"))
                        .isInstanceOf(InvalidForm.class)
                        .hasMessageContaining("no comment " + elsewhere.id() + " on this paper");
            }
        }
    }
}

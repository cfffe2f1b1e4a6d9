package io.paperboy.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.db.Database;
import io.paperboy.testing.MailServer;
import io.paperboy.testing.MovableClock;
import io.paperboy.testing.TestStore;
import io.paperboy.web.InvalidForm;
import io.paperboy.web.Role;
import io.paperboy.web.SiteUrl;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Accounts on both stores, with a clock the test moves to expire links and sessions. */
final class AccountServiceTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aResetLink_expiresAfterAnHour(TestStore store) throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-29T12:00:00Z"));
        try (Database db = store.open(dir);
                MailServer mail = new MailServer()) {
            AccountService accounts =
                    new AccountService(db, mail.mailer(), new SiteUrl("https://papers.example.org"), clock);
            accounts.create("late@example.org", "late", "first password", Role.MEMBER);
            accounts.requestReset("late@example.org");
            String link = MailServer.link(mail.await("late@example.org", "Reset"));
            assertThat(link).startsWith("https://papers.example.org/reset?token=");
            String token = java.net.URLDecoder.decode(
                    link.substring(link.indexOf("token=") + 6), java.nio.charset.StandardCharsets.UTF_8);

            clock.advance(Duration.ofMinutes(59));
            assertThat(accounts.resetUsable(token)).isTrue();
            clock.advance(Duration.ofMinutes(2));
            assertThat(accounts.resetUsable(token)).isFalse();
            assertThatThrownBy(() -> accounts.reset(token, "second password"))
                    .isInstanceOf(InvalidForm.class)
                    .hasMessageContaining("used or expired");
            assertThat(accounts.login("late@example.org", "first password")).isNotBlank();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void sessions_liveInTheStore_andExpireAfterThirtyDaysUnused(TestStore store) throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-29T12:00:00Z"));
        try (Database db = store.open(dir);
                MailServer mail = new MailServer()) {
            AccountService accounts = new AccountService(db, mail.mailer(), new SiteUrl("http://localhost"), clock);
            accounts.create("kept@example.org", "kept", "the password", Role.CURATOR);
            String session = accounts.login("kept@example.org", "the password");

            // Another node (another service on the same store) knows the session.
            AccountService otherNode = new AccountService(db, mail.mailer(), new SiteUrl("http://localhost"), clock);
            assertThat(otherNode.session(session)).hasValueSatisfying(m -> {
                assertThat(m.name()).isEqualTo("kept");
                assertThat(m.role()).isEqualTo(Role.CURATOR);
            });
            clock.advance(Duration.ofDays(20));
            assertThat(accounts.session(session)).isPresent(); // use slides the expiry forward
            clock.advance(Duration.ofDays(29));
            assertThat(accounts.session(session)).isPresent();
            clock.advance(Duration.ofDays(31));
            assertThat(accounts.session(session)).isEmpty();
        }
    }

    @Test
    void passwords_areStoredAsArgon2idHashes_neverInTheClear() throws Exception {
        try (Database db = TestStore.SQLITE.open(dir);
                MailServer mail = new MailServer()) {
            AccountService accounts =
                    new AccountService(db, mail.mailer(), new SiteUrl("http://localhost"), Clock.systemUTC());
            accounts.create("hash@example.org", "hash", "a secret password", Role.MEMBER);
            String stored = db.withHandle(h -> h.createQuery("SELECT password_hash FROM users WHERE name = 'hash'")
                    .mapTo(String.class)
                    .one());

            assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("a secret password");
        }
    }

    @Test
    void aNewDisplayName_movesTheChangeNumber_soCachedListingsShowingItAreRenderedAgain() throws Exception {
        try (Database db = TestStore.SQLITE.open(dir);
                MailServer mail = new MailServer()) {
            AccountService accounts =
                    new AccountService(db, mail.mailer(), new SiteUrl("http://localhost"), Clock.systemUTC());
            long id = accounts.create("named@example.org", "named", "a secret password", Role.MEMBER)
                    .id();
            long before = db.withHandle(io.paperboy.db.ChangeSequence::current);

            accounts.setDisplayName(id, "Ada Renamed");

            assertThat(db.withHandle(io.paperboy.db.ChangeSequence::current)).isGreaterThan(before);
        }
    }
}

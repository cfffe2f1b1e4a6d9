package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.db.Database;
import io.paperboy.testing.Console;
import io.paperboy.testing.MailServer;
import io.paperboy.user.AccountService;
import io.paperboy.web.Role;
import io.paperboy.web.SiteUrl;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `paperboy user add|role|list`: the operator's way to the first admin and to roles. */
final class UserCommandTest {
    @RegisterExtension
    final Console console = new Console();

    @TempDir
    Path dir;

    @Test
    void userAdd_createsAConfirmedAdmin_whoCanLogIn() throws Exception {
        console.input("the admin password\n");
        int exit = Main.run(
                "user",
                "add",
                "--data",
                dir.toString(),
                "--email",
                "Root@Example.org",
                "--role",
                "admin",
                "--password-stdin");

        assertThat(exit).as(console.err()).isZero();
        assertThat(console.out()).contains("created root <root@example.org> as admin");
        try (Database db = Database.open(Database.sqliteUrl(dir.resolve("paperboy.db")));
                MailServer mail = new MailServer()) {
            AccountService accounts =
                    new AccountService(db, mail.mailer(), new SiteUrl("http://localhost"), Clock.systemUTC());
            String session = accounts.login("root@example.org", "the admin password");
            assertThat(accounts.session(session)).hasValueSatisfying(m -> {
                assertThat(m.role()).isEqualTo(Role.ADMIN);
                assertThat(m.verified()).isTrue();
            });
        }
    }

    @Test
    void userRole_changesTheRole_andUserList_showsIt() {
        console.input("a long enough password\n");
        Main.run(
                "user",
                "add",
                "--data",
                dir.toString(),
                "--email",
                "cur@example.org",
                "--name",
                "cura",
                "--password-stdin");

        assertThat(Main.run("user", "role", "--data", dir.toString(), "--name", "cura", "--role", "curator"))
                .isZero();
        assertThat(Main.run("user", "list", "--data", dir.toString())).isZero();

        assertThat(console.out())
                .contains("cura is now curator")
                .containsPattern("cura\\s+cur@example.org\\s+curator\\s+confirmed");
    }

    @Test
    void badInput_isRefused_withTheReason() {
        console.input("short\n");
        int shortPassword =
                Main.run("user", "add", "--data", dir.toString(), "--email", "a@example.org", "--password-stdin");
        int badRole = Main.run(
                "user",
                "add",
                "--data",
                dir.toString(),
                "--email",
                "b@example.org",
                "--role",
                "owner",
                "--password-stdin");
        int nobody = Main.run("user", "role", "--data", dir.toString(), "--name", "ghost", "--role", "admin");

        assertThat(shortPassword).isEqualTo(1);
        assertThat(badRole).isEqualTo(2);
        assertThat(nobody).isEqualTo(1);
        assertThat(console.err())
                .contains("password: use at least 10 characters")
                .contains("unknown role 'owner': use member, curator or admin")
                .contains("no member is called 'ghost'");
    }
}

package io.paperboy.digest;

import static io.paperboy.digest.DigestFixture.FOLLOWS;
import static io.paperboy.digest.DigestFixture.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.app.Main;
import io.paperboy.testing.TestStore;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperboy digest run --dry-run --out DIR}: the mails due, composed and written to look at, none sent. */
final class DigestDryRunTest {
    @TempDir
    Path dir;

    @Test
    void dryRunWithOut_writesEachDueDigestAsAnEmlFile_andQueuesNothing() throws Exception {
        String url = TestStore.SQLITE.newDatabaseUrl(dir);
        Path out = dir.resolve("look");
        try (DigestFixture f = new DigestFixture(url)) {
            f.subscriber("ada@example.org", Frequency.DAILY, FOLLOWS);
            f.subscriber("bob@example.org", Frequency.DAILY, Interests.NONE);
        }

        int code = Main.run(
                "digest",
                "run",
                "--data",
                dir.toString(),
                "--db",
                url,
                "--now",
                MONDAY.toString(),
                "--dry-run",
                "--out",
                out.toString());

        assertThat(code).isZero();
        List<MimeMessage> mails = read(out);
        assertThat(mails).hasSize(2);
        assertThat(mails)
                .extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrder("ada@example.org", "bob@example.org");
        assertThat(mails)
                .allSatisfy(
                        m -> assertThat(m.getSubject()).isEqualTo("Paperboy daily digest: Sunday, November 29, 2026"));
        // Without --site-url, links point where 'serve' listens by default.
        assertThat(io.paperboy.testing.MailServer.text(mails.getFirst())).contains("http://127.0.0.1:8080/papers/");
        try (DigestFixture f = new DigestFixture(url)) {
            assertThat(f.digests(null).outboxCounts()).isEmpty();
        }
    }

    @Test
    void out_withoutDryRun_isRefused_beforeAnythingIsSent() {
        String url = TestStore.SQLITE.newDatabaseUrl(dir);

        int code = Main.run(
                "digest",
                "run",
                "--data",
                dir.toString(),
                "--db",
                url,
                "--out",
                dir.resolve("x").toString());

        assertThat(code).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }

    private static List<MimeMessage> read(Path folder) throws Exception {
        Session session = Session.getInstance(new Properties());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".eml"))
                    .map(p -> {
                        try (InputStream in = Files.newInputStream(p)) {
                            MimeMessage message = new MimeMessage(session, in);
                            message.getContent(); // read it all before the stream closes
                            return message;
                        } catch (Exception e) {
                            throw new AssertionError("unreadable " + p, e);
                        }
                    })
                    .toList();
        }
    }
}

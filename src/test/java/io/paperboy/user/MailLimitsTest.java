package io.paperboy.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.app.Site;
import io.paperboy.mail.Mailbox;
import io.paperboy.testing.Poll;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.TestStore;
import io.paperboy.testing.WebSession;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 17, finding 2: the site is no mail cannon. Every mail a visitor can ask for counts
 * against the mailbox it goes to (user+tag@ is user@), the account that asked and the client
 * address, on two nodes of one store (SQLite and PostgreSQL) alike.
 */
final class MailLimitsTest {
    private static final Map<TestStore, List<TestServer>> NODES = new EnumMap<>(TestStore.class);
    private static Path dir;

    @BeforeAll
    static void startTwoNodesOnEachStore() throws Exception {
        dir = Files.createTempDirectory("paperboy-mail-limits");
        for (TestStore store : TestStore.values()) {
            TestServer first = new TestServer(Files.createDirectories(dir.resolve(store.name() + "-1")), store);
            NODES.put(
                    store,
                    List.of(first, first.anotherNode(Files.createDirectories(dir.resolve(store.name() + "-2")))));
        }
    }

    @AfterAll
    static void stopNodes() {
        NODES.values().forEach(nodes -> {
            nodes.get(1).close();
            nodes.get(0).close();
        });
    }

    private static TestServer node(TestStore store, int i) {
        return NODES.get(store).get(i % 2);
    }

    /** Mails received so far whose recipient reaches {@code address}'s mailbox. */
    private static int mailsTo(TestStore store, String address) throws Exception {
        String mailbox = Mailbox.of(address);
        int count = 0;
        for (MimeMessage m : node(store, 0).mail().received()) {
            for (Address to : m.getRecipients(Message.RecipientType.TO)) {
                count += Mailbox.of(((jakarta.mail.internet.InternetAddress) to).getAddress())
                                .equals(mailbox)
                        ? 1
                        : 0;
            }
        }
        return count;
    }

    /** Waits for the mail server to have {@code expected} mails for the mailbox, then a little longer for a stray one. */
    private static int settledMailsTo(TestStore store, String address, int expected) throws Exception {
        Poll.until(Duration.ofSeconds(10), () -> mailsTo(store, address), n -> n >= expected);
        Thread.sleep(300);
        return mailsTo(store, address);
    }

    private static HttpResponse<String> subscribe(TestServer node, String email) throws Exception {
        WebSession browser = node.browser();
        browser.get("/subscribe");
        return browser.post("/subscribe", Map.of("email", email, "frequency", "daily", "hour", "8", "zone", "UTC"));
    }

    private static String tag(TestStore store, String name) {
        return name + "-" + store.name().toLowerCase();
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void askingForTheConfirmationAgainAndAgain_onTwoNodes_sendsFiveMailsAnHour(TestStore store) throws Exception {
        String name = tag(store, "resender");
        WebSession onOne = node(store, 0).browser();
        onOne.signUp(name); // the first confirmation mail
        WebSession onOther = node(store, 1).browser();
        onOther.logIn(name, WebSession.PASSWORD);

        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add((i % 2 == 0 ? onOne : onOther)
                    .post("/settings/verify", Map.of())
                    .statusCode());
        }

        assertThat(answers).containsExactly(303, 303, 303, 303, 429, 429, 429, 429, 429, 429);
        assertThat(settledMailsTo(store, WebSession.email(name), 5)).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void subscribingOneMailboxUnderManyPlusTags_countsAsOneMailbox(TestStore store) throws Exception {
        String victim = tag(store, "tagged");
        List<Integer> answers = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            answers.add(
                    subscribe(node(store, i), victim + "+" + i + "@example.org").statusCode());
        }

        // Three subscribe requests per mailbox an hour, whatever the tag or the node.
        assertThat(answers).containsExactly(200, 200, 200, 429, 429, 429, 429, 429);
        assertThat(settledMailsTo(store, victim + "@example.org", 3)).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void everyKindOfMail_countsAgainstTheSameMailbox(TestStore store) throws Exception {
        String name = tag(store, "target");
        String email = WebSession.email(name);
        node(store, 0).browser().signUp(name); // 1: the confirmation
        List<Integer> answers = new ArrayList<>();
        for (int i = 1; i <= 2; i++) { // 2, 3: reset links
            WebSession anyone = node(store, i).browser();
            anyone.get("/reset");
            answers.add(anyone.post("/reset", Map.of("email", email)).statusCode());
        }
        answers.add(subscribe(node(store, 1), name + "+papers@example.org").statusCode()); // 4: a digest confirmation
        WebSession impostor = node(store, 0).browser(); // 5: the owner is told of a sign-up with their address
        impostor.get("/signup");
        answers.add(impostor.post(
                        "/signup",
                        Map.of(
                                "email",
                                email.toUpperCase(),
                                "name",
                                tag(store, "impostor"),
                                "display_name",
                                "Impostor",
                                "password",
                                WebSession.PASSWORD))
                .statusCode());
        WebSession late = node(store, 1).browser();
        late.get("/reset");
        answers.add(late.post("/reset", Map.of("email", email)).statusCode());
        answers.add(subscribe(node(store, 0), name + "+more@example.org").statusCode());

        assertThat(answers).containsExactly(200, 200, 200, 303, 429, 429);
        assertThat(settledMailsTo(store, email, 5)).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void oneMemberAskingForMailToManyMailboxes_isLimitedPerAccount(TestStore store) throws Exception {
        WebSession member = node(store, 0).browser().signUpConfirmed(tag(store, "sender"));
        List<Integer> answers = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            member.get("/subscribe");
            answers.add(member.post(
                            "/subscribe",
                            Map.of(
                                    "email",
                                    tag(store, "friend" + i) + "@example.org",
                                    "frequency",
                                    "daily",
                                    "hour",
                                    "8",
                                    "zone",
                                    "UTC"))
                    .statusCode());
        }

        assertThat(answers).containsExactly(200, 200, 200, 200, 200, 429);
        HttpResponse<String> refused = member.post(
                "/subscribe",
                Map.of(
                        "email",
                        tag(store, "friend7") + "@example.org",
                        "frequency",
                        "daily",
                        "hour",
                        "8",
                        "zone",
                        "UTC"));
        assertThat(refused.body()).contains("too many mails asked for by your account");
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void oneClientAskingForMailToManyMailboxes_isLimitedPerClientAddress(TestStore store) throws Exception {
        Path own = Files.createDirectories(dir.resolve(store.name() + "-client"));
        try (TestServer server = new TestServer(own, store, new Site.MailLimits(5, 4))) {
            List<Integer> answers = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                answers.add(subscribe(server, "reader" + i + "@example.org").statusCode());
            }
            WebSession signup = server.browser();
            signup.get("/signup");
            HttpResponse<String> refusedSignup = signup.post(
                    "/signup",
                    Map.of(
                            "email",
                            "newcomer@example.org",
                            "name",
                            "newcomer",
                            "display_name",
                            "Newcomer",
                            "password",
                            WebSession.PASSWORD));
            answers.add(refusedSignup.statusCode());

            assertThat(answers).containsExactly(200, 200, 200, 200, 429, 429);
            assertThat(server.mail().received()).hasSize(4);
            // The sign-up form again, saying which limit, when, and who can raise it.
            assertThat(refusedSignup.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 900L));
            assertThat(refusedSignup.body())
                    .contains("<form method=\"post\" action=\"/signup\"")
                    .contains("value=\"newcomer@example.org\"")
                    .containsPattern("Your network address has reached this site's limit on mails: each sign-up sends "
                            + "a confirmation mail, and the site sends at most 4 an hour asked for from one address\\. "
                            + "Try again in \\d+ minutes\\. Many people behind one network address \\(a lab, a campus\\)\\? "
                            + "The site's operator can raise this limit with --mails-per-address\\.");
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void savingDigestSettingsAgainAndAgain_sendsNoMail(TestStore store) throws Exception {
        String name = tag(store, "saver");
        WebSession member = node(store, 0).browser().signUpConfirmed(name);
        int before = mailsTo(store, WebSession.email(name));
        for (int i = 0; i < 8; i++) {
            member.get("/settings/digest");
            assertThat(member.post(
                                    "/settings/digest",
                                    Map.of("frequency", i % 2 == 0 ? "daily" : "weekly", "hour", "7", "zone", "UTC"))
                            .statusCode())
                    .isEqualTo(303);
        }

        // A confirmed member's digest starts at once: nothing to confirm, so nothing to mail.
        Thread.sleep(300);
        assertThat(mailsTo(store, WebSession.email(name))).isEqualTo(before);
    }
}

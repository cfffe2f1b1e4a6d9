package io.paperboy.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.TestServer;
import io.paperboy.testing.TestStore;
import io.paperboy.testing.WebSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Password guesses are counted in the store: three nodes of one store (SQLite, PostgreSQL) count
 * together, a client refused by address cannot make the store count new accounts, and a burst of
 * guesses at the current password gets five (issue 17, findings 3 and 4).
 */
final class SharedThrottlesTest {
    @TempDir
    Path dir;

    private static int countRows(TestServer server, String prefix) {
        return server.db()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM throttle_buckets WHERE bucket_key LIKE :p")
                        .bind("p", prefix + "%")
                        .mapTo(Integer.class)
                        .one());
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void fiveFailedLoginsSpreadOverThreeNodes_lockTheAccountOnEveryNode(TestStore store) throws Exception {
        try (TestServer one = new TestServer(Files.createDirectories(dir.resolve("1")), store);
                TestServer two = one.anotherNode(Files.createDirectories(dir.resolve("2")));
                TestServer three = one.anotherNode(Files.createDirectories(dir.resolve("3")))) {
            one.browser().signUp("shared");
            List<TestServer> nodes = List.of(one, two, three);
            for (int i = 0; i < 5; i++) {
                assertThat(nodes.get(i % 3)
                                .browser()
                                .logIn("shared", "a wrong guess " + i)
                                .statusCode())
                        .isEqualTo(422);
            }

            // Each node saw one or two failures; together they saw five.
            for (TestServer node : nodes) {
                assertThat(node.browser().logIn("shared", WebSession.PASSWORD).statusCode())
                        .isEqualTo(429);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aClientRefusedByAddress_makesTheStoreCountNoNewAccount(TestStore store) throws Exception {
        try (TestServer server = new TestServer(dir, store)) {
            for (int i = 0; i < 30; i++) { // the address's 30 failures per 15 minutes
                assertThat(server.browser().logIn("nobody" + i, "a guess").statusCode())
                        .isEqualTo(422);
            }
            int accountsCounted = countRows(server, "login-account/");

            int refused = 0;
            for (int i = 0; i < 40; i++) {
                refused += server.browser().logIn("spray" + i, "a guess").statusCode() == 429 ? 1 : 0;
            }

            // The address's bucket gives back one try every 30 s, and a slow machine takes a while
            // over 70 logins: only the tries it gave back may name a new account, never a refused one.
            assertThat(accountsCounted).isEqualTo(30);
            assertThat(refused).isGreaterThanOrEqualTo(35);
            assertThat(countRows(server, "login-account/")).isEqualTo(30 + 40 - refused);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aBurstOfWrongCurrentPasswordsAtOnce_getsFiveTries(TestStore store) throws Exception {
        try (TestServer server = new TestServer(dir, store);
                ExecutorService pool = Executors.newFixedThreadPool(12)) {
            WebSession member = server.browser().signUpConfirmed("burst-current");
            List<Callable<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String guess = "wrong current " + i;
                guesses.add(() -> member.post(
                                "/settings/password",
                                Map.of("current_password", guess, "new_password", "a brand new password"))
                        .statusCode());
            }
            int tried = 0;
            for (Future<Integer> answer : pool.invokeAll(guesses)) {
                tried += answer.get() == 422 ? 1 : 0;
            }

            assertThat(tried).isEqualTo(5);
        }
    }
}

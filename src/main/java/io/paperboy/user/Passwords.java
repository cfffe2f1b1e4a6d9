package io.paperboy.user;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Argon2id password hashes with OWASP's recommended parameters (19 MiB of memory, 2 passes, one
 * lane), stored as PHC strings that name their parameters, so stronger settings later still verify
 * old hashes. The only rule is length: at least 10 characters, at most 1,000 (hashing a megabyte
 * per attempt would be an easy way to tie up the server).
 */
final class Passwords {
    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 1000;
    // Argon2id runs on at most half the cores at once (fair, first come first served): a flood of
    // logins, sign-ups or resets queues here while the other half keeps serving everyone else.
    private static final Semaphore HASHING =
            new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), true);
    private static final long MAX_WAIT_SECONDS = 10;
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
    // Checked against when there is no account, so that an unknown address costs as much time as a wrong password.
    private static final String DECOY = hash("decoy password that matches nothing");

    private Passwords() {}

    static String hash(String password) {
        return bounded(
                () -> Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult());
    }

    static boolean matches(String password, String hash) {
        if (hash == null) {
            bounded(() -> Password.check(password, DECOY).with(ARGON2ID));
            return false;
        }
        return bounded(() -> Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash)));
    }

    private static <T> T bounded(Supplier<T> work) {
        try {
            if (!HASHING.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new HttpResponseException(
                        503,
                        "the server is busy checking passwords: try again in a few seconds",
                        Map.of("retryAfter", "5"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to check a password", e);
        }
        try {
            return work.get();
        } finally {
            HASHING.release();
        }
    }

    /** Why {@code password} cannot be used, or null when it can. */
    static String problem(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "use at least " + MIN_LENGTH + " characters";
        }
        if (password.length() > MAX_LENGTH) {
            return "use at most " + MAX_LENGTH + " characters";
        }
        return null;
    }
}

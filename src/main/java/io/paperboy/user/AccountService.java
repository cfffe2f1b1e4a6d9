package io.paperboy.user;

import io.paperboy.db.ChangeSequence;
import io.paperboy.db.Database;
import io.paperboy.mail.Mail;
import io.paperboy.mail.MailException;
import io.paperboy.mail.Mailer;
import io.paperboy.web.InvalidForm;
import io.paperboy.web.Member;
import io.paperboy.web.Role;
import io.paperboy.web.Secrets;
import io.paperboy.web.SiteUrl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accounts: sign-up with a confirmed address, sign-in sessions, password resets, API tokens, roles. */
public final class AccountService {
    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    static final Duration SESSION_TTL = Duration.ofDays(30);
    static final Duration VERIFY_LINK_TTL = Duration.ofHours(48);
    static final Duration RESET_LINK_TTL = Duration.ofMinutes(60);
    // A session's expiry slides forward at most this often, so reads do not each write.
    private static final Duration TOUCH_EVERY = Duration.ofHours(1);
    private static final String VERIFY = "verify";
    private static final String RESET = "reset";

    private final Database db;
    private final Mailer mailer;
    private final AccountMails mails;
    private final Clock clock;
    private final AccountRepository accounts = new AccountRepository();
    private final SessionRepository sessions = new SessionRepository();
    private final TokenRepository tokens = new TokenRepository();
    private final List<LongConsumer> claimedByReset = new CopyOnWriteArrayList<>();

    public AccountService(Database db, Mailer mailer, SiteUrl site, Clock clock) {
        this.db = db;
        this.mailer = mailer;
        this.mails = new AccountMails(site);
        this.clock = clock;
    }

    /**
     * Creates an unconfirmed member and mails the confirmation link. When the address already has
     * an account, creates nothing and mails its owner instead (empty): the visitor is answered the
     * same either way, after the same work (the password is hashed in both cases), so the form
     * cannot tell who has an account. A taken user name is said: names are public on profiles.
     */
    public Optional<Account> signup(String rawEmail, String rawName, String rawDisplayName, String password) {
        return signup(rawEmail, rawName, rawDisplayName, password, address -> {});
    }

    /**
     * {@link #signup(String, String, String, String)}, calling {@code beforeMail} with the address
     * once the form is valid, before any work: it refuses (throws) when that address may get no
     * more mail now, and then nothing is created or sent.
     */
    public Optional<Account> signup(
            String rawEmail, String rawName, String rawDisplayName, String password, Consumer<String> beforeMail) {
        String email = AccountInput.email(rawEmail);
        String name = AccountInput.name(rawName);
        String displayName = DisplayNames.normalize(rawDisplayName);
        Map<String, String> problems = new LinkedHashMap<>();
        putIfProblem(problems, "email", AccountInput.emailProblem(email));
        putIfProblem(problems, "name", AccountInput.signupNameProblem(name));
        putIfProblem(problems, "display_name", displayNameProblem(displayName, -1));
        putIfProblem(problems, "password", Passwords.problem(password));
        if (!problems.isEmpty()) {
            throw new InvalidForm(problems);
        }
        beforeMail.accept(email);
        String hash = Passwords.hash(password);
        Instant now = clock.instant();
        String token = Secrets.token();
        record Outcome(Account created, Account owner) {}
        Outcome outcome = db.inTransaction(h -> {
            if (accounts.nameTaken(h, name)) {
                throw InvalidForm.of("name", "'" + name + "' is taken: choose another name");
            }
            Optional<Account> owner = accounts.byEmail(h, email);
            if (owner.isPresent()) {
                return new Outcome(null, owner.get());
            }
            long id = accounts.insert(h, email, name, displayName, hash, Role.MEMBER, null, now);
            tokens.insertMailToken(h, token, id, VERIFY, now, now.plus(VERIFY_LINK_TTL));
            return new Outcome(accounts.byId(h, id).orElseThrow(), null);
        });
        send(
                outcome.created() != null
                        ? mails.verification(outcome.created(), token)
                        : mails.signupAttempt(outcome.owner()));
        return Optional.ofNullable(outcome.created());
    }

    /**
     * Confirms the address the link was sent to, for the signed-in member it was sent for: the
     * link alone is not enough, or an owner clicking the mail an impostor's sign-up sent them would
     * confirm an account whose password the impostor knows. Empty when the link is unknown, used,
     * expired or another account's.
     */
    public Optional<Account> verify(String token, long userId) {
        Instant now = clock.instant();
        return db.inTransaction(
                h -> tokens.redeemMailToken(h, token, VERIFY, userId, now).flatMap(id -> {
                    accounts.markVerified(h, id, now);
                    return accounts.byId(h, id);
                }));
    }

    /** Mails a fresh confirmation link to a member who has not confirmed yet. */
    public void resendVerification(long userId) {
        Instant now = clock.instant();
        String token = Secrets.token();
        Optional<Account> account = db.inTransaction(h -> accounts.byId(h, userId)
                .filter(a -> !a.verified())
                .map(a -> {
                    tokens.insertMailToken(h, token, a.id(), VERIFY, now, now.plus(VERIFY_LINK_TTL));
                    return a;
                }));
        account.ifPresent(a -> send(mails.verification(a, token)));
    }

    /**
     * Checks the password and opens a new session, returning its id (the cookie's value). A
     * fresh id every time: an id planted before sign-in is never promoted (no session fixation).
     */
    public String login(String rawEmail, String password) {
        String email = AccountInput.email(rawEmail);
        Optional<Account> account = db.withHandle(h -> accounts.byEmail(h, email));
        boolean matches = password != null
                && password.length() <= Passwords.MAX_LENGTH
                && Passwords.matches(
                        password, account.map(Account::passwordHash).orElse(null));
        if (!matches) {
            throw InvalidForm.of("password", "wrong email or password");
        }
        return openSession(account.orElseThrow().id());
    }

    private String openSession(long userId) {
        String sessionId = Secrets.token();
        Instant now = clock.instant();
        db.useTransaction(h -> {
            sessions.deleteExpired(h, now);
            sessions.insert(h, sessionId, userId, now, now.plus(SESSION_TTL));
        });
        return sessionId;
    }

    /** The member a session belongs to, if it exists and has not expired; slides its expiry forward. */
    public Optional<Member> session(String sessionId) {
        Instant now = clock.instant();
        Optional<SessionRepository.Found> found = db.withHandle(h -> sessions.find(h, sessionId, now));
        found.filter(f -> f.lastSeen().plus(TOUCH_EVERY).isBefore(now))
                .ifPresent(f -> db.useTransaction(h -> sessions.touch(h, sessionId, now, now.plus(SESSION_TTL))));
        return found.map(f -> f.account().member());
    }

    public void logout(String sessionId) {
        db.useTransaction(h -> sessions.delete(h, sessionId));
    }

    /**
     * Mails a reset link when an account has this address, and says nothing either way, so the
     * form cannot be used to learn who has an account.
     */
    public void requestReset(String rawEmail) {
        String email = AccountInput.email(rawEmail);
        Instant now = clock.instant();
        String token = Secrets.token();
        Optional<Account> account =
                db.inTransaction(h -> accounts.byEmail(h, email).map(a -> {
                    tokens.insertMailToken(h, token, a.id(), RESET, now, now.plus(RESET_LINK_TTL));
                    return a;
                }));
        account.ifPresent(a -> send(mails.reset(a, token)));
    }

    /**
     * {@link #requestReset} on a virtual thread of its own: the page answers as fast whether or not
     * the address has an account (looking it up, storing a link and talking to the mail server
     * take milliseconds only a known address would spend).
     */
    public void requestResetInBackground(String email) {
        Thread.ofVirtual().name("reset-request").start(() -> {
            try {
                requestReset(email);
            } catch (RuntimeException e) {
                LOG.error("reset request for {} failed", email, e);
            }
        });
    }

    public boolean resetUsable(String token) {
        return token != null && db.withHandle(h -> tokens.mailTokenUsable(h, token, RESET, clock.instant()));
    }

    /**
     * Sets a new password with a mailed reset link (once; it then stops working) and signs the
     * account out everywhere: every session and every API token ends. Receiving the mail also
     * proves the address; when it was unconfirmed until now, whoever made the account may not be
     * its owner, so what it left behind that could act or read later goes too (see
     * {@link #onClaimedByReset}).
     */
    public void reset(String token, String password) {
        // The token first: hashing costs a core tens of milliseconds, and a bad link must not buy that.
        if (!resetUsable(token)) {
            throw InvalidForm.of("token", "this reset link is used or expired: ask for a new one");
        }
        String problem = Passwords.problem(password);
        if (problem != null) {
            throw InvalidForm.of("password", problem);
        }
        String hash = Passwords.hash(password);
        Instant now = clock.instant();
        Optional<Account> before = db.inTransaction(h -> tokens.redeemMailToken(h, token, RESET, now)
                .map(id -> {
                    Account account = accounts.byId(h, id).orElseThrow();
                    accounts.setPassword(h, id, hash);
                    accounts.markVerified(h, id, now);
                    sessions.deleteAllOf(h, id);
                    tokens.deleteApiTokensOf(h, id);
                    return account;
                }));
        if (before.isEmpty()) {
            throw InvalidForm.of("token", "this reset link is used or expired: ask for a new one");
        }
        if (!before.get().verified()) {
            claimedByReset.forEach(cleanup -> cleanup.accept(before.get().id()));
        }
    }

    /**
     * Runs {@code cleanup} with the account's id when a reset confirms an address nobody had
     * confirmed: other features drop what the account's maker may have left (a private feed's
     * address, a digest waiting for confirmation). Register before the server takes requests.
     */
    public void onClaimedByReset(LongConsumer cleanup) {
        claimedByReset.add(cleanup);
    }

    /**
     * Changes the password after checking the current one, and ends every session and API token of
     * the account. With {@code newSession} it returns the id of a fresh session (made here, never
     * one the client named) for the browser that asked, else null.
     */
    public String changePassword(long userId, String current, String next, boolean newSession) {
        Account account = db.withHandle(h -> accounts.byId(h, userId)).orElseThrow();
        if (current == null
                || current.length() > Passwords.MAX_LENGTH
                || !Passwords.matches(current, account.passwordHash())) {
            throw InvalidForm.of("current_password", "this is not your current password");
        }
        String problem = Passwords.problem(next);
        if (problem != null) {
            throw InvalidForm.of("new_password", problem);
        }
        String hash = Passwords.hash(next);
        db.useTransaction(h -> {
            accounts.setPassword(h, userId, hash);
            sessions.deleteAllOf(h, userId);
            tokens.deleteApiTokensOf(h, userId);
        });
        return newSession ? openSession(userId) : null;
    }

    public void setDisplayName(long userId, String raw) {
        String displayName = DisplayNames.normalize(raw);
        String problem = displayNameProblem(displayName, userId);
        if (problem != null) {
            throw InvalidForm.of("display_name", problem);
        }
        db.useTransaction(h -> {
            accounts.setDisplayName(h, userId, displayName);
            // Listings show submitters by this name on pages cached for anonymous visitors.
            ChangeSequence.next(h, ChangeSequence.EVERYTHING);
        });
    }

    /** Creates a confirmed account with {@code role}, for operators (`paperboy user add`). */
    public Account create(String rawEmail, String rawName, String password, Role role) {
        String email = AccountInput.email(rawEmail);
        String name = AccountInput.name(rawName);
        Map<String, String> problems = new LinkedHashMap<>();
        putIfProblem(problems, "email", AccountInput.emailProblem(email));
        putIfProblem(problems, "name", AccountInput.nameProblem(name));
        putIfProblem(problems, "password", Passwords.problem(password));
        if (!problems.isEmpty()) {
            throw new InvalidForm(problems);
        }
        String hash = Passwords.hash(password);
        Instant now = clock.instant();
        return db.inTransaction(h -> {
            if (accounts.byEmail(h, email).isPresent()) {
                throw InvalidForm.of("email", email + " already has an account");
            }
            if (accounts.nameTaken(h, name)) {
                throw InvalidForm.of("name", "'" + name + "' is taken");
            }
            return accounts.byId(h, accounts.insert(h, email, name, name, hash, role, now, now))
                    .orElseThrow();
        });
    }

    /** Gives {@code name} a new role; empty when there is no such member. */
    public Optional<Account> setRole(String name, Role role) {
        return db.inTransaction(h -> accounts.byName(h, AccountInput.name(name)).map(a -> {
            accounts.setRole(h, a.id(), role);
            return accounts.byId(h, a.id()).orElseThrow();
        }));
    }

    /**
     * Gives the member called {@code name} a new role inside the caller's transaction (which
     * records who did it) and returns their account as it was; empty when there is no such member.
     * The last admin cannot lose the role, or nobody could give it again from the site.
     */
    public Optional<Account> changeRole(org.jdbi.v3.core.Handle h, String name, Role role) {
        // First: role changes take turns, so two admins demoting each other at once cannot both see
        // the other still an admin. Signed-in pages refresh too.
        io.paperboy.db.KeyLocks.hold(h, "roles");
        io.paperboy.db.ChangeSequence.next(h, io.paperboy.db.ChangeSequence.EVERYTHING);
        Optional<Account> before = accounts.byName(h, AccountInput.name(name));
        before.ifPresent(a -> {
            if (a.role() == Role.ADMIN && role != Role.ADMIN && accounts.countWithRole(h, Role.ADMIN) <= 1) {
                throw InvalidForm.of("role", a.name() + " is the last admin: make another member admin first");
            }
            accounts.setRole(h, a.id(), role);
        });
        return before;
    }

    public Optional<Account> byName(String name) {
        return db.withHandle(h -> accounts.byName(h, AccountInput.name(name)));
    }

    /**
     * The display names of the members among {@code names}, keyed by the name as given, in one read
     * (a page names each author or submitter through this, not one lookup each); names of nobody are absent.
     */
    public java.util.Map<String, String> displayNames(java.util.Collection<String> names) {
        java.util.Set<String> wanted =
                names.stream().map(AccountInput::name).collect(java.util.stream.Collectors.toSet());
        java.util.Map<String, String> stored = db.withHandle(h -> accounts.displayNames(h, wanted));
        java.util.Map<String, String> out = new java.util.HashMap<>();
        names.forEach(name -> {
            String shown = stored.get(AccountInput.name(name));
            if (shown != null) {
                out.put(name, shown);
            }
        });
        return out;
    }

    public Optional<Account> byId(long id) {
        return db.withHandle(h -> accounts.byId(h, id));
    }

    public List<Account> all() {
        return db.withHandle(accounts::all);
    }

    /**
     * A new personal API token, returned once: the store keeps only its hash. Only for a confirmed
     * address: a token made by whoever signed up with someone else's address would outlive them.
     */
    public String createApiToken(long userId, String rawLabel) {
        if (!byId(userId).map(Account::verified).orElse(false)) {
            throw InvalidForm.of(
                    "label",
                    "confirm your email address before creating API tokens: "
                            + "follow the link we mailed you (this page can send it again)");
        }
        String label = AccountInput.displayName(rawLabel);
        if (label.isEmpty() || label.length() > 60) {
            throw InvalidForm.of("label", "name the token (1-60 characters), e.g. the script that uses it");
        }
        String token = "pb_" + Secrets.token();
        db.useTransaction(h -> tokens.insertApiToken(h, token, userId, label, clock.instant()));
        return token;
    }

    public Optional<Member> apiToken(String token) {
        Optional<Account> account = db.withHandle(h -> tokens.apiTokenAccount(h, token));
        account.ifPresent(a -> db.useTransaction(h -> tokens.apiTokenUsed(h, token, clock.instant())));
        return account.map(Account::member);
    }

    public List<ApiToken> apiTokens(long userId) {
        return db.withHandle(h -> tokens.apiTokens(h, userId));
    }

    public boolean revokeApiToken(long userId, long tokenId) {
        return db.inTransaction(h -> tokens.deleteApiToken(h, userId, tokenId));
    }

    private void send(Mail mail) {
        try {
            mailer.send(mail);
        } catch (MailException e) {
            // The account exists either way; settings and the reset form can send the link again.
            LOG.warn("could not send '{}' to {}: {}", mail.subject(), mail.to(), e.getMessage());
        }
    }

    /** Length, then impersonation: reserved words, and names confusable with any other member's. */
    private String displayNameProblem(String displayName, long userId) {
        String problem = AccountInput.displayNameProblem(displayName);
        if (problem != null) {
            return problem;
        }
        return DisplayNames.problem(displayName, db.withHandle(h -> accounts.namesOfOthers(h, userId)))
                .orElse(null);
    }

    private static void putIfProblem(Map<String, String> problems, String field, String problem) {
        if (problem != null) {
            problems.put(field, problem);
        }
    }
}

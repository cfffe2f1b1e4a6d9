package io.paperboy.user;

import io.paperboy.db.Timestamps;
import io.paperboy.web.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for the users table. */
final class AccountRepository {
    static final String COLUMNS =
            "u.id, u.email, u.name, u.display_name, u.password_hash, u.role, u.verified_at, u.created_at";

    long insert(
            Handle h,
            String email,
            String name,
            String displayName,
            String passwordHash,
            Role role,
            Instant verifiedAt,
            Instant now) {
        return h.createUpdate(
                        "INSERT INTO users (email, name, display_name, password_hash, role, verified_at, created_at) "
                                + "VALUES (:email, :name, :display, :hash, :role, :verified, :now)")
                .bind("email", email)
                .bind("name", name)
                .bind("display", displayName)
                .bind("hash", passwordHash)
                .bind("role", role.key())
                .bind("verified", verifiedAt == null ? null : Timestamps.stamp(verifiedAt))
                .bind("now", Timestamps.stamp(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    Optional<Account> byEmail(Handle h, String email) {
        return h.createQuery("SELECT " + COLUMNS + " FROM users u WHERE u.email = :email")
                .bind("email", email)
                .map(AccountRepository::account)
                .findOne();
    }

    Optional<Account> byName(Handle h, String name) {
        return h.createQuery("SELECT " + COLUMNS + " FROM users u WHERE u.name = :name")
                .bind("name", name)
                .map(AccountRepository::account)
                .findOne();
    }

    /** Display names of the members called {@code names} (normalized user names), by user name; unknown names are absent. */
    java.util.Map<String, String> displayNames(Handle h, java.util.Collection<String> names) {
        java.util.Map<String, String> found = new java.util.HashMap<>();
        if (names.isEmpty()) {
            return found;
        }
        h.createQuery("SELECT name, display_name FROM users WHERE name IN (<names>)")
                .bindList("names", List.copyOf(names))
                .map((rs, ctx) -> java.util.Map.entry(rs.getString("name"), rs.getString("display_name")))
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    Optional<Account> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM users u WHERE u.id = :id")
                .bind("id", id)
                .map(AccountRepository::account)
                .findOne();
    }

    boolean nameTaken(Handle h, String name) {
        return h.createQuery("SELECT count(*) FROM users WHERE name = :name")
                        .bind("name", name)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    /** Every user name and display name of the members other than {@code userId}. */
    List<String> namesOfOthers(Handle h, long userId) {
        return h
                .createQuery("SELECT name, display_name FROM users WHERE id <> :id")
                .bind("id", userId)
                .map((rs, ctx) -> List.of(rs.getString("name"), rs.getString("display_name")))
                .list()
                .stream()
                .flatMap(List::stream)
                .toList();
    }

    List<Account> all(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM users u ORDER BY u.id")
                .map(AccountRepository::account)
                .list();
    }

    int countWithRole(Handle h, Role role) {
        return h.createQuery("SELECT count(*) FROM users WHERE role = :role")
                .bind("role", role.key())
                .mapTo(Integer.class)
                .one();
    }

    void markVerified(Handle h, long id, Instant now) {
        h.createUpdate("UPDATE users SET verified_at = :now WHERE id = :id AND verified_at IS NULL")
                .bind("now", Timestamps.stamp(now))
                .bind("id", id)
                .execute();
    }

    void setPassword(Handle h, long id, String passwordHash) {
        h.createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
                .bind("hash", passwordHash)
                .bind("id", id)
                .execute();
    }

    void setDisplayName(Handle h, long id, String displayName) {
        h.createUpdate("UPDATE users SET display_name = :name WHERE id = :id")
                .bind("name", displayName)
                .bind("id", id)
                .execute();
    }

    void setRole(Handle h, long id, Role role) {
        h.createUpdate("UPDATE users SET role = :role WHERE id = :id")
                .bind("role", role.key())
                .bind("id", id)
                .execute();
    }

    static Account account(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Account(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("name"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                Role.of(rs.getString("role")),
                Timestamps.parse(rs.getString("verified_at")),
                Timestamps.parse(rs.getString("created_at")));
    }
}

package io.paperboy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class EmbeddedPostgresTest {

    @Test
    void started_server_answers_select_version_with_postgresql_17() throws SQLException {
        String url = EmbeddedPostgres.shared().adminJdbcUrl();

        List<String> version = query(url, "select version()");

        assertThat(version).singleElement().asString().startsWith("PostgreSQL 17.");
    }

    @Test
    void table_created_in_one_database_is_absent_in_another() throws SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.shared();
        String first = postgres.createDatabase("EmbeddedPostgresTest");
        String second = postgres.createDatabase("EmbeddedPostgresTest");

        execute(first, "create table paper (id bigint primary key)");

        assertThat(first).isNotEqualTo(second);
        assertThat(query(first, tablesInPublicSchema())).containsExactly("paper");
        assertThat(query(second, tablesInPublicSchema())).isEmpty();
    }

    @Test
    void shared_returns_the_same_server_on_every_call() {
        assertThat(EmbeddedPostgres.shared()).isSameAs(EmbeddedPostgres.shared());
    }

    @Test
    void database_name_is_a_lowercase_identifier_from_the_prefix() {
        assertThat(EmbeddedPostgres.databaseName("Paper-RepositoryTest", 3)).isEqualTo("paper_repositorytest_3");
        // An identifier must not start with a digit.
        assertThat(EmbeddedPostgres.databaseName("1st", 1)).isEqualTo("db_1st_1");
    }

    private static String tablesInPublicSchema() {
        return "select table_name from information_schema.tables where table_schema = 'public'";
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> query(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}

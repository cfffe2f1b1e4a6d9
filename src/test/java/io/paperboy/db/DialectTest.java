package io.paperboy.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class DialectTest {
    @Test
    void urls_selectTheirEngine() {
        assertThat(Dialect.of("jdbc:sqlite:data/paperboy.db")).isEqualTo(Dialect.SQLITE);
        assertThat(Dialect.of("JDBC:POSTGRESQL://db/paperboy")).isEqualTo(Dialect.POSTGRESQL);
    }

    @Test
    void otherUrls_areRejectedWithTheChoices() {
        assertThatThrownBy(() -> Dialect.of("jdbc:h2:mem:x"))
                .hasMessage(
                        "unsupported database URL 'jdbc:h2:mem:x': use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
    }
}

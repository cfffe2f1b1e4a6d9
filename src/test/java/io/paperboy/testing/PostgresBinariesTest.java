package io.paperboy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresBinariesTest {
    @Test
    void eachPlatform_namesTheArchiveItsZonkyJarCarries() {
        assertThat(PostgresBinaries.archiveName("Linux", "amd64")).isEqualTo("postgres-linux-x86_64.txz");
        assertThat(PostgresBinaries.archiveName("Linux", "aarch64")).isEqualTo("postgres-linux-arm_64.txz");
        assertThat(PostgresBinaries.archiveName("Mac OS X", "x86_64")).isEqualTo("postgres-darwin-x86_64.txz");
        assertThat(PostgresBinaries.archiveName("Mac OS X", "aarch64")).isEqualTo("postgres-darwin-arm_64.txz");
    }

    @Test
    void thisMachinesArchive_isOnTheTestClassPath() {
        String archive = PostgresBinaries.archiveName(System.getProperty("os.name"), System.getProperty("os.arch"));

        assertThat(getClass().getClassLoader().getResource(archive)).as(archive).isNotNull();
    }
}

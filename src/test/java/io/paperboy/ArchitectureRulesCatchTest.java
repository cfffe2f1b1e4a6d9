package io.paperboy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The generic rules of {@link ArchitectureTest} catch what they are about: checked against
 * io.paperboy.archfixture, a test package with a planted cycle, a public repository, a page
 * that queries the store and a second JSON mapper, each rule fails.
 */
final class ArchitectureRulesCatchTest {
    private final JavaClasses planted = new ClassFileImporter().importPackages("io.paperboy.archfixture");

    @Test
    void aCycleBetweenTwoFeatures_failsTheCycleRule() {
        assertThatThrownBy(() ->
                        ArchitectureTest.freeOfCycles("io.paperboy.archfixture").check(planted))
                .hasMessageContaining("Cycle detected: Slice left")
                .hasMessageContaining("Slice right");
    }

    @Test
    void aPublicRepository_failsTheRepositoryRule() {
        assertThatThrownBy(() -> ArchitectureTest.repositoriesStayInsideTheirFeature.check(planted))
                .hasMessageContaining("RightRepository");
    }

    @Test
    void aPageThatQueriesTheStore_failsThePageRule() {
        assertThatThrownBy(() -> ArchitectureTest.pagesAndApisCallServices.check(planted))
                .hasMessageContaining("RightPages")
                .hasMessageContaining("org.jdbi");
    }

    @Test
    void aSecondJsonMapper_failsTheOneMapperRule() {
        assertThatThrownBy(() -> ArchitectureTest.oneJsonMapper.check(planted))
                .hasMessageContaining("LeftJson")
                .hasMessageContaining("ObjectMapper.<init>");
    }
}

package io.paperboy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of DESIGN.md and STYLE.md, checked on the compiled classes. Each rule is
 * about a kind of thing (a feature, a repository, a page, plumbing), so a new feature is held to
 * them without anyone adding a rule.
 */
@AnalyzeClasses(packages = "io.paperboy", importOptions = ImportOption.DoNotIncludeTests.class)
final class ArchitectureTest {
    /** Shared plumbing: features build on these, never the other way round. */
    static final String[] PLUMBING = {
        "io.paperboy.db..", "io.paperboy.web..", "io.paperboy.jobs..", "io.paperboy.mail..", "io.paperboy.json.."
    };
    /** Every feature package: everything but the composition root and the plumbing. */
    static final String[] FEATURES = {
        "io.paperboy.paper..",
        "io.paperboy.listing..",
        "io.paperboy.ingest..",
        "io.paperboy.user..",
        "io.paperboy.moderation..",
        "io.paperboy.search..",
        "io.paperboy.comment..",
        "io.paperboy.vote..",
        "io.paperboy.foryou..",
        "io.paperboy.digest..",
        "io.paperboy.keyword..",
        "io.paperboy.thumbnail..",
        "io.paperboy.mcp..",
        "io.paperboy.github..",
        "io.paperboy.hub..",
        "io.paperboy.webhook..",
        "io.paperboy.audit..",
        "io.paperboy.settings.."
    };

    @ArchTest
    static final ArchRule featuresAndPlumbingAreFreeOfCycles = freeOfCycles("io.paperboy");

    /** Each package directly under {@code root} is a slice; no two may depend on each other. */
    static ArchRule freeOfCycles(String root) {
        return slices().matching(root + ".(*)..")
                .should()
                .beFreeOfCycles()
                .because("a feature that needs another calls its service; the other never calls back (STYLE.md)");
    }

    @ArchTest
    static final ArchRule repositoriesStayInsideTheirFeature = classes()
            .that()
            .haveSimpleNameEndingWith("Repository")
            .should()
            .notBePublic()
            .because("SQL lives beside the feature that owns the tables; other features call its service (STYLE.md)");

    @ArchTest
    static final ArchRule repositoriesKnowNothingOfHttp = noClasses()
            .that()
            .haveSimpleNameEndingWith("Repository")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..")
            .because("a repository reads and writes rows; handlers parse, call and render (STYLE.md)");

    @ArchTest
    static final ArchRule pagesAndApisCallServices = noClasses()
            .that()
            .haveSimpleNameEndingWith("Pages")
            .or()
            .haveSimpleNameEndingWith("Api")
            .or()
            .haveSimpleNameEndingWith("Routes")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jdbi..", "org.apache.lucene..", "java.sql..")
            .because(
                    "handlers parse, call a service and render; the store and the index stay behind services (STYLE.md)");

    @ArchTest
    static final ArchRule plumbingKnowsNoFeature = noClasses()
            .that()
            .resideInAnyPackage(PLUMBING)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FEATURES)
            .because("web, db, jobs and mail are the plumbing every feature shares (DESIGN.md)");

    @ArchTest
    static final ArchRule paperDependsOnNoOtherFeature = noClasses()
            .that()
            .resideInAPackage("io.paperboy.paper..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(java.util.Arrays.stream(FEATURES)
                    .filter(f -> !f.startsWith("io.paperboy.paper."))
                    .toArray(String[]::new))
            .because("paper is the domain every feature builds on (DESIGN.md)");

    @ArchTest
    static final ArchRule onlyAppWiresFeatures = noClasses()
            .that()
            .resideOutsideOfPackage("io.paperboy.app..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.paperboy.app..")
            .because("app is the composition root; features never reach back into it");

    @ArchTest
    static final ArchRule fetchedCountsKnowOnlyPapers = noClasses()
            .that()
            .resideInAnyPackage("io.paperboy.github..", "io.paperboy.hub..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.paperboy.listing..", "io.paperboy.web..", "io.paperboy.search..", "io.javalin..")
            .because("the workers get the papers to refresh from app's wiring, and pages read their counts through "
                    + "paper.PaperExtras: nothing on a page's path reaches GitHub or the Hub");

    @ArchTest
    static final ArchRule theIndexIsDerivedFromTheStore = noClasses()
            .that()
            .resideInAPackage("io.paperboy.search..")
            .and()
            .doNotHaveSimpleName("EmbeddingStore")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.paperboy.db..", "org.jdbi..")
            .because("the index follows the store through PaperService's change feed (DESIGN.md); the one table "
                    + "search owns, the embeddings computed once for the site, is read and written by EmbeddingStore");

    @ArchTest
    static final ArchRule oneJsonMapper = noClasses()
            .that()
            .doNotBelongToAnyOf(io.paperboy.json.Json.class)
            .should()
            .callCodeUnitWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.<JavaClass>owner(
                            JavaClass.Predicates.assignableTo(com.fasterxml.jackson.databind.ObjectMapper.class)))
                    .and(JavaCall.Predicates.target(HasName.Predicates.nameMatching("<init>|builder|copy|rebuild"))))
            .orShould()
            .callCodeUnitWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.<JavaClass>owner(
                    JavaClass.Predicates.assignableTo(com.fasterxml.jackson.databind.cfg.MapperBuilder.class))))
            .because("JSON goes through the one configured mapper, io.paperboy.json.Json (issue 16): a second "
                    + "mapper drifts from its settings, and the API's shape with it");
}

package io.paperboy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of DESIGN.md, checked on the compiled classes. */
@AnalyzeClasses(packages = "io.paperboy", importOptions = ImportOption.DoNotIncludeTests.class)
final class ArchitectureTest {

    @ArchTest
    static final ArchRule paperDependsOnNoOtherFeature = noClasses()
            .that().resideInAPackage("io.paperboy.paper..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.paperboy.listing..", "io.paperboy.ingest..", "io.paperboy.app..", "io.paperboy.user..",
                    "io.paperboy.moderation..", "io.paperboy.search..", "io.paperboy.comment..",
                    "io.paperboy.github..", "io.paperboy.hub..", "io.paperboy.keyword..")
            .because("paper is the domain every feature builds on (DESIGN.md); db is shared plumbing, not a feature");

    @ArchTest
    static final ArchRule onlyAppWiresFeatures = noClasses()
            .that().resideOutsideOfPackage("io.paperboy.app..")
            .should().dependOnClassesThat().resideInAPackage("io.paperboy.app..")
            .because("app is the composition root; features never reach back into it");

    @ArchTest
    static final ArchRule webIsPlumbingNotAFeature = noClasses()
            .that().resideInAPackage("io.paperboy.web..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.paperboy.paper..", "io.paperboy.listing..", "io.paperboy.ingest..", "io.paperboy.db..",
                    "io.paperboy.comment..")
            .because("web holds the HTTP plumbing every feature shares (DESIGN.md)");

    @ArchTest
    static final ArchRule listingCountsCommentsWithoutKnowingTheCommentFeature = noClasses()
            .that().resideInAPackage("io.paperboy.listing..")
            .should().dependOnClassesThat().resideInAPackage("io.paperboy.comment..")
            .because("listings ask paper.CommentCounts, which app wires to the comment service");

    @ArchTest
    static final ArchRule fetchedCountsKnowOnlyPapers = noClasses()
            .that().resideInAnyPackage("io.paperboy.github..", "io.paperboy.hub..")
            .should().dependOnClassesThat().resideInAnyPackage("io.paperboy.listing..", "io.paperboy.web..",
                    "io.paperboy.search..", "io.javalin..")
            .because("the workers get the papers to refresh from app's wiring, and pages read their counts through "
                    + "paper.PaperExtras: nothing on a page's path reaches GitHub or the Hub");

    @ArchTest
    static final ArchRule listingDoesNotImport = noClasses()
            .that().resideInAPackage("io.paperboy.listing..")
            .should().dependOnClassesThat().resideInAPackage("io.paperboy.ingest..");

    @ArchTest
    static final ArchRule searchFollowsTheStoreOnlyThroughThePaperService = noClasses()
            .that().resideInAPackage("io.paperboy.search..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.paperboy.listing..", "io.paperboy.ingest..", "io.paperboy.db..", "org.jdbi..")
            .because("the index is derived from the store through PaperService's change feed (DESIGN.md)");

    @ArchTest
    static final ArchRule searchRoutesDoNotTouchLucene = noClasses()
            .that().haveSimpleName("SearchApi")
            .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
            .because("routes call the service; Lucene stays behind SearchService (STYLE.md)");

    @ArchTest
    static final ArchRule digestReachesOtherFeaturesOnlyThroughTheirServices = noClasses()
            .that().resideInAPackage("io.paperboy.digest..")
            .should().dependOnClassesThat().resideInAnyPackage("io.paperboy.user..", "io.paperboy.ingest..",
                    "org.apache.lucene..")
            .because("digests read papers, listings and search through their public services, and get a "
                    + "member's address from app's wiring rather than from the user feature (DESIGN.md)");

    @ArchTest
    static final ArchRule mcpToolsCallTheFeaturesServices = noClasses()
            .that().resideInAPackage("io.paperboy.mcp..")
            .should().dependOnClassesThat().resideInAnyPackage("io.paperboy.db..", "org.jdbi..", "org.apache.lucene..")
            .because("the MCP tools answer what the pages answer, through the same services (STYLE.md)");
}

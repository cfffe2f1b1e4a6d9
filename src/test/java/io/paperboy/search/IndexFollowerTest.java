package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.db.Database;
import io.paperboy.ingest.Importer;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.Horizon;
import io.paperboy.testing.Samples;
import io.paperboy.testing.TestStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The index follows the store's change numbers, on both stores. */
final class IndexFollowerTest {
    private static final int SAMPLE_PAPERS = 114 + 30 + 200;

    @TempDir
    Path dir;

    private void importSamples(Database db) throws IOException {
        new Importer(db, new PaperService(db), new ListingService(db), LocalDate.of(2026, 11, 29))
                .run(
                        List.of(
                                Samples.copy(Samples.SEED, dir),
                                Samples.copy(Samples.HF_DAILY, dir),
                                Samples.copy(Samples.SNAPSHOT, dir)),
                        false);
    }

    private static List<String> ids(SearchIndex index, String q) throws InvalidQueryException {
        return new SearchService(index)
                .search(q, 10).hits().stream().map(SearchHit::paperId).toList();
    }

    private static List<String> allIds(SearchIndex index, String q) throws InvalidQueryException {
        return new SearchService(index)
                .search(q, SearchService.MAX_LIMIT).hits().stream()
                        .map(SearchHit::paperId)
                        .toList();
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void anImport_isSearchableAfterCatchUp_andAnEditReplacesThePaper(TestStore store) throws Exception {
        try (Database db = store.open(dir);
                SearchIndex index = SearchIndex.open(dir.resolve("index"))) {
            PaperService papers = new PaperService(db);
            IndexFollower follower = new IndexFollower(papers, index);
            importSamples(db);
            Horizon.awaitPapers(db, papers);

            assertThat(follower.catchUp()).isEqualTo(SAMPLE_PAPERS);
            assertThat(index.size()).isEqualTo(SAMPLE_PAPERS);
            assertThat(ids(index, "diphoton Tevatron")).first().isEqualTo("0704.0001");

            Paper edited = Paper.builder("0704.0001", "Quokka counting in Rottnest")
                    .version(3)
                    .build();
            db.useTransaction(h -> papers.store(h, List.of(edited)));
            Horizon.awaitPapers(db, papers);

            assertThat(follower.catchUp()).isEqualTo(1);
            assertThat(index.size()).isEqualTo(SAMPLE_PAPERS);
            assertThat(index.appliedSeq())
                    .isEqualTo(papers.find("0704.0001").orElseThrow().changeSeq());
            assertThat(ids(index, "quokka")).containsExactly("0704.0001");
            assertThat(follower.catchUp()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aCrashBetweenStoreCommitAndIndexCommit_isCaughtUpOnTheNextStart(TestStore store) throws Exception {
        Path live = dir.resolve("index");
        Path crashed = dir.resolve("index-after-crash");
        try (Database db = store.open(dir)) {
            PaperService papers = new PaperService(db);
            try (SearchIndex index = SearchIndex.open(live)) {
                IndexFollower follower = new IndexFollower(papers, index);
                db.useTransaction(h -> papers.store(
                        h,
                        List.of(Paper.builder("2401.00001", "Committed first").build())));
                Horizon.awaitPapers(db, papers);
                follower.catchUp();
                long committed = index.appliedSeq();
                importSamples(db);
                Horizon.awaitPapers(db, papers);
                // Applied to the writer but not committed: the files on disk are what a kill -9 leaves.
                index.apply(papers.changedSince(committed, 10_000));
                copyFolder(live, crashed);
            }

            try (SearchIndex reopened = SearchIndex.open(crashed)) {
                assertThat(reopened.size()).isEqualTo(1);
                assertThat(new IndexFollower(papers, reopened).catchUp()).isEqualTo(SAMPLE_PAPERS);
                assertThat(reopened.size()).isEqualTo(SAMPLE_PAPERS + 1);
                assertThat(ids(reopened, "diphoton Tevatron")).first().isEqualTo("0704.0001");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aRebuild_equalsTheIncrementallyFollowedIndex(TestStore store) throws Exception {
        try (Database db = store.open(dir);
                SearchIndex incremental = SearchIndex.open(dir.resolve("incremental"));
                SearchIndex rebuilt = SearchIndex.open(dir.resolve("rebuilt"))) {
            PaperService papers = new PaperService(db);
            IndexFollower follower = new IndexFollower(papers, incremental);
            importSamples(db);
            Horizon.awaitPapers(db, papers);
            follower.catchUp();
            db.useTransaction(h -> papers.store(
                    h,
                    List.of(Paper.builder("0704.0002", "Sparsity-certifying graph decompositions, revised")
                            .version(9)
                            .build())));
            Horizon.awaitPapers(db, papers);
            follower.catchUp();

            new IndexFollower(papers, rebuilt).rebuild();

            assertThat(rebuilt.appliedSeq()).isEqualTo(incremental.appliedSeq());
            assertThat(documents(rebuilt)).isEqualTo(documents(incremental));
            // Every match, not a top ten: papers that tie keep no particular order between two
            // indexes written on several threads, so a cut at ten could split a tie differently.
            for (String q : List.of("graph decompositions", "language model", "author:Berger", "cat:hep-ph")) {
                assertThat(allIds(rebuilt, q)).as(q).containsExactlyInAnyOrderElementsOf(allIds(incremental, q));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void anIndexBuiltByOtherAnalyzers_isRebuiltFromScratch(TestStore store) throws Exception {
        try (Database db = store.open(dir)) {
            PaperService papers = new PaperService(db);
            importSamples(db);
            Horizon.awaitPapers(db, papers);
            try (SearchIndex index = SearchIndex.open(dir.resolve("index"))) {
                new IndexFollower(papers, index).catchUp();
                index.markBuiltBy("0-obsolete");
            }
            try (SearchIndex reopened = SearchIndex.open(dir.resolve("index"))) {
                assertThat(reopened.appliedSeq()).isZero();
                assertThat(reopened.size()).isZero();
                assertThat(new IndexFollower(papers, reopened).catchUp()).isEqualTo(SAMPLE_PAPERS);
            }
        }
    }

    /** Every document as id → change number. */
    private static Map<String, Long> documents(SearchIndex index) {
        return index.withSearcher(s -> {
            Map<String, Long> docs = new TreeMap<>();
            var stored = s.storedFields();
            var live = org.apache.lucene.index.MultiBits.getLiveDocs(s.getIndexReader());
            for (int d = 0; d < s.getIndexReader().maxDoc(); d++) {
                if (live == null || live.get(d)) {
                    var doc = stored.document(d);
                    docs.put(
                            doc.get(IndexFields.ID),
                            doc.getField(IndexFields.CHANGE_SEQ).numericValue().longValue());
                }
            }
            return docs;
        });
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}

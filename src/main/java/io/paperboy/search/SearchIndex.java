package io.paperboy.search;

import io.paperboy.paper.Paper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The Lucene index of papers (text fields for BM25, optionally an HNSW vector per paper), a view
 * derived from the store. Each commit records the last change number it contains (commit user
 * data {@value #APPLIED_SEQ}), so after a crash between a store commit and an index commit the
 * follower re-applies from there; updates replace a paper's document by id, so applying a change
 * twice is harmless.
 */
public final class SearchIndex implements AutoCloseable {
    static final String APPLIED_SEQ = "paperboy.change_seq";
    /**
     * The index has read the store's embeddings (paper_embeddings) up to this seq. (Releases that
     * embedded on each node kept a cursor over paper changes under another key, now ignored: the
     * index reads the stored vectors from the start once, replacing equal vectors.)
     */
    static final String VECTORS_SEQ = "paperboy.vectors_seq";

    static final String ANALYZERS = "paperboy.analyzers";

    private final Directory directory;
    private final IndexWriter writer;
    private final PageWriter pages;
    private final SearcherManager searchers;
    private volatile long appliedSeq;
    private volatile long vectorsSeq;
    private boolean uncommitted;

    private SearchIndex(Directory directory, Similarity similarity) throws IOException {
        this.directory = directory;
        this.writer = new IndexWriter(directory, IndexConfig.writer());
        this.pages = new PageWriter(writer);
        Map<String, String> committed = new HashMap<>();
        if (writer.getLiveCommitData() != null) {
            writer.getLiveCommitData().forEach(e -> committed.put(e.getKey(), e.getValue()));
        }
        if (PaperAnalyzers.VERSION.equals(committed.get(ANALYZERS))) {
            this.appliedSeq = Long.parseLong(committed.getOrDefault(APPLIED_SEQ, "0"));
            this.vectorsSeq = Long.parseLong(committed.getOrDefault(VECTORS_SEQ, "0"));
        } else {
            // Built by other analyzers (or new): its terms cannot be trusted, so start from nothing.
            writer.deleteAll();
            this.appliedSeq = 0;
            this.vectorsSeq = 0;
            this.uncommitted = true;
        }
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(
                    org.apache.lucene.index.IndexReader reader, org.apache.lucene.index.IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(similarity);
                return searcher;
            }
        });
    }

    /** Opens (or creates) the index in {@code folder}; fails clearly when another process holds it. */
    public static SearchIndex open(Path folder) {
        Directory directory = null;
        try {
            directory = FSDirectory.open(folder);
            return new SearchIndex(directory, IndexConfig.SIMILARITY);
        } catch (LockObtainFailedException e) {
            closeQuietly(directory);
            // Lucene's lock message stays attached but is not the cause the CLI reports.
            IllegalStateException inUse = new IllegalStateException(
                    "search index " + folder + " is in use by another Paperboy process (stop the server first)");
            inUse.addSuppressed(e);
            throw inUse;
        } catch (IOException e) {
            closeQuietly(directory);
            throw new UncheckedIOException("search index: cannot open " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Directory directory) {
        if (directory == null) {
            return;
        }
        try {
            directory.close();
        } catch (IOException e) {
            // Already failing to open; the original error is the one to report.
        }
    }

    /** An index in memory, for tests and benchmarks. */
    public static SearchIndex inMemory() {
        return inMemory(IndexConfig.SIMILARITY);
    }

    /** An index in memory that ranks with {@code similarity} (for tuning its parameters). */
    static SearchIndex inMemory(Similarity similarity) {
        try {
            return new SearchIndex(new ByteBuffersDirectory(), similarity);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last change number applied (not necessarily committed yet). */
    public long appliedSeq() {
        return appliedSeq;
    }

    /** The stored embeddings read so far: those stored after this seq wait for the {@link IndexFollower}. */
    public long vectorsSeq() {
        return vectorsSeq;
    }

    /** Adds or replaces these papers' documents and makes them searchable; call {@link #commit} to persist. */
    synchronized void apply(List<Paper> papers) {
        apply(papers, null);
    }

    /**
     * As {@link #apply(List)}, with each paper's embedding ({@code vectors} in the same order, or
     * null), for tests and benchmarks that embed inline; the embedding cursor does not move.
     */
    synchronized void apply(List<Paper> papers, List<float[]> vectors) {
        add(papers, vectors);
        refresh();
    }

    /**
     * Adds or replaces these papers' documents without making them searchable yet: a rebuild adds
     * every page this way and refreshes once, at its commit (a refresh per page of 500 papers
     * was about a third of the build time).
     */
    synchronized void add(List<Paper> papers, List<float[]> vectors) {
        pages.write(papers, vectors);
        for (Paper p : papers) {
            appliedSeq = Math.max(appliedSeq, p.changeSeq());
        }
        uncommitted = true;
    }

    /**
     * Makes everything applied so far searchable now, without waiting for a {@link #commit} (which
     * syncs the files to disk first: on a busy disk that was seconds of a follower's catch-up).
     */
    void publish() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("search index: cannot refresh the searcher", e);
        }
    }

    private void refresh() {
        try {
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("search index: cannot refresh the searcher", e);
        }
    }

    /**
     * Merges the index into one segment and commits. A search visits every segment, looking up
     * each query term in each and walking each segment's HNSW graph; at 200,000 papers one
     * segment instead of 17 made BM25 searches twice as fast and vector searches four times
     * (docs/benchmarks.md). Not synchronized: the follower keeps applying changes meanwhile.
     */
    void mergeSegments() {
        try {
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException("search index: cannot merge segments", e);
        }
        commit();
    }

    /**
     * Gives these papers their embeddings ({@code vectors} in the same order) where the index
     * still holds the same version of the paper, and marks the stored embeddings read up to
     * {@code vectorsUpTo}. A version the follower replaced meanwhile keeps its newer text: its own
     * embedding is stored later. Returns how many documents got a vector.
     */
    synchronized int attachVectors(List<Paper> papers, List<float[]> vectors, long vectorsUpTo) {
        try {
            searchers.maybeRefreshBlocking();
            IndexSearcher searcher = searchers.acquire();
            int attached = 0;
            try {
                StoredFields stored = searcher.storedFields();
                for (int i = 0; i < papers.size(); i++) {
                    Paper p = papers.get(i);
                    if (indexedSeq(searcher, stored, p.id()) == p.changeSeq()) {
                        writer.updateDocument(
                                new Term(IndexFields.ID, p.id()), IndexFields.document(p, vectors.get(i)));
                        attached++;
                    }
                }
                vectorsSeq = Math.max(vectorsSeq, vectorsUpTo);
            } finally {
                searchers.release(searcher);
            }
            uncommitted = true;
            searchers.maybeRefresh();
            return attached;
        } catch (IOException e) {
            throw new UncheckedIOException("search index: cannot attach " + papers.size() + " embeddings", e);
        }
    }

    /**
     * The vector this index holds for exactly this version of the paper, else null: an index built
     * by an earlier release gives the site's embedding job what it embedded, instead of the model.
     */
    float[] vectorOf(Paper paper) {
        return withSearcher(searcher -> searcher.count(new TermQuery(new Term(IndexFields.ID, paper.id()))) == 0
                        || indexedSeq(searcher, searcher.storedFields(), paper.id()) != paper.changeSeq()
                ? null
                : PaperVectors.vectorOf(searcher, paper.id()));
    }

    /** The change number of the paper's indexed version; -1 when it is not indexed. */
    private static long indexedSeq(IndexSearcher searcher, StoredFields stored, String id) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
        if (top.scoreDocs.length == 0) {
            return -1;
        }
        return stored.document(top.scoreDocs[0].doc, Set.of(IndexFields.CHANGE_SEQ))
                .getField(IndexFields.CHANGE_SEQ)
                .numericValue()
                .longValue();
    }

    /** Documents without an embedding (not embedded yet, or embeddings off). */
    public long countWithoutVector() {
        return withSearcher(s -> s.getIndexReader().numDocs() - s.count(new FieldExistsQuery(IndexFields.VECTOR)));
    }

    /**
     * Removes these papers' documents (a curator hid them) and counts their changes as applied;
     * call {@link #commit} to persist.
     */
    synchronized void remove(List<Paper> papers) {
        try {
            for (Paper p : papers) {
                writer.deleteDocuments(new Term(IndexFields.ID, p.id()));
                appliedSeq = Math.max(appliedSeq, p.changeSeq());
            }
            uncommitted = true;
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("search index: cannot remove " + papers.size() + " papers", e);
        }
    }

    /** Removes every document, for a rebuild; the old commit stays readable until the next {@link #commit}. */
    synchronized void clear() {
        try {
            writer.deleteAll();
            appliedSeq = 0;
            vectorsSeq = 0;
            uncommitted = true;
        } catch (IOException e) {
            throw new UncheckedIOException("search index: cannot clear", e);
        }
    }

    /** Persists everything applied, with the last change number it contains. */
    void commit() {
        commit(PaperAnalyzers.VERSION);
    }

    /** Commits as if built by analyzers of {@code version}; lets a test stand in for an older release. */
    void markBuiltBy(String version) {
        commit(version);
    }

    private synchronized void commit(String analyzersVersion) {
        try {
            writer.setLiveCommitData(Map.of(
                            APPLIED_SEQ,
                            Long.toString(appliedSeq),
                            VECTORS_SEQ,
                            Long.toString(vectorsSeq),
                            ANALYZERS,
                            analyzersVersion)
                    .entrySet());
            writer.commit();
            uncommitted = false;
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("search index: cannot commit at change " + appliedSeq, e);
        }
    }

    /** Runs {@code work} on a current searcher and releases it. */
    <R> R withSearcher(SearcherWork<R> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search index: cannot search", e);
        }
    }

    /** Work on a searcher that may fail with I/O. */
    @FunctionalInterface
    interface SearcherWork<R> {
        R apply(IndexSearcher searcher) throws IOException;
    }

    public int size() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    /** Commits what was applied since the last commit, and closes. */
    @Override
    public synchronized void close() {
        if (uncommitted) {
            commit();
        }
        pages.close();
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("search index: cannot close", e);
        }
    }
}

package io.paperboy.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.db.Database;
import io.paperboy.json.Json;
import io.paperboy.listing.ListingEntry;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Imports inputs into the store in batches, each committed with a checkpoint of the input's
 * last line stored, so a killed import resumes where it stopped and a repeated one is a no-op.
 * With {@code strict}, every input is validated first and nothing is stored if any record fails.
 */
public final class Importer {
    private static final int BATCH = 1000;

    private final Database db;
    private final PaperService papers;
    private final ListingService listings;
    private final ImportCheckpoints checkpoints = new ImportCheckpoints();
    private final RecordReader reader;
    private final FormatDetector detector;
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong recordsRead = new AtomicLong();
    private Consumer<String> log = message -> {};
    private java.util.function.BiConsumer<org.jdbi.v3.core.Handle, java.util.Map<String, List<String>>> keywords =
            (h, k) -> {};

    public Importer(Database db, PaperService papers, ListingService listings, LocalDate importDate) {
        ObjectMapper json = Json.mapper();
        this.db = db;
        this.papers = papers;
        this.listings = listings;
        this.reader = new RecordReader(json, importDate);
        this.detector = new FormatDetector(json);
    }

    /** Where messages about each input (format, resumption) go; problems are in the report. */
    public Importer onMessage(Consumer<String> log) {
        this.log = log;
        return this;
    }

    /**
     * Where the key phrases a source gives (Hugging Face's {@code ai_keywords}) go, in the batch's
     * transaction, by paper id (the keyword feature, wired by app); without it they are dropped.
     */
    public Importer onKeywords(
            java.util.function.BiConsumer<org.jdbi.v3.core.Handle, java.util.Map<String, List<String>>> store) {
        this.keywords = store;
        return this;
    }

    /** Raw bytes read so far across inputs, for progress. */
    public long bytesRead() {
        return bytesRead.get();
    }

    public long recordsRead() {
        return recordsRead.get();
    }

    public static long totalBytes(List<Path> files) {
        return files.stream()
                .mapToLong(f -> {
                    try {
                        return Files.isRegularFile(f) ? Files.size(f) : 0;
                    } catch (IOException e) {
                        return 0;
                    }
                })
                .sum();
    }

    public ImportReport run(List<Path> files, boolean strict) {
        ImportReport report = new ImportReport();
        if (strict) {
            files.forEach(f -> validate(f, report));
            bytesRead.set(0);
            recordsRead.set(0);
            if (!report.success()) {
                report.nothingCommitted();
                return report;
            }
        }
        files.forEach(f -> importFile(f, report));
        return report;
    }

    private void validate(Path file, ImportReport report) {
        withInput(
                file,
                report,
                (input, format) -> reader.read(input, format, 0, new RecordReader.Sink() {
                    @Override
                    public void accept(ImportRecord record) {
                        recordsRead.incrementAndGet();
                    }

                    @Override
                    public void reject(Problem problem) {
                        report.rejected(problem);
                    }
                }));
    }

    private void importFile(Path file, ImportReport report) {
        withInput(file, report, (input, format) -> {
            String key = inputKey(file);
            ImportCheckpoints.Checkpoint start =
                    db.withHandle(h -> checkpoints.find(h, key)).orElse(new ImportCheckpoints.Checkpoint(0, 0));
            if (start.linesDone() > 0) {
                log.accept(file + ": resuming an interrupted import after line " + start.linesDone());
                report.rejectedEarlier(start.rejected());
            }
            try (BatchWriter writer = new BatchWriter()) {
                Batcher batcher = new Batcher(file, key, start, report, writer);
                reader.read(input, format, start.linesDone(), batcher);
                batcher.finish();
            }
        });
    }

    private interface InputWork {
        void run(InputFile input, SourceFormat format);
    }

    private void withInput(Path file, ImportReport report, InputWork work) {
        try (InputFile input = InputFile.open(file, bytesRead)) {
            SourceFormat format = detector.detect(input.content());
            log.accept(file + ": " + format.description() + (input.gzip() ? ", gzip" : ""));
            work.run(input, format);
        } catch (InputFile.InputException e) {
            report.rejected(new Problem(file, 0, e.getMessage()));
        } catch (IOException e) {
            report.rejected(new Problem(file, 0, InputFile.gzipProblem(e)));
        }
    }

    // Same path, size and modification time: the same input, so its checkpoint applies.
    private static String inputKey(Path file) {
        try {
            String identity = file.toAbsolutePath().normalize() + "|" + Files.size(file) + "|"
                    + Files.getLastModifiedTime(file).toMillis();
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot identify " + file + ": " + e.getMessage(), e);
        }
    }

    /** Collects records into batches and commits each with the input's checkpoint. */
    private final class Batcher implements RecordReader.Sink {
        private final Path file;
        private final String key;
        private final ImportReport report;
        private final BatchWriter writer;
        private final List<ImportRecord> batch = new ArrayList<>(BATCH);
        private long lastLine;
        private long rejected;

        Batcher(Path file, String key, ImportCheckpoints.Checkpoint start, ImportReport report, BatchWriter writer) {
            this.file = file;
            this.key = key;
            this.report = report;
            this.writer = writer;
            this.lastLine = start.linesDone();
            this.rejected = start.rejected();
        }

        @Override
        public void accept(ImportRecord record) {
            recordsRead.incrementAndGet();
            batch.add(record);
            lastLine = record.line();
            if (batch.size() >= BATCH) {
                commit(false);
            }
        }

        @Override
        public void reject(Problem problem) {
            rejected++;
            lastLine = Math.max(lastLine, problem.line());
            report.rejected(problem);
        }

        void finish() {
            commit(true);
            writer.drain();
        }

        private void commit(boolean last) {
            List<Paper> paperBatch = batch.stream().map(ImportRecord::paper).toList();
            List<ListingEntry> listingBatch =
                    batch.stream().flatMap(r -> r.listings().stream()).toList();
            java.util.Map<String, List<String>> phraseBatch = new java.util.HashMap<>();
            batch.stream()
                    .filter(r -> !r.keywords().isEmpty())
                    .forEach(r -> phraseBatch.put(r.paper().id(), r.keywords()));
            ImportCheckpoints.Checkpoint checkpoint = new ImportCheckpoints.Checkpoint(lastLine, rejected);
            writer.submit(() -> db.useTransaction(h -> {
                PaperService.StoreResult stored = papers.store(h, paperBatch);
                int listed = listings.store(h, listingBatch);
                if (!phraseBatch.isEmpty()) {
                    keywords.accept(h, phraseBatch);
                }
                if (last) {
                    checkpoints.delete(h, key);
                } else {
                    checkpoints.save(h, key, file.toString(), checkpoint);
                }
                report.stored(paperBatch.size(), stored.inserted(), stored.updated(), stored.unchanged(), listed);
            }));
            batch.clear();
        }
    }
}

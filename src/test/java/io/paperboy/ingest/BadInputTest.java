package io.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.db.Database;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.Samples;
import io.paperboy.testing.TestStore;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class BadInputTest {
    @TempDir
    Path dir;

    private static final String GOOD_1 = record("0704.0001", "A good first paper");
    private static final String GOOD_2 = record("0704.0002", "A good second paper");

    private static String record(String id, String title) {
        return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"abstract\":\"  Text.\\n\",\"authors\":\"A. B\","
                + "\"categories\":\"cs.CL\",\"versions\":[{\"version\":\"v1\",\"created\":\"Mon, 2 Apr 2007 19:18:42 GMT\"}],"
                + "\"update_date\":\"2007-04-03\",\"authors_parsed\":[[\"B\",\"A.\",\"\"]]}";
    }

    private ImportReport run(Database db, boolean strict, Path... files) {
        return new Importer(db, new PaperService(db), new ListingService(db), LocalDate.of(2026, 11, 29))
                .run(List.of(files), strict);
    }

    private Path file(String name, byte[] content) throws Exception {
        Path path = dir.resolve(name);
        Files.write(path, content);
        return path;
    }

    private Path mixedFile() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((GOOD_1 + "\n").getBytes(StandardCharsets.UTF_8));
        out.write("{\"id\":\"0704.0003\",\"title\":\"broken\",\n".getBytes(StandardCharsets.UTF_8));
        out.write((record("0704.0004", "") + "\n").getBytes(StandardCharsets.UTF_8));
        out.write((record("", "No id here") + "\n").getBytes(StandardCharsets.UTF_8));
        out.write((record("0713.0001", "Month thirteen") + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] invalidUtf8 = (record("0704.0005", "Bad bytes XX") + "\n").getBytes(StandardCharsets.UTF_8);
        int at = new String(invalidUtf8, StandardCharsets.UTF_8).indexOf("XX");
        invalidUtf8[at] = (byte) 0xC3;
        invalidUtf8[at + 1] = (byte) 0x28;
        out.write(invalidUtf8);
        out.write((GOOD_2 + "\n").getBytes(StandardCharsets.UTF_8));
        return file("mixed.jsonl", out.toByteArray());
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void eachBadRecord_isReportedWithLineAndReason_andTheGoodOnesAreKept(TestStore store) throws Exception {
        Path mixed = mixedFile();
        try (Database db = store.open(dir)) {
            ImportReport report = run(db, false, mixed);

            assertThat(report.problems())
                    .extracting(Problem::toString)
                    .containsExactly(
                            mixed
                                    + ":2: malformed JSON at column 36: Unexpected end-of-input within/between Object entries",
                            mixed + ":3: field 'title': missing or empty",
                            mixed + ":4: field 'id': missing or empty",
                            mixed + ":5: field 'id': " + invalidIdMessage("0713.0001"),
                            mixed + ":6: invalid UTF-8 at byte "
                                    + (record("0704.0005", "Bad bytes XX").indexOf("XX") + 1) + " of the line");
            assertThat(report.success()).isFalse();
            PaperService papers = new PaperService(db);
            assertThat(papers.count()).isEqualTo(2);
            assertThat(papers.find("0704.0001")).isPresent();
            assertThat(papers.find("0704.0002")).isPresent();
        }
    }

    private static String invalidIdMessage(String raw) {
        try {
            io.paperboy.paper.ArxivId.parse(raw);
            throw new AssertionError(raw + " should be invalid");
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void strict_storesNothingWhenAnyRecordIsBad(TestStore store) throws Exception {
        Path mixed = mixedFile();
        Path good = Samples.copy(Samples.HF_DAILY, dir);
        try (Database db = store.open(dir)) {
            ImportReport report = run(db, true, good, mixed);

            assertThat(report.committed()).isFalse();
            assertThat(report.rejected()).isEqualTo(5);
            assertThat(new PaperService(db).count()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void truncatedGzip_keepsTheRecordsBeforeTheCut(TestStore store) throws Exception {
        byte[] whole = gzip(Files.readAllBytes(Samples.copy(Samples.SNAPSHOT, dir)));
        Path cut = file("snapshot.jsonl.gz", Arrays.copyOf(whole, whole.length / 2));
        try (Database db = store.open(dir)) {
            ImportReport report = run(db, false, cut);

            assertThat(report.problems())
                    .singleElement()
                    .asString()
                    .contains(cut.toString())
                    .contains("the gzip data ends early (truncated file?)");
            long kept = new PaperService(db).count();
            assertThat(kept).isBetween(50L, 199L);
            assertThat(report.inserted()).isEqualTo(kept);
        }
    }

    @Test
    void gzippedInput_isReadLikeThePlainFile() throws Exception {
        Path gz = file("hf.json.gz", gzip(Files.readAllBytes(Samples.copy(Samples.HF_DAILY, dir))));
        try (Database db = TestStore.SQLITE.open(dir)) {
            ImportReport report = run(db, false, gz);

            assertThat(report.problems()).isEmpty();
            assertThat(report.inserted()).isEqualTo(30);
        }
    }

    @Test
    void emptyMissingAndDirectoryInputs_areReportedAndTheOthersImported() throws Exception {
        Path empty = file("empty.jsonl", new byte[0]);
        Path missing = dir.resolve("missing.jsonl");
        Path folder = Files.createDirectory(dir.resolve("folder"));
        Path notJson = file("notes.txt", "hello\n".getBytes(StandardCharsets.UTF_8));
        Path good = Samples.copy(Samples.HF_DAILY, dir);
        try (Database db = TestStore.SQLITE.open(dir)) {
            ImportReport report = run(db, false, empty, missing, folder, notJson, good);

            assertThat(report.problems())
                    .extracting(Problem::toString)
                    .containsExactly(
                            empty + ": the file is empty",
                            missing + ": no such file",
                            folder + ": is a directory, not a file",
                            notJson + ": not JSON: expected '{' (JSON lines) or '[' (a JSON array), found 'h'");
            assertThat(report.inserted()).isEqualTo(30);
        }
    }

    @Test
    void truncatedHfArray_keepsTheEntriesBeforeTheCut() throws Exception {
        byte[] whole = Files.readAllBytes(Samples.copy(Samples.HF_DAILY, dir));
        Path cut = file("cut.json", Arrays.copyOf(whole, whole.length / 2));
        try (Database db = TestStore.SQLITE.open(dir)) {
            ImportReport report = run(db, false, cut);

            assertThat(report.problems()).singleElement().asString().contains("malformed JSON");
            assertThat(report.inserted()).isBetween(10L, 29L);
        }
    }

    private static byte[] gzip(byte[] content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }
}

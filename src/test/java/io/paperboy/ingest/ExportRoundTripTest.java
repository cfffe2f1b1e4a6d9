package io.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.db.Database;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.Samples;
import io.paperboy.testing.TestStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class ExportRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void exportThenImportIntoAnEmptyStore_losesNothing(TestStore store) throws Exception {
        String first;
        try (Database db = store.open(dir)) {
            run(
                    db,
                    Samples.copy(Samples.SNAPSHOT, dir),
                    Samples.copy(Samples.HF_DAILY, dir),
                    Samples.copy(Samples.SEED, dir));
            first = export(db);
        }
        Path exportFile = dir.resolve("export.jsonl");
        Files.writeString(exportFile, first);

        try (Database copy = store.open(dir)) {
            ImportReport report = run(copy, exportFile);

            assertThat(report.problems()).isEmpty();
            assertThat(report.inserted()).isEqualTo(344);
            assertThat(withoutHeader(export(copy))).isEqualTo(withoutHeader(first));
        }
    }

    private static ImportReport run(Database db, Path... files) {
        return new Importer(db, new PaperService(db), new ListingService(db), LocalDate.of(2026, 11, 29))
                .run(List.of(files), false);
    }

    private static String export(Database db) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Exporter(new PaperService(db), new ListingService(db)).export(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    // The header carries the export time, the only thing allowed to differ.
    private static String withoutHeader(String export) {
        return export.substring(export.indexOf('\n') + 1);
    }
}

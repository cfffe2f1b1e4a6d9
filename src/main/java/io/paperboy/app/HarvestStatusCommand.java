package io.paperboy.app;

import io.paperboy.db.Database;
import io.paperboy.ingest.arxiv.HarvestStatus;
import io.paperboy.jobs.JobRuns;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code paperboy harvest status}: each harvested set's progress and last error, and the last nightly run. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show each harvested endpoint and set (progress, next start, last success, last error) "
                + "and the outcome of the last nightly harvest run by serve.")
final class HarvestStatusCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        try (Database db = store.open()) {
            List<HarvestStatus> states = HarvestStatus.all(db);
            if (states.isEmpty()) {
                System.out.println("No harvest has run on this store yet.");
            }
            states.forEach(s -> System.out.println(s.line()));
            new JobRuns(db)
                    .latest(NightlyHarvest.JOB)
                    .ifPresent(run -> System.out.printf(
                            "Last nightly run: %s on %s, %s%n",
                            run.runKey(),
                            run.node(),
                            run.finishedAt() == null ? "still running (or stopped)" : "finished: " + run.outcome()));
            return 0;
        }
    }
}

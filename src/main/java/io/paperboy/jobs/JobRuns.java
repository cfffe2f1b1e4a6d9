package io.paperboy.jobs;

import io.paperboy.db.Database;
import java.time.Instant;
import java.util.Optional;

/** SQL for job_runs: claiming a run of a job so that exactly one node does it, and its outcome. */
public final class JobRuns {
    /** The latest run of a job, for operators. */
    public record Run(String runKey, String node, Instant claimedAt, Instant finishedAt, String outcome) {}

    private final Database db;

    public JobRuns(Database db) {
        this.db = db;
    }

    /** True when this node won the run; false when another node (or an earlier attempt) has it. */
    public boolean claim(String job, String runKey, String node) {
        return db.withHandle(h -> h.createUpdate("INSERT INTO job_runs (job, run_key, node, claimed_at) "
                                + "VALUES (:job, :key, :node, :now) ON CONFLICT (job, run_key) DO NOTHING")
                        .bind("job", job)
                        .bind("key", runKey)
                        .bind("node", node)
                        .bind("now", Instant.now())
                        .execute())
                == 1;
    }

    public void finish(String job, String runKey, String outcome) {
        db.withHandle(h -> h.createUpdate("UPDATE job_runs SET finished_at = :now, outcome = :outcome "
                        + "WHERE job = :job AND run_key = :key")
                .bind("job", job)
                .bind("key", runKey)
                .bind("now", Instant.now())
                .bind("outcome", outcome.length() > 2000 ? outcome.substring(0, 2000) : outcome)
                .execute());
    }

    public Optional<Run> latest(String job) {
        return db.withHandle(h -> h.createQuery("SELECT run_key, node, claimed_at, finished_at, outcome FROM job_runs "
                        + "WHERE job = :job ORDER BY claimed_at DESC, run_key DESC LIMIT 1")
                .bind("job", job)
                .map((rs, ctx) -> new Run(
                        rs.getString("run_key"),
                        rs.getString("node"),
                        Instant.parse(rs.getString("claimed_at")),
                        rs.getString("finished_at") == null ? null : Instant.parse(rs.getString("finished_at")),
                        rs.getString("outcome")))
                .findOne());
    }

    /** The jobs that ever ran, by name. */
    public java.util.List<String> jobs() {
        return db.withHandle(h -> h.createQuery("SELECT DISTINCT job FROM job_runs ORDER BY job")
                .mapTo(String.class)
                .list());
    }

    /** The latest run of a job whose outcome says it failed ("failed: …"), for operators. */
    public Optional<Run> latestFailure(String job) {
        return db.withHandle(h -> h.createQuery("SELECT run_key, node, claimed_at, finished_at, outcome FROM job_runs "
                        + "WHERE job = :job AND outcome LIKE 'failed%' ORDER BY claimed_at DESC LIMIT 1")
                .bind("job", job)
                .map((rs, ctx) -> new Run(
                        rs.getString("run_key"),
                        rs.getString("node"),
                        Instant.parse(rs.getString("claimed_at")),
                        rs.getString("finished_at") == null ? null : Instant.parse(rs.getString("finished_at")),
                        rs.getString("outcome")))
                .findOne());
    }
}

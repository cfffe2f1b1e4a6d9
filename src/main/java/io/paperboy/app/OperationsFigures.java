package io.paperboy.app;

import io.paperboy.db.Timestamps;
import io.paperboy.ingest.arxiv.HarvestStatus;
import io.paperboy.jobs.JobRuns;
import io.paperboy.jobs.NodeReports;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The operator page's figures ({@link Operations.Snapshot}) as Prometheus series, one list per
 * snapshot: names carry their unit ({@code _seconds}, {@code _bytes}, {@code _papers}); moments
 * are Unix times in seconds ({@code _timestamp_seconds}) so that an alert reads
 * {@code time() - x}; a figure the page shows as "never" or "unknown" has no series at all. Texts
 * (a job's last error) stay on the page: a label per message would make a new series per error.
 *
 * <p>Jobs are labelled {@code name}, not {@code job}: Prometheus puts its own {@code job} label on
 * every scraped series and would rename ours to {@code exported_job}.
 */
final class OperationsFigures {
    /** The outbox's statuses, always all present (0 when none), as on the page. */
    static final List<String> OUTBOX_STATUSES = List.of("pending", "sending", "sent", "failed", "cancelled");

    /** A gauge or a counter ({@code counter}: Prometheus adds {@code _total}); {@code value} reads the scrape's time. */
    record Figure(
            String name, List<String> tags, String description, boolean counter, ToDoubleFunction<Instant> value) {
        /** What tells two series apart: the name and the label pairs. */
        String key() {
            return name + tags;
        }
    }

    private final List<Figure> figures = new ArrayList<>();

    private OperationsFigures() {}

    static List<Figure> of(Operations.Snapshot s) {
        OperationsFigures f = new OperationsFigures();
        f.site(s);
        s.nodes().forEach(f::node);
        s.jobs().forEach(f::job);
        s.harvests().forEach(f::harvest);
        f.outbox(s.outbox(), s.oldestWaitingMail());
        f.embeddings(s.embeddings());
        return List.copyOf(f.figures);
    }

    private void site(Operations.Snapshot s) {
        gauge("paperboy.store.size.bytes", "The store's size on disk", s.storeBytes());
        gauge("paperboy.start.time.seconds", "When this node started (Unix time)", seconds(s.startedAt()));
        add(
                "paperboy.uptime.seconds",
                List.of(),
                "How long this node has been up",
                false,
                now -> Duration.between(s.startedAt(), now).toMillis() / 1000.0);
        add(
                "paperboy.operations.age.seconds",
                List.of(),
                "How old the paperboy_* figures read from the store are (read every "
                        + OperationsMetrics.EVERY.toSeconds() + " s; growing while the store does not answer)",
                false,
                now -> Math.max(0, Duration.between(s.at(), now).toMillis() / 1000.0));
        gauge(
                "paperboy.nodes.seen",
                "Nodes that reported within the last " + NodeReports.RECENT.toMinutes() + " minutes",
                s.nodes().size());
    }

    private void node(NodeReports.Report n) {
        List<String> node = List.of("node", n.node());
        gauge(
                "paperboy.node.info",
                List.of("node", n.node(), "version", n.version()),
                "A node seen recently, and its version",
                1);
        gauge("paperboy.node.start.time.seconds", node, "When the node started (Unix time)", seconds(n.startedAt()));
        gauge(
                "paperboy.node.last.seen.timestamp.seconds",
                node,
                "The node's last report (Unix time)",
                seconds(n.seenAt()));
        gauge("paperboy.node.index.lag.papers", node, "Papers the node's search index has yet to apply", n.indexLag());
        gauge(
                "paperboy.node.index.lag.embeddings",
                node,
                "Stored embeddings the node's index has yet to read",
                n.vectorsLag());
        gauge(
                "paperboy.node.index.applied.change",
                node,
                "The last store change the node's index applied",
                n.indexApplied());
    }

    private void job(Operations.Job j) {
        List<String> name = List.of("name", j.name());
        Duration every = Operations.SCHEDULES.get(j.name());
        if (every != null) {
            gauge("paperboy.job.interval.seconds", name, "How often the scheduled job is due", every.toSeconds());
        }
        if (j.next() != null) {
            gauge(
                    "paperboy.job.next.run.timestamp.seconds",
                    name,
                    "When the job is next due (Unix time)",
                    seconds(j.next()));
        }
        JobRuns.Run last = j.last();
        if (last != null) {
            gauge(
                    "paperboy.job.last.run.timestamp.seconds",
                    name,
                    "When the job's latest run was claimed (Unix time)",
                    seconds(last.claimedAt()));
            gauge(
                    "paperboy.job.running",
                    name,
                    "1 while the job's latest run has not finished",
                    last.finishedAt() == null ? 1 : 0);
            gauge(
                    "paperboy.job.last.run.failed",
                    name,
                    "1 when the job's latest run failed (the error is on the operator page)",
                    failed(last) ? 1 : 0);
            if (last.finishedAt() != null) {
                gauge(
                        "paperboy.job.last.finished.timestamp.seconds",
                        name,
                        "When the job's latest run finished (Unix time)",
                        seconds(last.finishedAt()));
            }
        }
        if (j.lastFailure() != null) {
            gauge(
                    "paperboy.job.last.failure.timestamp.seconds",
                    name,
                    "When the job's latest failed run was claimed (Unix time)",
                    seconds(j.lastFailure().claimedAt()));
        }
    }

    static boolean failed(JobRuns.Run run) {
        return run.outcome() != null && run.outcome().startsWith("failed");
    }

    private void harvest(HarvestStatus h) {
        List<String> set = List.of("endpoint", h.endpoint(), "set", setName(h.set()));
        gauge("paperboy.harvest.records", set, "Records harvested in the set's current or last run", h.recordsDone());
        gauge(
                "paperboy.harvest.in.progress",
                set,
                "1 when the set's harvest was interrupted and will resume",
                h.inProgress() ? 1 : 0);
        gauge(
                "paperboy.harvest.failing",
                set,
                "1 when the set's last harvest ended in an error (on the operator page)",
                h.lastError() == null ? 0 : 1);
        if (h.lastSuccessAt() != null) {
            gauge(
                    "paperboy.harvest.last.success.timestamp.seconds",
                    set,
                    "When the set's harvest last finished (Unix time)",
                    seconds(Timestamps.parse(h.lastSuccessAt())));
        }
    }

    /** The set as the operator page names it: "(all)" for the whole endpoint. */
    static String setName(String set) {
        return set.isEmpty() ? "(all)" : set;
    }

    private void outbox(Map<String, Integer> counts, Instant oldestWaiting) {
        for (String status : OUTBOX_STATUSES) {
            gauge(
                    "paperboy.outbox.mails",
                    List.of("status", status),
                    "Digest mails in the outbox, by status",
                    counts.getOrDefault(status, 0));
        }
        add(
                "paperboy.outbox.oldest.waiting.age.seconds",
                List.of(),
                "How long the oldest mail still waiting (pending or " + "being sent) has waited; 0 when none waits",
                false,
                now -> oldestWaiting == null
                        ? 0
                        : Math.max(0, Duration.between(oldestWaiting, now).toMillis() / 1000.0));
    }

    private void embeddings(Operations.Embeddings e) {
        gauge(
                "paperboy.embeddings.pending.papers",
                List.of(),
                "Papers waiting for the site's embedding job",
                e.pending());
        add(
                "paperboy.embeddings.stored",
                List.of(),
                "Embeddings the site has written (each paper once; a changed paper again)",
                true,
                now -> e.stored());
        gauge(
                "paperboy.embeddings.rate.papers.per.second",
                List.of(),
                "The embedding job's holder's rate",
                e.papersPerSecond());
        if (e.eta() != null) {
            gauge(
                    "paperboy.embeddings.eta.seconds",
                    List.of(),
                    "Time left for the pending papers at that rate",
                    e.eta().toSeconds());
        }
        gauge(
                "paperboy.embeddings.lease.held",
                List.of(),
                "1 while a node holds the embedding job",
                e.holder() == null ? 0 : 1);
        gauge(
                "paperboy.embeddings.failing",
                List.of(),
                "1 when the embedding job's last round failed (on the operator page)",
                e.lastError() == null ? 0 : 1);
    }

    private static double seconds(Instant at) {
        return at.toEpochMilli() / 1000.0;
    }

    private void gauge(String name, String description, double value) {
        gauge(name, List.of(), description, value);
    }

    private void gauge(String name, List<String> tags, String description, double value) {
        add(name, tags, description, false, now -> value);
    }

    private void add(
            String name, List<String> tags, String description, boolean counter, ToDoubleFunction<Instant> value) {
        figures.add(new Figure(name, tags, description, counter, value));
    }
}

package io.paperboy.app;

import java.util.function.LongSupplier;
import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with rate and ETA on stderr for long work, fed by polling counters. On a
 * terminal it redraws every half second; in a log (no terminal) it prints a line every 15 s.
 */
final class ProgressDisplay implements AutoCloseable {
    private final ProgressBar bar;
    private final Thread poller;

    ProgressDisplay(String task, long total, String unit, long unitSize, LongSupplier done, Supplier<String> extra) {
        this(task, () -> Math.max(total, 1), unit, unitSize, done, extra);
    }

    /** For work whose size is learnt on the way (a harvest learns it from the first page); 0 means not yet known. */
    ProgressDisplay(
            String task, LongSupplier total, String unit, long unitSize, LongSupplier done, Supplier<String> extra) {
        boolean terminal = System.console() != null;
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total.getAsLong() > 0 ? total.getAsLong() : -1)
                .setUnit(unit, unitSize)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(terminal ? 500 : 15_000);
        builder.setConsumer(
                terminal
                        ? new ConsoleProgressBarConsumer(System.err)
                        : new DelegatingProgressBarConsumer(System.err::println));
        this.bar = builder.build();
        this.poller = Thread.ofPlatform().daemon().name("progress").start(() -> poll(total, done, extra));
    }

    private void poll(LongSupplier total, LongSupplier done, Supplier<String> extra) {
        while (!Thread.currentThread().isInterrupted()) {
            long max = total.getAsLong();
            if (max > 0) {
                bar.maxHint(max);
            }
            bar.stepTo(done.getAsLong());
            bar.setExtraMessage(extra.get());
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        poller.interrupt();
        try {
            poller.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        bar.stepTo(Math.max(bar.getMax(), bar.getCurrent()));
        bar.close();
    }
}

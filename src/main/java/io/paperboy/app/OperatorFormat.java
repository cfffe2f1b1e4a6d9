package io.paperboy.app;

import java.time.Duration;
import java.util.Locale;

/** Figures on the operator page in words a person reads at a glance. */
public final class OperatorFormat {
    private OperatorFormat() {}

    /** 1.4 MB, 812 kB, 96 B. */
    public static String bytes(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        if (bytes >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return bytes >= 1000 ? (bytes / 1000) + " kB" : bytes + " B";
    }

    /** 3 d 4 h, 2 h 5 min, 4 min 10 s, 12 s. */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 86_400) {
            return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
        }
        if (s >= 3600) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        return s >= 60 ? s / 60 + " min " + s % 60 + " s" : s + " s";
    }

    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }
}

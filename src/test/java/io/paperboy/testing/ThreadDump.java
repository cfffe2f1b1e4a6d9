package io.paperboy.testing;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This JVM's threads, virtual ones included (a server's handlers run on virtual threads, which
 * {@link Thread#getAllStackTraces} leaves out): how many are inside a given method now.
 */
public final class ThreadDump {
    private ThreadDump() {}

    /** Threads whose stack holds {@code method} (as {@code io.paperboy.app.Health.ready}). */
    public static int countThreadsIn(String method) throws IOException {
        Path file = Files.createTempFile("paperboy-threads-", ".txt");
        try {
            Files.delete(file); // the dump refuses to overwrite
            // A frame: "pkg.Class.method(File.java:1)", indented, with "at " before it in the JDK 25 dump.
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
            Matcher frames = Pattern.compile("(?m)^\\s+(?:at )?" + Pattern.quote(method) + "\\(")
                    .matcher(Files.readString(file));
            int count = 0;
            while (frames.find()) {
                count++;
            }
            return count;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

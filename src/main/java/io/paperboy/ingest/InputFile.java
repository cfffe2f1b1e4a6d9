package io.paperboy.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * An input opened for reading: gzip detected from its first bytes (not its name) and undone,
 * with a count of the raw bytes read so far for progress and ETA.
 */
final class InputFile implements AutoCloseable {
    private static final int GZIP_MAGIC = 0x8b1f;

    private final Path path;
    private final long size;
    private final boolean gzip;
    private final BufferedInputStream content;
    private final InputStream raw;

    private InputFile(Path path, long size, boolean gzip, BufferedInputStream content, InputStream raw) {
        this.path = path;
        this.size = size;
        this.gzip = gzip;
        this.content = content;
        this.raw = raw;
    }

    /** Opens {@code path}, or explains in one sentence why it cannot be read. */
    static InputFile open(Path path, AtomicLong bytesRead) throws InputException {
        if (Files.isDirectory(path)) {
            throw new InputException("is a directory, not a file");
        }
        try {
            long size = Files.size(path);
            if (size == 0) {
                throw new InputException("the file is empty");
            }
            InputStream raw = new CountingStream(Files.newInputStream(path), bytesRead);
            BufferedInputStream peek = new BufferedInputStream(raw, 1 << 16);
            boolean gzip = startsWithGzipMagic(peek);
            BufferedInputStream content =
                    gzip ? new BufferedInputStream(new GZIPInputStream(peek, 1 << 16), 1 << 16) : peek;
            return new InputFile(path, size, gzip, content, raw);
        } catch (NoSuchFileException e) {
            throw new InputException("no such file");
        } catch (AccessDeniedException e) {
            throw new InputException("permission denied");
        } catch (IOException e) {
            throw new InputException(gzipProblem(e));
        }
    }

    /** Says what a read failure means, naming the common truncated-download case. */
    static String gzipProblem(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.io.EOFException) {
            return "the gzip data ends early (truncated file?)";
        }
        if (e instanceof java.util.zip.ZipException) {
            return "corrupt gzip data (" + message + ")";
        }
        return "read error: " + message;
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    boolean gzip() {
        return gzip;
    }

    /** The decompressed content, supporting mark/reset for format detection. */
    BufferedInputStream content() {
        return content;
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }

    private static boolean startsWithGzipMagic(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 >= 0 && b1 >= 0 && ((b1 << 8) | b0) == GZIP_MAGIC;
    }

    /** A file-level failure; the message is the reason, without the path. */
    static final class InputException extends Exception {
        InputException(String reason) {
            super(reason);
        }
    }

    private static final class CountingStream extends FilterInputStream {
        private final AtomicLong count;

        CountingStream(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}

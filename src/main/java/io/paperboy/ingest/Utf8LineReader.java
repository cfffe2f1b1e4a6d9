package io.paperboy.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads lines of bytes and decodes each on its own, strictly, so one line of invalid UTF-8 is
 * reported and skipped while the lines around it are kept (a {@code Reader} would fail the rest
 * of the file). Memory stays bounded: a line longer than the limit is skipped, not buffered.
 */
final class Utf8LineReader {
    /** A line's text, or why it could not be read. Exactly one of the two is non-null. */
    record Line(long number, String text, String problem) {}

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[1 << 16];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] line = new byte[1 << 12];
    private int bufferPos;
    private int bufferEnd;
    private long lineNumber;

    Utf8LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of input. */
    Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean sawAny = false;
        while (true) {
            if (bufferPos == bufferEnd && !fill()) {
                if (!sawAny) {
                    return null;
                }
                break;
            }
            sawAny = true;
            int newline = indexOfNewline();
            int end = newline >= 0 ? newline : bufferEnd;
            int chunk = end - bufferPos;
            if (!tooLong && length + chunk > maxLineBytes) {
                tooLong = true;
            }
            if (!tooLong) {
                ensureCapacity(length + chunk);
                System.arraycopy(buffer, bufferPos, line, length, chunk);
                length += chunk;
            }
            bufferPos = newline >= 0 ? newline + 1 : bufferEnd;
            if (newline >= 0) {
                break;
            }
        }
        lineNumber++;
        if (tooLong) {
            return new Line(lineNumber, null, "line is longer than " + maxLineBytes + " bytes; skipped");
        }
        return decode(length);
    }

    long lineNumber() {
        return lineNumber;
    }

    private Line decode(int length) {
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CharBuffer chars = CharBuffer.allocate(length);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            return new Line(lineNumber, null, "invalid UTF-8 at byte " + (bytes.position() + 1) + " of the line");
        }
        chars.flip();
        return new Line(lineNumber, chars.toString(), null);
    }

    private int indexOfNewline() {
        for (int i = bufferPos; i < bufferEnd; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        bufferPos = 0;
        bufferEnd = n;
        return true;
    }

    private void ensureCapacity(int needed) {
        if (needed > line.length) {
            line = Arrays.copyOf(line, Math.max(needed, line.length * 2));
        }
    }
}

package io.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class Utf8LineReaderTest {
    private static List<Utf8LineReader.Line> read(byte[] bytes, int maxLine) throws IOException {
        Utf8LineReader reader = new Utf8LineReader(new ByteArrayInputStream(bytes), maxLine);
        List<Utf8LineReader.Line> lines = new ArrayList<>();
        for (Utf8LineReader.Line line = reader.next(); line != null; line = reader.next()) {
            lines.add(line);
        }
        return lines;
    }

    @Test
    void invalidBytes_failOnlyTheirLine() throws IOException {
        byte[] bytes = {'a', '\n', 'b', (byte) 0xFF, 'c', '\n', 'd', (byte) 0xC3, (byte) 0xA9, '\n'};

        List<Utf8LineReader.Line> lines = read(bytes, 100);

        assertThat(lines)
                .containsExactly(
                        new Utf8LineReader.Line(1, "a", null),
                        new Utf8LineReader.Line(2, null, "invalid UTF-8 at byte 2 of the line"),
                        new Utf8LineReader.Line(3, "dé", null));
    }

    @Test
    void overlongLine_isSkippedAndTheNextOneRead() throws IOException {
        byte[] bytes = ("x".repeat(50) + "\nshort\r\nlast").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        List<Utf8LineReader.Line> lines = read(bytes, 10);

        assertThat(lines)
                .containsExactly(
                        new Utf8LineReader.Line(1, null, "line is longer than 10 bytes; skipped"),
                        new Utf8LineReader.Line(2, "short", null),
                        new Utf8LineReader.Line(3, "last", null));
    }

    @Test
    void linesLongerThanTheBuffer_areJoined() throws IOException {
        String longLine = "y".repeat(200_000);

        List<Utf8LineReader.Line> lines =
                read((longLine + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), 1 << 20);

        assertThat(lines).containsExactly(new Utf8LineReader.Line(1, longLine, null));
    }
}

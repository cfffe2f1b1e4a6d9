package io.paperboy.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.paper.Paper;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A worker stopped in the middle of a batch records a cursor that skips no paper. */
class KeywordCursorTest {
    private static List<Paper> batch(long... seqs) {
        return LongStream.of(seqs)
                .mapToObj(seq -> new Paper(
                        "p" + seq + "-" + Math.random(),
                        1,
                        "T",
                        "",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        seq))
                .toList();
    }

    @Test
    void aWholeBatch_movesTheCursorToItsLastChange() {
        assertThat(KeywordWorker.cursorAfter(batch(3, 4, 7), 3)).isEqualTo(7);
    }

    @Test
    void aBatchStoppedBetweenChanges_movesTheCursorToTheLastDoneChange() {
        assertThat(KeywordWorker.cursorAfter(batch(3, 4, 7), 2)).isEqualTo(4);
    }

    @Test
    void aBatchStoppedInsideOneChange_doesNotPassThatChange() {
        // Papers 2 and 3 share change 5: only the first was done, so the cursor stays at 4.
        assertThat(KeywordWorker.cursorAfter(batch(4, 5, 5, 6), 2)).isEqualTo(4);
    }

    @Test
    void aBatchStoppedBeforeItsFirstChangeWasWhole_recordsNothing() {
        assertThat(KeywordWorker.cursorAfter(batch(5, 5, 6), 1)).isEqualTo(-1);
        assertThat(KeywordWorker.cursorAfter(batch(5, 6), 0)).isEqualTo(-1);
    }
}

package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a paper that contains none of the words may enter by meaning alone. */
final class MeaningFloorTest {
    private final MeaningFloor floor = new MeaningFloor(0.70, 0.60, 3);

    @Test
    void withoutWordMatches_onlyTheAbsoluteFloorHolds() {
        assertThat(floor.threshold(new double[0])).isEqualTo(0.70);
    }

    @Test
    void wordMatches_vouchForPapersAsCloseAsTheirNthClosest() {
        assertThat(floor.threshold(new double[] {0.69, 0.66, 0.64, 0.61})).isEqualTo(0.64);
    }

    @Test
    void fewerWordMatchesThanCounted_useTheFarthestOfThem() {
        assertThat(floor.threshold(new double[] {0.67, 0.65})).isEqualTo(0.65);
    }

    @Test
    void theWordsNeverLowerItBelowBeside_norRaiseItAboveAlone() {
        assertThat(floor.threshold(new double[] {0.58, 0.55, 0.52})).isEqualTo(0.60);
        assertThat(floor.threshold(new double[] {0.90, 0.85, 0.80})).isEqualTo(0.70);
    }

    @Test
    void anAbsoluteFloor_ignoresTheWords() {
        MeaningFloor absolute = MeaningFloor.absolute(0.70);

        assertThat(absolute.threshold(new double[] {0.62, 0.61, 0.60})).isEqualTo(0.70);
    }
}

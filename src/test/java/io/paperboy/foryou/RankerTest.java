package io.paperboy.foryou;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both rankings put papers like the liked ones above the rest. */
final class RankerTest {
    static List<Ranker> rankers() {
        return List.of(new CentroidRanker(), new LinearRanker());
    }

    @ParameterizedTest
    @MethodSource("rankers")
    void papersNearWhatAMemberLiked_rankFirst(Ranker ranker) {
        Random random = new Random(3);
        float[] liked = direction(random);
        float[] other = direction(random);
        List<float[]> likes =
                IntStream.range(0, 6).mapToObj(i -> near(liked, random)).toList();
        List<float[]> rest = new ArrayList<>(
                IntStream.range(0, 40).mapToObj(i -> near(other, random)).toList());
        List<float[]> alike =
                IntStream.range(0, 5).mapToObj(i -> near(liked, random)).toList();
        List<float[]> candidates = new ArrayList<>(rest);
        candidates.addAll(alike);

        Ranker.Scorer scorer = ranker.train(likes, rest);
        candidates.sort(Comparator.comparingDouble(scorer::score).reversed());

        assertThat(candidates.subList(0, 5)).containsExactlyInAnyOrderElementsOf(alike);
    }

    private static float[] direction(Random random) {
        float[] v = new float[16];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalized(v);
    }

    private static float[] near(float[] center, Random random) {
        float[] v = new float[center.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = center[i] + (float) (0.15 * random.nextGaussian());
        }
        return v;
    }
}

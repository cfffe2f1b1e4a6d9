package io.paperboy.search;

/**
 * When a paper that contains none of the query's words may enter the results by meaning alone.
 *
 * <p>Always above {@code alone}, a cosine similarity that nonsense queries almost never reach
 * with any paper. When the words do match papers among the nearest by meaning, those papers show
 * how close on-topic papers come for this query, and a paper at least as close as the
 * {@code vouching}-th of them may enter too, down to {@code beside}: similarities are not
 * comparable across queries (a short query or one in everyday words sits lower with every paper),
 * so the words' own papers are the scale. Without word matches there is no such scale, and only
 * {@code alone} holds. Calibrated in {@link SearchService#MEANING_FLOOR}.
 *
 * @param alone the similarity above which a paper enters by meaning alone in any case
 * @param beside the lowest similarity at which the words' papers may vouch for another
 * @param vouching which of the word-matching nearest papers, counted from the closest, sets the scale
 */
record MeaningFloor(double alone, double beside, int vouching) {
    /** Only the absolute floor, as before the words could vouch (for calibration and tests). */
    static MeaningFloor absolute(double floor) {
        return new MeaningFloor(floor, floor, 1);
    }

    /**
     * The similarity a paper must reach to enter by meaning alone, given the similarities of the
     * nearest papers that the words match, closest first.
     */
    double threshold(double[] wordMatchingSimilarities) {
        if (wordMatchingSimilarities.length == 0) {
            return alone;
        }
        double scale = wordMatchingSimilarities[Math.min(vouching, wordMatchingSimilarities.length) - 1];
        return Math.min(alone, Math.max(beside, scale));
    }
}

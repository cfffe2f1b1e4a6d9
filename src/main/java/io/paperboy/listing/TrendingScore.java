package io.paperboy.listing;

import java.time.Duration;
import java.time.Instant;

/**
 * The trending score: Hacker News' gravity applied to each upvote on its own.
 *
 * <pre>
 *   score = Σ over the paper's upvotes v of  1 / (hours since v was cast + 2) ^ 1.8
 * </pre>
 *
 * <ul>
 *   <li>Each vote decays by itself, so fresh votes lift an older paper and a burst of early votes
 *       fades: what trends is what is being upvoted now. With every vote cast at the moment a
 *       paper was featured this is exactly Hacker News' {@code votes / (age + 2)^1.8}.</li>
 *   <li>{@code + 2} hours keeps a vote cast this minute from weighing without bound; it weighs
 *       {@code 1 / 2^1.8 ≈ 0.29}, a day-old vote {@code 1 / 26^1.8 ≈ 0.0028}, about a hundredth.</li>
 *   <li>Gravity {@code 1.8} is Hacker News' long-tested value: a day's listing turns over in about a
 *       day, the pace of a daily papers site.</li>
 *   <li>Imported upvotes (from Hugging Face or the seed) have no timestamps; they count as cast at
 *       the start (00:00 UTC) of the day their entry was featured, the earliest moment they could
 *       have been cast here. A vote dated in the future (clock skew) counts as cast now.</li>
 * </ul>
 *
 * Reference: Amir Salihefendic, "How Hacker News ranking algorithm works" (2010), and
 * /about/ranking, which says the same in plain words.
 */
public final class TrendingScore {
    public static final double GRAVITY = 1.8;
    public static final double OFFSET_HOURS = 2.0;

    private TrendingScore() {}

    /** What one upvote cast at {@code castAt} adds to the score at {@code now}. */
    public static double weight(Instant castAt, Instant now) {
        double hours = Math.max(0, Duration.between(castAt, now).toSeconds()) / 3600.0;
        return 1.0 / Math.pow(hours + OFFSET_HOURS, GRAVITY);
    }
}

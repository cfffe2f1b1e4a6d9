package io.paperboy.listing;

import io.javalin.http.Context;
import io.paperboy.web.HttpPolicy;
import io.paperboy.web.Page;
import io.paperboy.web.Templates;
import java.util.Locale;

/** {@code /about/ranking}: how listings and trending rank, in plain words and as the exact formula. */
public final class RankingPage {

    public static void show(Context ctx) {
        Page page = Page.of(
                ctx,
                "How ranking works",
                "How Paperboy ranks daily and trending papers: the exact formula",
                "/about/ranking");
        HttpPolicy.shortCache(ctx);
        Templates.page(ctx, "listing/ranking.jte", new View(page));
    }

    /** The page's model: the formula's constants, so the page can never disagree with the code. */
    public record View(Page page) {
        public String gravity() {
            return number(TrendingScore.GRAVITY);
        }

        public String offsetHours() {
            return number(TrendingScore.OFFSET_HOURS);
        }

        public long windowDays() {
            return Trending.CANDIDATE_WINDOW.toDays();
        }

        public int size() {
            return ListingService.TRENDING_SIZE;
        }

        /** A vote's weight after {@code hours}, for the table of examples. */
        public String weight(int hours) {
            return String.format(
                    Locale.ROOT, "%.4f", 1.0 / Math.pow(hours + TrendingScore.OFFSET_HOURS, TrendingScore.GRAVITY));
        }

        private static String number(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        }
    }
}

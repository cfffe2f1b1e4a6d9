package io.paperboy.app;

import io.paperboy.listing.AutoFeature;
import io.paperboy.listing.FeatureRule;
import io.paperboy.settings.SiteSettings;
import io.paperboy.settings.SiteSettingsService;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --feature RULE… --feature-as NAME}: auto-feature rules for harvested papers. For
 * {@code serve} they only seed the site's settings (the store's) on first start; {@code harvest
 * arxiv} uses them for its one run, else the site's.
 */
final class FeatureOptions {
    @Option(
            names = "--feature",
            paramLabel = "RULE",
            description = "Feature harvested papers matching RULE on the day arXiv announced them, e.g. "
                    + "'cat=cs.CL;keyword=retrieval|RAG' or 'cat=cs;author=LeCun' (case-insensitive regular "
                    + "expressions on title and abstract, or on author names). Repeat for several rules. "
                    + "serve: seeds the site's rules (kept in the store) on first start; after that the site's rules, "
                    + "changed on " + SiteSettingsService.WHERE + ", win. harvest arxiv: the rules of this run "
                    + "(without it, the site's).")
    List<String> rules = new ArrayList<>();

    @Option(
            names = "--feature-as",
            paramLabel = "NAME",
            description =
                    "Name shown as the submitter of auto-featured papers (serve: seeds the site's, like --feature). "
                            + "Default: " + SiteSettings.DEFAULT_FEATURE_AS)
    String bot;

    /** The parsed rules; a malformed one is an IllegalArgumentException naming it and why. */
    AutoFeature autoFeature() {
        return new AutoFeature(
                rules.stream().map(FeatureRule::parse).toList(), bot == null ? SiteSettings.DEFAULT_FEATURE_AS : bot);
    }

    /** These options' rules when any is given; else the site's, with this name when one is given. */
    AutoFeature autoFeatureOr(SiteSettings site) {
        if (!rules.isEmpty()) {
            return autoFeature();
        }
        AutoFeature stored = site.autoFeature();
        return bot == null ? stored : new AutoFeature(stored.rules(), bot);
    }
}

package io.paperboy.settings;

import io.paperboy.listing.AutoFeature;
import io.paperboy.listing.FeatureRule;
import java.util.List;

/**
 * The site's settings as every node uses them.
 *
 * @param harvestSets the arXiv OAI-PMH sets the nightly harvest takes (none: no nightly harvest)
 * @param harvestHour the hour of the nightly harvest, 0-23 UTC
 * @param featureRules auto-feature rules as written ({@code cat=cs.CL;keyword=retrieval|RAG})
 * @param featureAs the name shown as the submitter of auto-featured papers
 */
public record SiteSettings(List<String> harvestSets, int harvestHour, List<String> featureRules, String featureAs) {
    public static final int DEFAULT_HARVEST_HOUR = 3;
    public static final String DEFAULT_FEATURE_AS = "paperboy-bot";
    /** What a site that never chose anything uses. */
    public static final SiteSettings DEFAULTS =
            new SiteSettings(List.of(), DEFAULT_HARVEST_HOUR, List.of(), DEFAULT_FEATURE_AS);

    public SiteSettings {
        harvestSets = List.copyOf(harvestSets);
        featureRules = List.copyOf(featureRules);
    }

    /** The feature rules, parsed (they were checked when stored). */
    public AutoFeature autoFeature() {
        return new AutoFeature(featureRules.stream().map(FeatureRule::parse).toList(), featureAs);
    }
}

package io.paperboy.app;

import io.paperboy.listing.AutoFeature;
import io.paperboy.listing.FeatureRule;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --feature RULE… --feature-as NAME}: auto-feature rules for harvested papers. */
final class FeatureOptions {
    @Option(names = "--feature", paramLabel = "RULE",
            description = "Feature harvested papers matching RULE on the day arXiv announced them, e.g. "
                    + "'cat=cs.CL;keyword=retrieval|RAG' or 'cat=cs;author=LeCun' (case-insensitive regular "
                    + "expressions on title and abstract, or on author names). Repeat for several rules.")
    List<String> rules = new ArrayList<>();

    @Option(names = "--feature-as", paramLabel = "NAME", defaultValue = "paperboy-bot",
            description = "Name shown as the submitter of auto-featured papers. Default: ${DEFAULT-VALUE}")
    String bot;

    /** The parsed rules; a malformed one is an IllegalArgumentException naming it and why. */
    AutoFeature autoFeature() {
        return new AutoFeature(rules.stream().map(FeatureRule::parse).toList(), bot);
    }
}

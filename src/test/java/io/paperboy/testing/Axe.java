package io.paperboy.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/** axe-core (installed by the browser profile from the npm registry) run on the page a browser shows. */
public final class Axe {
    private static final Path FILE =
            Path.of(System.getProperty("paperboy.axe", "target/npm/node_modules/axe-core/axe.min.js"));
    private static String script;

    private Axe() {}

    /**
     * The serious and critical violations on {@code browser}'s page, one line each: impact, rule,
     * help, node count, first node. Only violations are worked out in full ({@code resultTypes}), the
     * cheaper run on a long page; which rules count as violated does not change.
     */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(ChromeDriver browser) {
        if (!Boolean.TRUE.equals(browser.executeScript("return typeof window.axe === 'object';"))) {
            browser.executeScript(script()); // half a megabyte: once per page, not once per check
        }
        List<Map<String, Object>> violations =
                (List<Map<String, Object>>) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
                        + " help: v.help, nodes: v.nodes.length, first: v.nodes[0].target.join(' ')}))));");
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                serious.add(v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " (" + v.get("nodes")
                        + " nodes, e.g. " + v.get("first") + ")");
            }
        }
        return serious;
    }

    private static synchronized String script() {
        if (script == null) {
            if (!Files.isRegularFile(FILE)) {
                throw new IllegalStateException(
                        "axe-core is missing at " + FILE + ": run with -Pbrowser, which installs it");
            }
            try {
                script = Files.readString(FILE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read axe-core at " + FILE, e);
            }
        }
        return script;
    }
}

package io.paperboy.browser;

import io.paperboy.testing.WebSession;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Valid input for every field a form of the site asks for, typed as a person would. Hidden fields,
 * choices (select, radio, checkbox) and fields the page filled in keep what the page gave them;
 * empty fields get a value that the field's name asks for.
 */
final class WalkForms {
    /** A paper the (replayed) arXiv API knows and the store does not, for the submit form. */
    static final String NEW_ARXIV_ID = "1601.00001";

    private static final Set<String> KEPT_TYPES =
            Set.of("hidden", "submit", "button", "checkbox", "radio", "reset", "image");
    // Forms that make something new: a fresh address and user name each time.
    private static final Set<String> CREATING = Set.of("/signup", "/subscribe");

    private final WalkRole.Identity who;
    private int fresh;

    WalkForms(WalkRole.Identity who) {
        this.who = who;
    }

    /** Types valid input into each empty field of {@code form}, which posts to {@code action}. */
    void fill(WebElement form, String action) {
        List<WebElement> fields = form.findElements(By.cssSelector("input, textarea"));
        boolean creating = CREATING.contains(action);
        if (creating) {
            fresh++;
        }
        for (WebElement field : fields) {
            String type = field.getAttribute("type") == null ? "text" : field.getAttribute("type");
            if (KEPT_TYPES.contains(type) || !field.isDisplayed() || !field.isEnabled()) {
                continue;
            }
            String current = field.getAttribute("value");
            String value = valueFor(field.getAttribute("name"), type, creating);
            // A page's own value is valid by construction (a display name, a search); passwords are never kept.
            if (value != null && (current == null || current.isEmpty() || type.equals("password"))) {
                field.clear();
                field.sendKeys(value);
            }
        }
    }

    private String valueFor(String name, String type, boolean creating) {
        if (type.equals("password")) {
            return WebSession.PASSWORD;
        }
        String tag =
                "walk-" + who.role().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + fresh;
        return switch (name == null ? "" : name) {
            case "email" -> creating ? tag + "@example.org" : who.email();
            case "name" -> tag;
            case "display_name" ->
                "Walker " + who.role().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + fresh;
            case "q" -> "learning";
            case "body" -> "Walked here: $x^2$ and https://example.org/walk.";
            case "arxiv" -> NEW_ARXIV_ID;
            case "id" -> WalkRole.PAPER;
            case "label" -> "walk token";
            case "reason" -> "checked by the browser walk";
            case "hour" -> "8";
            case "zone" -> "UTC";
            // Optional fields (filters, saved searches, followed authors and categories) stay empty.
            default -> null;
        };
    }
}

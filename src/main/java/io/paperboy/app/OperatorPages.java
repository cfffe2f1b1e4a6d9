package io.paperboy.app;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.paperboy.settings.Setting;
import io.paperboy.settings.SettingsInput;
import io.paperboy.settings.SiteSettings;
import io.paperboy.settings.SiteSettingsService;
import io.paperboy.web.Form;
import io.paperboy.web.InvalidForm;
import io.paperboy.web.Member;
import io.paperboy.web.Page;
import io.paperboy.web.Role;
import io.paperboy.web.Templates;
import io.paperboy.web.Visitor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/operations}: what the site's background work is doing, and the site's settings
 * with a form to change them, for admins (visitors log in, others get 403).
 */
public final class OperatorPages {
    static final String PATH = "/admin/operations";
    static final String SETTINGS_PATH = PATH + "/settings";
    private static final List<String> FIELDS =
            Arrays.stream(Setting.values()).map(Setting::key).toList();

    /** The page's model: the figures, the site's settings as stored, the settings form, and the page. */
    public record View(Page page, Operations.Snapshot ops, SiteSettingsService.Stored settings, Form form) {}

    private final Operations operations;
    private final SiteSettingsService settings;

    OperatorPages(Operations operations, SiteSettingsService settings) {
        this.operations = operations;
        this.settings = settings;
    }

    public void showOperations(Context ctx) {
        Visitor.requireRole(ctx, Role.ADMIN);
        SiteSettingsService.Stored stored = settings.stored();
        Form form = typed(stored.settings());
        if ("saved".equals(ctx.queryParam("done"))) {
            form = new Form(form.values(), Map.of(), "Site settings saved; every node uses them from the next run on.");
        }
        render(ctx, stored, form);
    }

    public void changeSettings(Context ctx) {
        Member admin = Visitor.requireRole(ctx, Role.ADMIN);
        Form typed = Form.typed(ctx, FIELDS);
        try {
            settings.update(admin, SettingsInput.parse(typed.values()));
        } catch (InvalidForm e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, settings.stored(), typed.withProblems(e.problems()));
            return;
        }
        ctx.redirect(PATH + "?done=saved#site-settings", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, SiteSettingsService.Stored stored, Form form) {
        Page page = Page.of(ctx, "Operations", "What the site's background work is doing", PATH);
        Templates.page(ctx, "operations/operations.jte", new View(page, operations.snapshot(), stored, form));
    }

    // The form as the stored settings fill it: sets comma-separated, rules one a line.
    private static Form typed(SiteSettings s) {
        return new Form(
                Map.of(
                        Setting.HARVEST_SETS.key(),
                        String.join(", ", s.harvestSets()),
                        Setting.HARVEST_HOUR.key(),
                        Integer.toString(s.harvestHour()),
                        Setting.FEATURE_RULES.key(),
                        String.join("\n", s.featureRules()),
                        Setting.FEATURE_AS.key(),
                        s.featureAs()),
                Map.of(),
                null);
    }
}

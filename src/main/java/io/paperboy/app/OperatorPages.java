package io.paperboy.app;

import io.javalin.http.Context;
import io.paperboy.web.Page;
import io.paperboy.web.Role;
import io.paperboy.web.Templates;
import io.paperboy.web.Visitor;

/** {@code /admin/operations}: what the site's background work is doing, for admins (visitors log in, others get 403). */
public final class OperatorPages {
    static final String PATH = "/admin/operations";

    /** The page's model: the figures, and the page. */
    public record View(Page page, Operations.Snapshot ops) {}

    private final Operations operations;

    OperatorPages(Operations operations) {
        this.operations = operations;
    }


    public void showOperations(Context ctx) {
        Visitor.requireRole(ctx, Role.ADMIN);
        Page page = Page.of(ctx, "Operations", "What the site's background work is doing", PATH);
        Templates.page(ctx, "operations/operations.jte", new View(page, operations.snapshot()));
    }
}

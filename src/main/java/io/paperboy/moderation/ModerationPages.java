package io.paperboy.moderation;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperIds;
import io.paperboy.paper.PaperService;
import io.paperboy.paper.StoredPaper;
import io.paperboy.user.AccountService;
import io.paperboy.user.Claims;
import io.paperboy.web.InvalidForm;
import io.paperboy.web.Member;
import io.paperboy.web.Page;
import io.paperboy.web.Role;
import io.paperboy.web.Templates;
import io.paperboy.web.Visitor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * Every curator and admin page, under {@code /moderation}. One guard in front of the whole path
 * lets only curators in (anonymous visitors are sent to log in, members get 403), so a route
 * added here later cannot forget it; the role routes also require an admin.
 */
public final class ModerationPages {
    public static final String ROOT = "/moderation";
    static final int LOG_PAGE_SIZE = 50;
    private static final int LISTED = 100;
    // Codes, not text, in the URL: a link cannot make a page say whatever its author likes.
    private static final Map<String, String> DONE = Map.of(
            "hidden",
            "Paper hidden.",
            "unhidden",
            "Paper shown again.",
            "unfeatured",
            "Entry taken off its listing.",
            "restored",
            "Entry restored.",
            "approved",
            "Claim approved.",
            "rejected",
            "Claim rejected.",
            "role",
            "Role changed.",
            "unchanged",
            "Nothing to change: it already was so.");

    private final ModerationService moderation;
    private final PaperService papers;
    private final ListingService listings;
    private final Claims claims;
    private final AccountService accounts;

    public ModerationPages(
            ModerationService moderation,
            PaperService papers,
            ListingService listings,
            Claims claims,
            AccountService accounts) {
        this.moderation = moderation;
        this.papers = papers;
        this.listings = listings;
        this.claims = claims;
        this.accounts = accounts;
    }

    /** {@code ?id=}: the paper's moderation page. The id is typed into a box, so a refusal is 422. */
    public void findPaper(Context ctx) {
        String typed = ctx.queryParam("id");
        if (typed == null || typed.isBlank()) {
            throw InvalidForm.of("id", "required: an arXiv id or link, such as 2306.15794");
        }
        String id;
        try {
            id = PaperIds.canonical(typed.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidForm.of("id", e.getMessage());
        }
        ctx.redirect(ROOT + "/papers/" + id, HttpStatus.SEE_OTHER);
    }

    public void hide(Context ctx) {
        hidePaper(ctx, true);
    }

    public void unhide(Context ctx) {
        hidePaper(ctx, false);
    }

    public void unfeature(Context ctx) {
        featureEntry(ctx, false);
    }

    public void restore(Context ctx) {
        featureEntry(ctx, true);
    }

    public void approveClaim(Context ctx) {
        decideClaim(ctx, true);
    }

    public void rejectClaim(Context ctx) {
        decideClaim(ctx, false);
    }

    public static void requireCurator(Context ctx) {
        Visitor.requireRole(ctx, Role.CURATOR);
    }

    public void showHome(Context ctx) {
        Page page = page(ctx, "Moderation", ROOT);
        render(
                ctx,
                "moderation/home.jte",
                new ModerationViews.Home(
                        page, claims.pending().size(), papers.hidden(LISTED), listings.unfeatured(LISTED)));
    }

    public void showPaper(Context ctx) {
        String id = PaperIds.fromPath(ctx.pathParam("id"));
        StoredPaper stored =
                papers.findWithHidden(id).orElseThrow(() -> new NotFoundResponse("no paper with id " + id));
        Paper paper = stored.paper();
        Page page = page(ctx, "Moderate " + paper.id(), ROOT + "/papers/" + paper.id());
        render(
                ctx,
                "moderation/paper.jte",
                new ModerationViews.PaperTools(page, paper, stored.hidden(), listings.entriesOf(id), done(ctx)));
    }

    private void hidePaper(Context ctx, boolean hide) {
        Member curator = Visitor.requireRole(ctx, Role.CURATOR);
        String id = knownPaper(ctx.formParam("paper"));
        boolean changed = moderation.setPaperHidden(curator, id, hide, ctx.formParam("reason"));
        back(ctx, ROOT + "/papers/" + id, changed ? (hide ? "hidden" : "unhidden") : "unchanged");
    }

    private void featureEntry(Context ctx, boolean feature) {
        Member curator = Visitor.requireRole(ctx, Role.CURATOR);
        String id = knownPaper(ctx.formParam("paper"));
        LocalDate day = day(ctx.formParam("day"));
        if (listings.entriesOf(id).stream().noneMatch(e -> e.entry().day().equals(day))) {
            throw new NotFoundResponse(id + " was not featured on " + day);
        }
        boolean changed = moderation.setEntryFeatured(curator, id, day, feature, ctx.formParam("reason"));
        back(ctx, ROOT + "/papers/" + id, changed ? (feature ? "restored" : "unfeatured") : "unchanged");
    }

    public void showClaims(Context ctx) {
        render(
                ctx,
                "moderation/claims.jte",
                new ModerationViews.ClaimQueue(
                        page(ctx, "Author claims", ROOT + "/claims"), claims.pending(), done(ctx)));
    }

    private void decideClaim(Context ctx, boolean approve) {
        Member curator = Visitor.requireRole(ctx, Role.CURATOR);
        long id = number(ctx.pathParam("id"), "claim id");
        moderation.decideClaim(curator, id, approve).orElseThrow(() -> new NotFoundResponse("no claim " + id));
        back(ctx, ROOT + "/claims", approve ? "approved" : "rejected");
    }

    public void showMembers(Context ctx) {
        Visitor.requireRole(ctx, Role.ADMIN);
        render(
                ctx,
                "moderation/members.jte",
                new ModerationViews.Members(
                        page(ctx, "Members and roles", ROOT + "/members"), accounts.all(), done(ctx)));
    }

    public void changeRole(Context ctx) {
        Member admin = Visitor.requireRole(ctx, Role.ADMIN);
        String name = required(ctx.formParam("name"), "name");
        Role role;
        try {
            role = Role.of(required(ctx.formParam("role"), "role"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("role: " + e.getMessage());
        }
        var before = moderation
                .changeRole(admin, name, role)
                .orElseThrow(() -> new NotFoundResponse("no member called " + name));
        back(ctx, ROOT + "/members", before.role() == role ? "unchanged" : "role");
    }

    public void showLog(Context ctx) {
        String raw = ctx.queryParam("before");
        long before = raw == null ? Long.MAX_VALUE : number(raw, "before");
        var rows = moderation.log(before, LOG_PAGE_SIZE + 1);
        Long older = rows.size() > LOG_PAGE_SIZE ? rows.get(LOG_PAGE_SIZE - 1).id() : null;
        render(
                ctx,
                "moderation/log.jte",
                new ModerationViews.Log(
                        page(ctx, "Moderation log", ROOT + "/log"),
                        rows.subList(0, Math.min(rows.size(), LOG_PAGE_SIZE)),
                        older));
    }

    private String knownPaper(String raw) {
        String id = PaperIds.fromPath(required(raw, "paper"));
        if (papers.findIncludingHidden(id).isEmpty()) {
            throw new NotFoundResponse("no paper with id " + id);
        }
        return id;
    }

    private static Page page(Context ctx, String title, String path) {
        return Page.of(ctx, title, "Paperboy moderation", path);
    }

    private static void render(Context ctx, String template, Object model) {
        ctx.header("Cache-Control", "no-store");
        Templates.page(ctx, template, model);
    }

    private static String done(Context ctx) {
        return DONE.get(Objects.requireNonNullElse(ctx.queryParam("done"), ""));
    }

    private static void back(Context ctx, String path, String done) {
        ctx.redirect(
                path + (path.contains("?") ? "&" : "?") + "done=" + URLEncoder.encode(done, StandardCharsets.UTF_8),
                HttpStatus.SEE_OTHER);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BadRequestResponse(field + ": required");
        }
        return value.strip();
    }

    private static LocalDate day(String raw) {
        try {
            return LocalDate.parse(required(raw, "day"));
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("day: use YYYY-MM-DD, not '" + raw + "'");
        }
    }

    private static long number(String raw, String field) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(field + " must be a whole number, not '" + raw + "'");
        }
    }
}

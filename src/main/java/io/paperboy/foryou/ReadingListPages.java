package io.paperboy.foryou;

import gg.jte.Content;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.paperboy.paper.PaperIds;
import io.paperboy.web.ActionLimit;
import io.paperboy.web.HttpPolicy;
import io.paperboy.web.Member;
import io.paperboy.web.Page;
import io.paperboy.web.Templates;
import io.paperboy.web.Visitor;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reading list: {@code /saved} (unread, read, all), the forms that save, remove and mark
 * papers read, and {@code POST|DELETE /api/papers/{id}/save} for scripts.
 */
public final class ReadingListPages {
    private final ReadingList list;
    private final ActionLimit limit;

    /** {@code limit} counts every change to a reading list, here and in the MCP tools alike. */
    public ReadingListPages(ReadingList list, ActionLimit limit) {
        this.list = list;
        this.limit = limit;
    }

    public void apiSave(Context ctx) {
        apiSave(ctx, true);
    }

    public void apiUnsave(Context ctx) {
        apiSave(ctx, false);
    }

    public void show(Context ctx) {
        Member member = Visitor.requireMember(ctx);
        ReadingList.Show show = parseShow(ctx.queryParam("show"));
        List<SavedPaper> all = list.list(member.id(), ReadingList.Show.ALL);
        int read = (int) all.stream().filter(SavedPaper::read).count();
        List<SavedPaper> shown = all.stream()
                .filter(s -> show == ReadingList.Show.ALL || s.read() == (show == ReadingList.Show.READ))
                .toList();
        Page page = Page.of(ctx, "Reading list", "Papers you saved for later", "/saved");
        ctx.header("Cache-Control", "private, no-cache");
        Templates.page(ctx, "foryou/saved.jte", new ReadingListView(page, show, shown, all.size() - read, read));
    }

    public void change(Context ctx) {
        limit.acquire(ctx);
        Member member = Visitor.requireMember(ctx);
        String id = PaperIds.fromPath(ctx.pathParam("id"));
        String action = ctx.formParam("action");
        boolean done = switch (action == null ? "" : action) {
            case "read" -> list.markRead(member.id(), id, true);
            case "unread" -> list.markRead(member.id(), id, false);
            case "remove" -> list.remove(member.id(), id);
            default -> throw new BadRequestResponse("action must be read, unread or remove, not '" + action + "'");
        };
        if (!done) {
            throw new NotFoundResponse(id + " is not on your reading list");
        }
        ctx.redirect(
                "/saved?show=" + parseShow(ctx.formParam("show")).name().toLowerCase(Locale.ROOT),
                HttpStatus.SEE_OTHER);
    }

    public void saveForm(Context ctx) {
        limit.acquire(ctx);
        Member member = Visitor.requireMember(ctx);
        String id = PaperIds.fromPath(ctx.pathParam("id"));
        String action = ctx.formParam("action");
        if ("remove".equals(action)) {
            list.remove(member.id(), id);
        } else if ("save".equals(action) || action == null) {
            list.save(member.id(), id).orElseThrow(() -> new NotFoundResponse("no paper with id " + id));
        } else {
            throw new BadRequestResponse("action must be save or remove, not '" + action + "'");
        }
        String back = HttpPolicy.localPath(ctx.formParam("back"), "/papers/" + id);
        if ("true".equals(ctx.header("HX-Request"))) {
            // htmx swaps the form for its new state, keeping the page where the reader is.
            Map<String, Object> button = new java.util.HashMap<>(Map.of(
                    "paperId",
                    id,
                    "saved",
                    !"remove".equals(action),
                    "csrf",
                    Visitor.of(ctx).csrfToken()));
            if (ctx.formParam("back") != null) {
                button.put("back", back);
            }
            ctx.contentType("text/html; charset=utf-8").result(Templates.render("foryou/save-button.jte", button));
        } else {
            ctx.redirect(back, HttpStatus.SEE_OTHER);
        }
    }

    private void apiSave(Context ctx, boolean save) {
        limit.acquire(ctx);
        Member member = Visitor.requireMember(ctx);
        String id = PaperIds.fromPath(ctx.pathParam("id"));
        if (save) {
            list.save(member.id(), id).orElseThrow(() -> new NotFoundResponse("no paper with id " + id));
        } else {
            list.remove(member.id(), id);
        }
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(new Saved(id, save));
    }

    /** The API's answer: {@code {"id": "2401.12345", "saved": true}}. */
    public record Saved(String id, boolean saved) {}

    /** "Save for later" (or "Saved") beside a paper's votes, for members; nothing for anonymous visitors. */
    public Content saveButton(Context ctx, String paperId) {
        Visitor visitor = Visitor.of(ctx);
        if (!visitor.signedIn() || visitor.csrfToken() == null) {
            return output -> {};
        }
        return Templates.fragment(
                "foryou/save-button.jte",
                Map.of(
                        "paperId",
                        paperId,
                        "saved",
                        list.isSaved(visitor.member().id(), paperId),
                        "csrf",
                        visitor.csrfToken()));
    }

    private static ReadingList.Show parseShow(String raw) {
        if (raw == null || raw.isBlank()) {
            return ReadingList.Show.UNREAD;
        }
        try {
            return ReadingList.Show.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("show must be unread, read or all, not '" + raw + "'");
        }
    }
}

package io.paperboy.mcp;

import static io.paperboy.mcp.McpTool.arguments;
import static io.paperboy.mcp.McpTool.flag;
import static io.paperboy.mcp.McpTool.text;
import static io.paperboy.mcp.McpTool.whole;

import io.paperboy.foryou.ForYou;
import io.paperboy.foryou.ReadingList;
import io.paperboy.foryou.Recommendation;
import io.paperboy.vote.VoteService;
import io.paperboy.vote.VoteState;
import io.paperboy.web.ActionLimit;
import io.paperboy.web.Member;
import io.paperboy.web.SiteUrl;
import java.util.ArrayList;
import java.util.List;

/**
 * The tools that act for a member, named by the personal API token the call carries
 * ({@code Authorization: Bearer}): upvote, save to the reading list, read "for you". The same
 * rules as the site's pages and API hold: only a member who confirmed their address votes, and
 * upvotes and reading-list changes count against the same per-account limits
 * ({@link ActionLimit}): past them a tool error says when to try again.
 */
public final class MemberTools {
    static final int MAX_FOR_YOU = ForYou.STORED;
    static final String NEEDS_TOKEN = "this tool acts for a member: send the member's API token as "
            + "'Authorization: Bearer <token>' (a member creates one in the site's settings, under API tokens)";

    private final VoteService votes;
    private final ReadingList readingList;
    private final ForYou forYou;
    private final PaperMarkdown markdown;
    private final ActionLimit voteLimit;
    private final ActionLimit saveLimit;

    public MemberTools(
            VoteService votes,
            ReadingList readingList,
            ForYou forYou,
            SiteUrl site,
            ActionLimit voteLimit,
            ActionLimit saveLimit) {
        this.votes = votes;
        this.readingList = readingList;
        this.forYou = forYou;
        this.markdown = new PaperMarkdown(site);
        this.voteLimit = voteLimit;
        this.saveLimit = saveLimit;
    }

    List<McpTool> tools() {
        return List.of(
                new McpTool(
                        "upvote_paper",
                        "Upvote a paper",
                        "Upvote a paper as the token's member (remove: true takes the upvote back). Needs the "
                                + "member's API token and a confirmed email address; upvoting twice counts once.",
                        arguments("id", text("the paper's id"), "remove", flag("take the upvote back instead")),
                        List.of("id"),
                        false,
                        this::upvote),
                new McpTool(
                        "save_paper",
                        "Save a paper to the reading list",
                        "Put a paper on the token's member's reading list (remove: true takes it off). Needs "
                                + "the member's API token.",
                        arguments("id", text("the paper's id"), "remove", flag("take the paper off the list instead")),
                        List.of("id"),
                        false,
                        this::save),
                new McpTool(
                        "for_you",
                        "Papers for you",
                        "The token's member's \"for you\" papers: like the ones they upvoted or saved, each "
                                + "with the paper it is like. Needs the member's API token.",
                        arguments("limit", whole("how many papers", 1, MAX_FOR_YOU, 10)),
                        List.of(),
                        true,
                        this::forYou));
    }

    private String upvote(ToolArguments args, McpTool.Caller caller) {
        args.allowOnly(List.of("id", "remove"));
        voteLimit.acquire(caller.member(), caller.address()); // the web's bucket too
        Member voter = require(caller.member());
        String id = args.paperId("id");
        boolean remove = args.flag("remove", false);
        if (!voter.verified()) {
            throw new ToolError("confirm your email address first: follow the link the site mailed you "
                    + "(its settings page can send it again); until then the site does not count your upvotes");
        }
        VoteState state = (remove ? votes.removeUpvote(voter.id(), id) : votes.upvote(voter.id(), id))
                .orElseThrow(() -> unknown(id));
        int count = state.upvotes();
        String did = state.changed()
                ? (remove ? "Took back your upvote of " : "Upvoted ")
                : (remove ? "You had not upvoted " : "You had already upvoted ");
        return did + id + ". It has " + count + (count == 1 ? " upvote" : " upvotes") + " now.";
    }

    private String save(ToolArguments args, McpTool.Caller caller) {
        args.allowOnly(List.of("id", "remove"));
        saveLimit.acquire(caller.member(), caller.address()); // the web's bucket too
        Member saver = require(caller.member());
        String id = args.paperId("id");
        if (args.flag("remove", false)) {
            return readingList.remove(saver.id(), id)
                    ? "Took " + id + " off your reading list."
                    : id + " was not on your reading list.";
        }
        boolean added = readingList.save(saver.id(), id).orElseThrow(() -> unknown(id));
        return added ? "Saved " + id + " to your reading list." : id + " was already on your reading list.";
    }

    private String forYou(ToolArguments args, McpTool.Caller caller) {
        args.allowOnly(List.of("limit"));
        Member reader = require(caller.member());
        ForYou.Feed feed = forYou.feed(reader.id(), args.whole("limit", 10, 1, MAX_FOR_YOU));
        List<String> entries = new ArrayList<>();
        for (Recommendation r : feed.items()) {
            entries.add(markdown.entry(entries.size() + 1, r.paper(), null, r.why()));
        }
        String empty = switch (feed.empty() == null ? ForYou.Empty.NONE : feed.empty()) {
            case NOTHING_LIKED -> "Nothing yet: upvote or save a few papers and this list learns what you like.";
            case NO_EMBEDDINGS ->
                "Nothing yet: the papers you liked are not embedded yet (this site may not rank "
                        + "by meaning); try again later.";
            case NONE -> "No new papers like the ones you liked.";
        };
        return PaperMarkdown.list("For you, " + reader.displayName(), entries, empty);
    }

    private static Member require(Member member) {
        if (member == null) {
            throw new ToolError(NEEDS_TOKEN);
        }
        return member;
    }

    private static ToolError unknown(String id) {
        return new ToolError("no paper with id " + id + " on this site");
    }
}

package io.paperboy.comment;

import io.paperboy.web.Member;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The comments part of a paper page. For anonymous visitors it holds nothing personal (their
 * pages are cached and shared): no token, no form, a link to log in instead.
 *
 * @param csrf the member's CSRF token, null for anonymous visitors
 * @param count the paper's visible comments
 */
public record CommentSection(String paperId, List<CommentView> threads, int count, Member member, String csrf) {
    public CommentSection {
        threads = List.copyOf(threads);
    }

    /** Verified members write; others are told how to get there. */
    public boolean canWrite() {
        return member != null && member.verified();
    }

    /** The heading and "No comments yet." as they stand, for the page and for htmx to put in place. */
    public CommentHeading heading() {
        return new CommentHeading(count, threads.isEmpty());
    }

    public String loginHref() {
        return "/login?next=" + URLEncoder.encode("/papers/" + paperId + "#comments", StandardCharsets.UTF_8);
    }
}

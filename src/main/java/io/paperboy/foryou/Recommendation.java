package io.paperboy.foryou;

import io.paperboy.paper.Paper;

/**
 * A paper picked for a member, and why: the paper of theirs it is most like ({@code because}),
 * which they {@code upvoted} or saved.
 */
public record Recommendation(Paper paper, Paper because, boolean upvoted) {
    /** "like Model soups, which you upvoted" (the page sets the title in italics). */
    public String why() {
        return "like " + because.title() + ", which you " + (upvoted ? "upvoted" : "saved");
    }
}

package io.paperboy.digest;

import java.util.List;

/**
 * One subscriber's digest for one period, ready to render as mail or as the preview page.
 *
 * @param follows what the subscriber follows, said in every mail (even when nothing new matched it)
 * @param followedFound whether this period brought anything from it
 */
public record Digest(
        String subject,
        String heading,
        DigestPeriod period,
        List<DigestSection> sections,
        Interests follows,
        boolean followedFound) {
    public Digest {
        sections = List.copyOf(sections);
    }

    /** "You follow the search “protein folding”, the author Ada Lovelace and the category cs.CL."; null when nothing. */
    public String following() {
        return follows.isEmpty() ? null : "You follow " + follows.describe() + ".";
    }

    /** What the mail adds after {@link #following()} when the period brought nothing from it. */
    public String nothingFollowed() {
        return follows.isEmpty() || followedFound ? null : "Nothing new from these in this period.";
    }
}

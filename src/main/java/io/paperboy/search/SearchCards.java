package io.paperboy.search;

import io.paperboy.web.Member;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a search result card shows besides the paper, as listing cards do: its upvotes, the
 * viewer's upvote and save, its comment count. Votes, saves and comments belong to other
 * features; the composition root wires them in.
 */
@FunctionalInterface
public interface SearchCards {
    /** Cards without votes, saves or comments (every count 0). */
    SearchCards NONE = (member, ids) -> Controls.NONE;

    /** The controls of these papers' cards for {@code member} (null: an anonymous visitor), in one read each. */
    Controls of(Member member, List<String> paperIds);

    /**
     * @param upvotes shown upvotes per paper id (absent: 0)
     * @param upvoted papers the member upvoted
     * @param saved papers on the member's reading list
     * @param comments visible comments per paper id (absent: 0)
     */
    record Controls(
            Map<String, Integer> upvotes, Set<String> upvoted, Set<String> saved, Map<String, Integer> comments) {
        public static final Controls NONE = new Controls(Map.of(), Set.of(), Set.of(), Map.of());

        public Controls {
            upvotes = Map.copyOf(upvotes);
            upvoted = Set.copyOf(upvoted);
            saved = Set.copyOf(saved);
            comments = Map.copyOf(comments);
        }
    }
}

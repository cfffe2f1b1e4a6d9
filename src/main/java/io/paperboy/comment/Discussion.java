package io.paperboy.comment;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A paper's comments as one visitor sees them, arranged into threads, with how many are visible to
 * everyone: both from one read of the paper's comment rows.
 *
 * @param visible the comments neither deleted nor hidden (what {@code comment_counts} holds)
 */
public record Discussion(List<CommentView> threads, int visible) {
    public Discussion {
        threads = List.copyOf(threads);
    }

    static Discussion of(List<Comment> all, io.paperboy.web.Member viewer) {
        return new Discussion(CommentView.threads(all, viewer), (int)
                all.stream().filter(Comment::visible).count());
    }

    /** The comment with {@code id} as it shows in its thread, or empty when it shows no more. */
    Optional<CommentView> find(long id) {
        return threads.stream()
                .flatMap(top -> Stream.concat(Stream.of(top), top.replies().stream()))
                .filter(view -> view.id() == id)
                .findFirst();
    }

    /** The heading's count and whether "No comments yet." shows. */
    CommentHeading heading() {
        return new CommentHeading(visible, threads.isEmpty());
    }
}

package io.paperboy.foryou;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a member likes: the papers they upvoted (newest first) and those on their reading list,
 * read or not. A saved paper counts as liked, so neither it nor a paper they read is ever picked.
 */
public record Likes(List<String> upvoted, List<String> saved) {
    public Likes {
        upvoted = List.copyOf(upvoted);
        saved = List.copyOf(saved);
    }

    public boolean isEmpty() {
        return upvoted.isEmpty() && saved.isEmpty();
    }

    /** Every liked paper id, upvoted first. */
    public Set<String> all() {
        Set<String> all = new LinkedHashSet<>(upvoted);
        all.addAll(saved);
        return all;
    }

    /**
     * A SHA-256 of the sorted upvoted and saved ids: equal exactly when the picks computed from
     * these likes would be computed from the same input (the order of likes does not matter).
     */
    public String signature() {
        List<String> lines = new ArrayList<>();
        upvoted.stream().sorted().forEach(id -> lines.add("u " + id));
        saved.stream().sorted().forEach(id -> lines.add("s " + id));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}

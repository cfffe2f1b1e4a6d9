package io.paperboy.ingest;

import io.paperboy.paper.TexText;
import java.util.ArrayList;
import java.util.List;

/** Splits a free-text author list ("A, B and C", "A and B") into names. */
final class AuthorList {
    private AuthorList() {}

    static List<String> split(String authors) {
        String flat = TexText.collapseWhitespace(authors);
        List<String> names = new ArrayList<>();
        for (String part : flat.split(",\\s*|\\s+and\\s+")) {
            String name = part.strip();
            if (!name.isEmpty() && !name.equalsIgnoreCase("and")) {
                names.add(name.startsWith("and ") ? name.substring(4) : name);
            }
        }
        return names;
    }
}

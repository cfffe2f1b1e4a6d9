package io.paperboy.digest;

import java.util.List;

/** A titled group of items: the trending papers, or those matching what the subscriber follows. */
public record DigestSection(String title, String intro, List<DigestItem> items) {
    public DigestSection {
        items = List.copyOf(items);
    }
}

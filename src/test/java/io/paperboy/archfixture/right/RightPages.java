package io.paperboy.archfixture.right;

import org.jdbi.v3.core.Handle;

/** Planted: a page handler that reaches into the store, which the rules forbid. */
final class RightPages {
    String render(Handle h) {
        return h.createQuery("SELECT 1").mapTo(String.class).one();
    }
}

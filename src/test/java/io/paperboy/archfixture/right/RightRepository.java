package io.paperboy.archfixture.right;

/** Planted: a repository other features could call directly, which the rules forbid. */
public final class RightRepository {
    public String table() {
        return "right";
    }
}

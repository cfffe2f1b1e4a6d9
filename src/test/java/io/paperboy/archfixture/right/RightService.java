package io.paperboy.archfixture.right;

import io.paperboy.archfixture.left.LeftService;

/** The other half of the planted cycle, and a page and a repository that break the layering rules. */
public final class RightService {
    public int answer() {
        return 41;
    }

    public int callBack(LeftService left) {
        return left.callRight(this);
    }
}

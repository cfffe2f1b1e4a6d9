package io.paperboy.archfixture.left;

import io.paperboy.archfixture.right.RightService;

/** Half of a planted cycle (ArchitectureRulesCatchTest): left calls right, which calls back. */
public final class LeftService {
    public int callRight(RightService right) {
        return right.answer() + 1;
    }
}

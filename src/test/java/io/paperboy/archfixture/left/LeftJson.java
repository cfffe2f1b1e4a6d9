package io.paperboy.archfixture.left;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A planted second JSON mapper (ArchitectureRulesCatchTest): the one-mapper rule must refuse it. */
public final class LeftJson {
    public String write(Object value) throws Exception {
        return new ObjectMapper().writeValueAsString(value);
    }
}

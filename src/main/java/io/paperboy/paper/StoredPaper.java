package io.paperboy.paper;

/** A stored paper with whether a curator hid it (only curators see a hidden paper's page). */
public record StoredPaper(Paper paper, boolean hidden) {}

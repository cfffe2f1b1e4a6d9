package io.paperboy.paper;

/** A paper shown beside another (similar papers), and in a few words why. */
public record Related(Paper paper, String why) {}

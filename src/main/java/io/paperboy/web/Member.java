package io.paperboy.web;

/** The signed-in member behind a request: what pages show and what guards check. */
public record Member(long id, String name, String displayName, Role role, boolean verified) {}

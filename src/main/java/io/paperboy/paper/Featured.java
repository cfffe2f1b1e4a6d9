package io.paperboy.paper;

import java.time.LocalDate;

/** A day a paper was featured, as the paper page shows it (the listing feature supplies these). */
public record Featured(LocalDate day, String submittedBy, int upvotes) {}

package io.github.pqlconnector.core.model;

/** One fit rule checked against one entity's traits; {@code explanation} names a missing trait. */
public record FitOutcome(EntityLevel level, String trait, boolean passed, String explanation) {}

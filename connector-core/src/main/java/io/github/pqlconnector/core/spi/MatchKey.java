package io.github.pqlconnector.core.spi;

/** How a record is found in the CRM: a trait name ({@code email}, {@code domain}, …) and its value. */
public record MatchKey(String trait, String value) {}

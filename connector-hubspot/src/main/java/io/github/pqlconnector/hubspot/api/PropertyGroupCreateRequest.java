package io.github.pqlconnector.hubspot.api;

import org.jspecify.annotations.Nullable;

/** {@code POST .../properties/{type}/groups} ({@code PropertyGroupCreate}): a group such as {@code pql}. */
public record PropertyGroupCreateRequest(String name, String label, @Nullable Integer displayOrder) {}

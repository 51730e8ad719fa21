package io.github.pqlconnector.core.spi;

import org.jspecify.annotations.Nullable;

/** A record found in the CRM: its id and, where the CRM has one, its owner (who gets the tasks). */
public record CrmRecord(String id, @Nullable String ownerId) {}

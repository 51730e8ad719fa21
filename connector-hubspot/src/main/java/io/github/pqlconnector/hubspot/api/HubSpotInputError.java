package io.github.pqlconnector.hubspot.api;

import io.github.pqlconnector.core.error.ErrorCategory;
import org.jspecify.annotations.Nullable;

/**
 * One input HubSpot refused inside a 200/207 batch, ready to become a {@code RecordError}: {@code input} is the key
 * the caller sent (record id, email or {@code objectWriteTraceId}) as the caller spelled it, or {@code null} when the
 * error names no input the caller sent; {@code hubspotCategory} is HubSpot's code ({@code UNKNOWN} when it sent
 * none) for {@code RecordError.vendorCode}; {@code message} is HubSpot's.
 */
public record HubSpotInputError(@Nullable String input, ErrorCategory category, String hubspotCategory,
    String message) {}

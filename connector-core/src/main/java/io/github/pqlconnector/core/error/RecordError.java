package io.github.pqlconnector.core.error;

import io.github.pqlconnector.core.model.EntityRef;

/** One record the destination refused, with the vendor's own code and message. */
public record RecordError(EntityRef entity, ErrorCategory category, String vendorCode, String message) {}

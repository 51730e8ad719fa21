package io.github.pqlconnector.bitrix24.api;

import org.jspecify.annotations.Nullable;

/** {@code {"result":399,"time":{…}}}: the new field's id. */
public record UserFieldAddResponse(@Nullable Long result, @Nullable ResponseTime time) {}

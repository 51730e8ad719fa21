package io.github.pqlconnector.bitrix24.api;

import org.jspecify.annotations.Nullable;

/** {@code {"result":{"id":999},"time":{…}}}. */
public record TodoAddResponse(@Nullable Created result, @Nullable ResponseTime time) {
  public record Created(long id) {}
}

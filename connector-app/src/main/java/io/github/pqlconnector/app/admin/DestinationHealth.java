package io.github.pqlconnector.app.admin;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A configured destination's last background check ({@code pql validate}'s probe): {@code status} is {@link #OK},
 * {@link #FAILING} or {@link #UNKNOWN} (not checked yet), {@code message} the check's own words, which never hold
 * secrets, and {@code checkedAt} when it ran (null when not yet).
 */
public record DestinationHealth(String name, String type, String status, @Nullable String message,
    @Nullable Instant checkedAt) {

  public static final String OK = "ok";
  public static final String FAILING = "failing";
  public static final String UNKNOWN = "unknown";

  public static DestinationHealth unknown(String name, String type) {
    return new DestinationHealth(name, type, UNKNOWN, null, null);
  }
}

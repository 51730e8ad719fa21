package io.github.pqlconnector.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The vendor's own words for a failure, as they go into messages and run history: white space folded, at most
 * {@value #MAX_CHARS} characters (an HTML error page or a stack trace from a proxy must not flood a log line), and
 * "no error details" when the vendor said nothing.
 */
public final class VendorMessages {
  public static final int MAX_CHARS = 500;

  private VendorMessages() {}

  /** {@code text}, else {@code fallback} (the HTTP reason phrase, say), cleaned as above. */
  public static String detail(@Nullable String text, @Nullable String fallback) {
    String chosen = text == null || text.isBlank() ? fallback : text;
    String folded = chosen == null ? "" : chosen.replaceAll("\\s+", " ").strip();
    if (folded.isEmpty()) {
      return "no error details";
    }
    return folded.length() > MAX_CHARS ? folded.substring(0, MAX_CHARS) + "…" : folded;
  }
}

package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.MatchKey;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the key a record is found by from an entity's traits. Emails are compared case-insensitively
 * everywhere; domains also lose scheme, {@code www.}, port, path, query and case ("https://www.Acme.io:443/x" →
 * "acme.io"). Destinations that read websites from the CRM normalise them with {@link #domain} too, so both sides of a
 * match are the same text.
 */
public final class MatchKeys {
  private MatchKeys() {}

  public static Optional<MatchKey> of(Traits traits, String trait) {
    String raw = traits.values().get(trait);
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String value = raw.trim();
    if (trait.equals(Traits.EMAIL)) {
      value = value.toLowerCase(Locale.ROOT);
    } else if (trait.equals(Traits.DOMAIN)) {
      value = domain(value);
    }
    return Optional.of(new MatchKey(trait, value));
  }

  /** A website or domain as a match key: "HTTPS://www.Acme.io:8443/path?q#f" → "acme.io"; blank stays blank. */
  public static String domain(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT).replaceFirst("^[a-z][a-z0-9+.-]*://", "");
    value = value.replaceFirst("^//", "");
    int end = firstOf(value, "/?#");
    value = end < 0 ? value : value.substring(0, end);
    value = value.substring(value.lastIndexOf('@') + 1);
    int colon = value.indexOf(':');
    value = colon < 0 ? value : value.substring(0, colon);
    value = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
    return value.startsWith("www.") ? value.substring(4) : value;
  }

  private static int firstOf(String value, String chars) {
    for (int i = 0; i < value.length(); i++) {
      if (chars.indexOf(value.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}

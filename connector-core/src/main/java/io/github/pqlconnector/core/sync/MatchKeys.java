package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.MatchKey;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the key a record is found by from an entity's traits. Emails are compared case-insensitively
 * everywhere; domains also lose scheme, {@code www.} and path ("https://www.Acme.io/x" → "acme.io").
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

  static String domain(String text) {
    String value = text.toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "");
    int slash = value.indexOf('/');
    value = slash < 0 ? value : value.substring(0, slash);
    return value.startsWith("www.") ? value.substring(4) : value;
  }
}

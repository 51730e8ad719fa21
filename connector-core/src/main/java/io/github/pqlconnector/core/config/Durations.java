package io.github.pqlconnector.core.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the short durations users write in YAML: {@code 30d}, {@code 12h}, {@code 15m}, {@code 45s}, {@code 2w}. */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*([smhdw])");

  private Durations() {}

  public static Optional<Duration> parse(String text) {
    Matcher m = SHORT.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    return Optional.of(switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofDays(7 * n);
    });
  }

  /** Formats back the way users write it: whole days as {@code 30d}, else hours, minutes or seconds. */
  public static String format(Duration d) {
    long s = d.getSeconds();
    if (s % 86_400 == 0) {
      return s / 86_400 + "d";
    }
    if (s % 3_600 == 0) {
      return s / 3_600 + "h";
    }
    return s % 60 == 0 ? s / 60 + "m" : s + "s";
  }
}

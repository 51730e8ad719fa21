package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.spi.PqlFields;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Compares PQL fields read back from a CRM with what the connector wrote, on the values a person sees, so format
 * differences never count as drift: status and type without case or surrounding blanks (a blank type is none),
 * score, reasons line by line without blank lines, activation to 2 decimals, qualified-at to the second.
 * {@code evaluatedAt} is left out, as in the pushed hash.
 */
public final class FieldComparison {
  private FieldComparison() {}

  private record Normalised(String status, int score, @Nullable String type, List<String> reasons,
      BigDecimal activationPct, @Nullable Instant qualifiedAt) {}

  public static boolean same(PqlFields crm, PqlFields written) {
    return normalise(crm).equals(normalise(written));
  }

  private static Normalised normalise(PqlFields f) {
    String type = f.type() == null || f.type().isBlank() ? null : f.type().trim().toLowerCase(Locale.ROOT);
    List<String> reasons = Arrays.stream(String.join("\n", f.reasons()).split("\r?\n"))
        .map(String::strip).filter(line -> !line.isEmpty()).toList();
    BigDecimal activation = Double.isFinite(f.activationPct())
        ? BigDecimal.valueOf(f.activationPct()).setScale(2, RoundingMode.HALF_UP) : BigDecimal.ONE.negate();
    Instant qualifiedAt = f.qualifiedAt() == null ? null : f.qualifiedAt().truncatedTo(ChronoUnit.SECONDS);
    return new Normalised(f.status().strip().toLowerCase(Locale.ROOT), f.score(), type, reasons, activation,
        qualifiedAt);
  }
}

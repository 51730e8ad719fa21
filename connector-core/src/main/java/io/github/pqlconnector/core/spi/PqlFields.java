package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.model.PqlResult;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fields written onto a CRM record ({@code pql_status}, {@code pql_score}, {@code pql_type},
 * {@code pql_reasons}, {@code pql_activation_pct}, {@code pql_qualified_at}, {@code pql_evaluated_at}).
 */
public record PqlFields(String status, int score, @Nullable String type, List<String> reasons,
    double activationPct, @Nullable Instant qualifiedAt, Instant evaluatedAt) {

  public PqlFields {
    reasons = List.copyOf(reasons);
  }

  public static PqlFields of(PqlResult result) {
    return new PqlFields(result.status().id(), result.score(), result.primaryType(), result.reasons(),
        result.activationPct(), result.qualifiedAt(), result.evaluatedAt());
  }

  /** {@code pql_reasons} as the CRM shows it: one reason per line. */
  public String reasonsText() {
    return String.join("\n", reasons);
  }
}

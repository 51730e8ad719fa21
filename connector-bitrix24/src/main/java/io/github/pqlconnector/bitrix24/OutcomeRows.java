package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.core.spi.Outcome;
import io.github.pqlconnector.core.spi.OutcomeBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one outcome read collects: the conversions, and the items that could not be read (counted, the first {@link
 * OutcomeBatch#SAMPLES} kept as {@code deal 12: …}); plus how the values of a legacy list row read.
 */
final class OutcomeRows {
  private final List<Outcome> outcomes = new ArrayList<>();
  private final List<String> samples = new ArrayList<>();
  private long rejected;

  void add(Outcome outcome) {
    outcomes.add(outcome);
  }

  void reject(String problem) {
    if (rejected++ < OutcomeBatch.SAMPLES) {
      samples.add(problem);
    }
  }

  int size() {
    return outcomes.size();
  }

  OutcomeBatch batch(@Nullable String cursor) {
    return new OutcomeBatch(outcomes, cursor, rejected, samples);
  }

  /** A CRM record id, or empty for none: legacy lists send {@code "0"}, {@code ""} or null for no link. */
  static Optional<String> recordId(JsonNode value) {
    String id = value.isMissingNode() || value.isNull() ? "" : value.asText("").strip();
    return id.isEmpty() || id.equals("0") ? Optional.empty() : Optional.of(id);
  }

  /** {@code OPPORTUNITY}, a number as text ({@code "19999.99"}); empty, negative or unreadable: no amount. */
  static @Nullable Double amount(JsonNode value) {
    String text = value.isMissingNode() || value.isNull() ? "" : value.asText("").strip();
    try {
      double amount = text.isEmpty() ? -1 : Double.parseDouble(text);
      return amount >= 0 && Double.isFinite(amount) ? amount : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

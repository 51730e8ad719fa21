package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.core.spi.Outcome;
import io.github.pqlconnector.core.spi.OutcomeBatch;
import io.github.pqlconnector.core.spi.OutcomeCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one outcome read collects: the conversions, and the items that could not be read (counted, the first {@link
 * OutcomeBatch#SAMPLES} kept as {@code deal 12: …}); plus how the values of a legacy list row read.
 */
final class OutcomeRows {
  private final OutcomeCollector collected = new OutcomeCollector();

  void add(Outcome outcome) {
    collected.add(outcome);
  }

  /** {@code record} ({@code deal 12}) could not be used, for {@code reason}. */
  void reject(String record, String reason) {
    collected.reject(record, reason);
  }

  int size() {
    return collected.size();
  }

  OutcomeBatch batch(@Nullable String cursor) {
    return collected.batch(cursor);
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

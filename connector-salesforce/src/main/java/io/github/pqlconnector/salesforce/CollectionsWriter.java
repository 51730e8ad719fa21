package io.github.pqlconnector.salesforce;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.WriteResults;
import io.github.pqlconnector.salesforce.api.CollectionRequest;
import io.github.pqlconnector.salesforce.api.RecordError;
import io.github.pqlconnector.salesforce.api.SalesforceCategories;
import io.github.pqlconnector.salesforce.api.SaveResult;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * sObject Collections: {@code PATCH composite/sobjects} for records with an id, {@code POST} for new ones, 200
 * records per call with {@code allOrNone=false}. The answer is 200 even when records failed, with one result per
 * record in request order, so results pair with inputs by position and each failure keeps its status code. A create
 * is never sent again after a lost answer (the records may exist): the failure ends the push, and the next push
 * matches those records again before it creates any.
 */
final class CollectionsWriter {
  private final SalesforceCalls calls;

  CollectionsWriter(SalesforceCalls calls) {
    this.calls = calls;
  }

  void update(List<PqlUpdate> updates, Function<PqlUpdate, Map<String, Object>> record, WriteResults outcome) {
    for (List<PqlUpdate> chunk : Chunks.of(updates, CollectionRequest.MAX_RECORDS)) {
      CollectionRequest request = CollectionRequest.independent(chunk.stream().map(record).toList());
      apply(chunk, calls.execute(calls.api().updateRecords(calls.data(), request)), outcome);
    }
  }

  void create(List<PqlUpdate> creates, Function<PqlUpdate, Map<String, Object>> record, WriteResults outcome) {
    for (List<PqlUpdate> chunk : Chunks.of(creates, CollectionRequest.MAX_RECORDS)) {
      CollectionRequest request = CollectionRequest.independent(chunk.stream().map(record).toList());
      apply(chunk, calls.create(calls.api().createRecords(calls.data(), request)), outcome);
    }
  }

  private static void apply(List<PqlUpdate> sent, List<SaveResult> results, WriteResults outcome) {
    for (int i = 0; i < sent.size() && i < results.size(); i++) {
      SaveResult result = results.get(i);
      PqlUpdate update = sent.get(i);
      if (result.success() && result.id() != null) {
        outcome.written(update.entity(), result.id());
      } else if (!result.errors().isEmpty()) {
        RecordError first = result.errors().get(0);
        String code = first.statusCode() == null ? "UNKNOWN" : first.statusCode();
        outcome.fail(update.entity(), SalesforceCategories.forRecord(code), code, describe(result.errors()));
      }
    }
    outcome.failUnresolved(sent, ErrorCategory.TRANSIENT, WriteResults.NO_RESULT,
        "Salesforce returned no result for this record");
  }

  private static String describe(List<RecordError> errors) {
    return errors.stream().map(e -> (e.message() == null ? "" : e.message())
        + (e.fields().isEmpty() ? "" : " (fields: " + String.join(", ", e.fields()) + ")"))
        .collect(Collectors.joining("; "));
  }
}

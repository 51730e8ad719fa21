package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.bitrix24.api.BatchCommand;
import io.github.pqlconnector.bitrix24.api.BatchRequest;
import io.github.pqlconnector.bitrix24.api.BatchResponse;
import io.github.pqlconnector.bitrix24.api.Bitrix24Api;
import io.github.pqlconnector.bitrix24.api.Bitrix24Categories;
import io.github.pqlconnector.bitrix24.api.Bitrix24Errors;
import io.github.pqlconnector.bitrix24.api.InvokedMethods;
import io.github.pqlconnector.bitrix24.api.ResponseTime;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.http.VendorCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;

/**
 * What the destination's parts share: the API, the guarded {@link VendorCall}, the error mapper and the operating-time
 * budget. {@link #batch} runs any number of commands in {@code batch} calls of at most 50, and sends again, up to
 * {@value #LIMIT_ROUNDS} times, the commands that failed on a limit (the gate and the limiter make the resend wait;
 * a command refused on a limit was not run). A batch holding an add is never resent after a lost answer.
 */
final class Bitrix24Calls {
  static final int LIMIT_ROUNDS = 3;
  private static final Logger log = LoggerFactory.getLogger(Bitrix24Calls.class);

  private final Bitrix24Api api;
  private final VendorCall vendorCall;
  private final Bitrix24Errors errors;
  private final OperatingBudget budget;
  private final Runnable onQueryLimit;

  Bitrix24Calls(Bitrix24Api api, VendorCall vendorCall, Bitrix24Errors errors, OperatingBudget budget,
      Runnable onQueryLimit) {
    this.api = api;
    this.vendorCall = vendorCall;
    this.errors = errors;
    this.budget = budget;
    this.onQueryLimit = onQueryLimit;
  }

  Bitrix24Api api() {
    return api;
  }

  Bitrix24Errors errors() {
    return errors;
  }

  /** One plain call of {@code method}; its reported operating time is recorded. */
  <T> T execute(Call<T> call, String method, Function<T, ResponseTime> time) {
    T body = vendorCall.execute(call);
    budget.record(method, time.apply(body));
    return body;
  }

  /** Every command's result or error, by key; keys must be unique. */
  BatchResults batch(List<BatchCommand> commands) {
    Map<String, JsonNode> results = new HashMap<>();
    Map<String, BatchResponse.CommandError> failed = new HashMap<>();
    List<BatchCommand> pending = commands;
    for (int round = 1; round <= LIMIT_ROUNDS && !pending.isEmpty(); round++) {
      for (int from = 0; from < pending.size(); from += BatchRequest.MAX_COMMANDS) {
        send(pending.subList(from, Math.min(pending.size(), from + BatchRequest.MAX_COMMANDS)), results, failed);
      }
      pending = limited(pending, failed, round < LIMIT_ROUNDS);
    }
    return new BatchResults(results, failed);
  }

  private void send(List<BatchCommand> chunk, Map<String, JsonNode> results,
      Map<String, BatchResponse.CommandError> failed) {
    InvokedMethods methods = new InvokedMethods(chunk.stream().map(BatchCommand::method).collect(Collectors.toSet()));
    var call = api.batch(BatchRequest.of(chunk), methods);
    BatchResponse response = chunk.stream().anyMatch(Bitrix24Calls::creates) ? vendorCall.executeCreate(call)
        : vendorCall.execute(call);
    budget.record("batch", response.time());
    for (BatchCommand command : chunk) {
      response.timeOf(command.key()).ifPresent(time -> budget.record(command.method(), time));
      response.resultOf(command.key()).ifPresentOrElse(result -> {
        results.put(command.key(), result);
        failed.remove(command.key());
      }, () -> response.errorOf(command.key()).ifPresent(error -> failed.put(command.key(), error)));
    }
  }

  /**
   * A command that adds ({@code crm.item.add}, {@code crm.activity.todo.add}) makes its batch a create: resent only when
   * it certainly was not applied; after a lost answer the caller looks before it adds again.
   */
  private static boolean creates(BatchCommand command) {
    return command.method().endsWith(".add");
  }

  /** The commands to send again after a limit answer, with the budget and limiter told why. */
  private List<BatchCommand> limited(List<BatchCommand> sent, Map<String, BatchResponse.CommandError> failed,
      boolean again) {
    List<BatchCommand> retry = new ArrayList<>();
    for (BatchCommand command : sent) {
      BatchResponse.CommandError error = failed.get(command.key());
      if (error != null && Bitrix24Categories.isLimit(error.error())) {
        if (Bitrix24Categories.OPERATION_TIME_LIMIT.equals(error.error())) {
          budget.blocked(command.method(), null);
        } else {
          onQueryLimit.run();
        }
        retry.add(command);
      }
    }
    if (again && !retry.isEmpty()) {
      log.warn("Bitrix24 batch: {} command(s) hit a limit; sending them again after the wait", retry.size());
    }
    return again ? retry : List.of();
  }

  /** A failed command as an exception, for callers that cannot carry a per-record failure. */
  VendorException failure(BatchResponse.CommandError error, String method) {
    return errors.fromCommand(error, "batch " + method);
  }

  /** What a {@link #batch} returned: results and errors by command key (a key in neither got no answer). */
  record BatchResults(Map<String, JsonNode> results, Map<String, BatchResponse.CommandError> errors) {
    BatchResults {
      results = Map.copyOf(results);
      errors = Map.copyOf(errors);
    }
  }
}

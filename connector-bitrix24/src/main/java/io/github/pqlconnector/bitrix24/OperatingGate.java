package io.github.pqlconnector.bitrix24;

import io.github.pqlconnector.bitrix24.api.Bitrix24Categories;
import io.github.pqlconnector.bitrix24.api.Bitrix24Errors;
import io.github.pqlconnector.bitrix24.api.ErrorBody;
import io.github.pqlconnector.bitrix24.api.InvokedMethods;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The {@link OperatingBudget} in front of every request, retries included: waits while a method the request runs is
 * slowed down or blocked, and notes a 429 {@code OPERATION_TIME_LIMIT} (with its reset time when the body has one) so
 * the retry waits for it here. The methods are the request's tag ({@code batch}) or its last path segment.
 */
final class OperatingGate implements Interceptor {
  private static final long PEEK_BYTES = 16_384;

  private final OperatingBudget budget;

  OperatingGate(OperatingBudget budget) {
    this.budget = budget;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Set<String> methods = methods(chain.request());
    budget.awaitTurn(methods);
    Response response = chain.proceed(chain.request());
    if (response.code() == 429) {
      ErrorBody body = Bitrix24Errors.read(response.peekBody(PEEK_BYTES));
      if (Bitrix24Categories.OPERATION_TIME_LIMIT.equals(body.code())) {
        Instant resetAt = body.time() == null ? null : body.time().resetAt().orElse(null);
        methods.forEach(method -> budget.blocked(method, resetAt));
      }
    }
    return response;
  }

  static Set<String> methods(Request request) {
    InvokedMethods tagged = request.tag(InvokedMethods.class);
    if (tagged != null) {
      return tagged.methods();
    }
    var segments = request.url().pathSegments();
    return Set.of(segments.get(segments.size() - 1));
  }
}

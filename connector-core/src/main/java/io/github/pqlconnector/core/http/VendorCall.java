package io.github.pqlconnector.core.http;

import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.resilience.VendorResilience;
import java.io.IOException;
import java.util.function.Supplier;
import retrofit2.Call;
import retrofit2.Response;

/**
 * The single way adapters execute HTTP calls: unwraps the response, maps failures through the vendor's
 * {@link ErrorMapper}, and runs each attempt under the vendor's rate limiter, circuit breaker and retry.
 * Every attempt is a fresh clone of the call (a Retrofit call executes once).
 */
public final class VendorCall {
  private final ErrorMapper errors;
  private final VendorResilience resilience;

  public VendorCall(ErrorMapper errors, VendorResilience resilience) {
    this.errors = errors;
    this.resilience = resilience;
  }

  /** The body of a successful response; a {@link VendorException} once retries are spent. */
  public <T> T execute(Call<T> call) {
    Supplier<T> attempt = () -> once(call.clone());
    return resilience.decorate(attempt).get();
  }

  /** The same, on the vendor's separate (usually lower) search limit. */
  public <T> T executeSearch(Call<T> call) {
    Supplier<T> attempt = () -> once(call.clone());
    return resilience.decorateSearch(attempt).get();
  }

  /**
   * One attempt under the rate limiter, without retries or the breaker: for {@code check()}, where the person
   * running {@code pql validate} wants the vendor's answer now, not after the retry schedule.
   */
  public <T> T probe(Call<T> call) {
    Supplier<T> attempt = () -> once(call.clone());
    return resilience.decorateOnce(attempt).get();
  }

  private <T> T once(Call<T> call) {
    String operation = operation(call);
    Response<T> response;
    try {
      response = call.execute();
    } catch (IOException | RuntimeException e) {
      throw e instanceof VendorException v ? v
          : errors.fromFailure(e instanceof IOException io ? io : new IOException(e.getMessage(), e), operation);
    }
    if (!response.isSuccessful()) {
      throw errors.fromResponse(response, operation);
    }
    return response.body();
  }

  /** {@code Service.method} from Retrofit's invocation tag, for messages; never the arguments. */
  static String operation(Call<?> call) {
    return VendorApis.operation(call.request(), call.request().method() + " " + call.request().url().encodedPath());
  }
}

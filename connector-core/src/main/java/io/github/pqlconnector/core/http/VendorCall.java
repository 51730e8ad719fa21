package io.github.pqlconnector.core.http;

import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.resilience.VendorResilience;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
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
   * A call that is not idempotent (a create): sent again only when it certainly was not applied (a rate-limit
   * refusal, a refused connection); any other failure reaches the caller, who looks up what the vendor holds before
   * creating again. See {@link VendorResilience#decorateCreate}.
   */
  public <T> T executeCreate(Call<T> call) {
    Supplier<T> attempt = () -> once(call.clone());
    return resilience.decorateCreate(attempt).get();
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
      if (e instanceof VendorException v) {
        throw v;
      }
      VendorException mapped = errors.fromFailure(e instanceof IOException io ? io : new IOException(e.getMessage(), e),
          operation);
      throw neverSent(e) ? mapped.neverSent() : mapped;
    }
    if (!response.isSuccessful()) {
      throw errors.fromResponse(response, operation);
    }
    return response.body();
  }

  /** No connection was made, so no byte of the request reached the vendor. */
  private static boolean neverSent(Exception e) {
    return e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException;
  }

  /** {@code Service.method} from Retrofit's invocation tag, for messages; never the arguments. */
  static String operation(Call<?> call) {
    return VendorApis.operation(call.request(), call.request().method() + " " + call.request().url().encodedPath());
  }
}

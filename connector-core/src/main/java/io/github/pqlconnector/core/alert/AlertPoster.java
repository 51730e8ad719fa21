package io.github.pqlconnector.core.alert;

import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.http.RetryAfter;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * The one HTTP mechanism of alerts: POSTs a {@link AlertReceiver.Delivery} on the shared OkHttp pool, with the
 * receivers' secrets redacted from the debug log. What went wrong is said in its own words (status, exception type),
 * never with a URL or an exception's message, which could quote a secret URL.
 */
public final class AlertPoster {
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  /** Answers that will not change by asking again: a wrong or revoked URL, an archived channel. */
  private static final Set<Integer> PERMANENT = Set.of(400, 401, 403, 404, 410);

  private final OkHttpClient client;

  public AlertPoster(HttpClients http, List<AlertReceiver> receivers) {
    this.client = http.forVendor("alerts", List.of(), redact(receivers), CALL_TIMEOUT);
  }

  /** How one POST went; {@code retryAfter} is the wait the receiver asked for, if any. */
  record Outcome(boolean sent, boolean permanent, String error, @Nullable Duration retryAfter) {
    static final Outcome SENT = new Outcome(true, false, "", null);
  }

  Outcome post(AlertReceiver.Delivery delivery) {
    Request.Builder request = new Request.Builder().url(delivery.url()).post(RequestBody.create(delivery.body(), JSON));
    delivery.headers().forEach(request::header);
    try (Response response = client.newCall(request.build()).execute()) {
      if (response.isSuccessful()) {
        return Outcome.SENT;
      }
      return new Outcome(false, PERMANENT.contains(response.code()), "HTTP " + response.code(),
          RetryAfter.parse(response));
    } catch (IOException | RuntimeException e) {
      return new Outcome(false, false, "no answer (" + e.getClass().getSimpleName() + ")", null);
    }
  }

  private static UnaryOperator<String> redact(List<AlertReceiver> receivers) {
    List<String> secrets = receivers.stream().flatMap(r -> r.secrets().stream()).filter(s -> s.length() > 1)
        .sorted((a, b) -> b.length() - a.length()).toList();
    return line -> {
      String redacted = line;
      for (String secret : secrets) {
        redacted = redacted.replace(secret, "██");
      }
      return redacted;
    };
  }
}

package io.github.pqlconnector.core.alert;

import io.github.pqlconnector.core.secret.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Any HTTPS endpoint: the alert as JSON ({@link Alert}'s fields), signed. Headers: {@code X-PQL-Timestamp} (Unix
 * seconds of the attempt), {@code X-PQL-Signature} ({@code v1=} and the lowercase hex HMAC-SHA256, keyed with the
 * secret, of {@code <timestamp>.<body>}), {@code X-PQL-Delivery} (the same on every retry of one alert, to drop
 * repeats) and {@code X-PQL-Alert} (the kind).
 */
final class WebhookReceiver implements AlertReceiver {
  static final String TIMESTAMP = "X-PQL-Timestamp";
  static final String SIGNATURE = "X-PQL-Signature";
  static final String DELIVERY = "X-PQL-Delivery";
  static final String KIND = "X-PQL-Alert";

  private final String url;
  private final Secret secret;

  WebhookReceiver(String url, Secret secret) {
    this.url = url;
    this.secret = secret;
  }

  @Override
  public String name() {
    return AlertReceivers.WEBHOOK;
  }

  @Override
  public Delivery delivery(Alert alert, long deliveryId, Instant now) {
    String body = AlertJson.write(alert);
    String timestamp = Long.toString(now.getEpochSecond());
    return new Delivery(url, body, Map.of(TIMESTAMP, timestamp,
        SIGNATURE, WebhookSignature.sign(secret, timestamp, body), DELIVERY, Long.toString(deliveryId),
        KIND, alert.kind()));
  }

  @Override
  public List<String> secrets() {
    return List.of(secret.reveal());
  }
}

package io.github.pqlconnector.core.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Where alerts go: how one alert becomes an HTTP POST for this receiver. The posting itself is {@link AlertPoster}'s. */
public interface AlertReceiver {
  /** The receiver's name in the outbox, the metrics and the run history: {@code slack} or {@code webhook}. */
  String name();

  /** The POST for {@code alert}; {@code deliveryId} is stable across its retries, {@code now} the attempt's time. */
  Delivery delivery(Alert alert, long deliveryId, Instant now);

  /** Texts that must never reach a log line: a secret URL's path, a signing key. */
  List<String> secrets();

  /** One POST: where to, the JSON body, and the headers besides {@code Content-Type}. */
  record Delivery(String url, String body, Map<String, String> headers) {
    public Delivery {
      headers = Map.copyOf(headers);
    }
  }
}

package io.github.pqlconnector.core.alert.slack;

import io.github.pqlconnector.core.alert.Alert;
import io.github.pqlconnector.core.alert.AlertReceiver;
import io.github.pqlconnector.core.alert.AlertReceivers;
import io.github.pqlconnector.core.secret.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Slack incoming webhook. Its URL is the credential, so the path (which holds it) is one of {@link #secrets()};
 * {@code baseUrl} replaces the scheme and host (a test server or a proxy), the path stays.
 */
public final class SlackReceiver implements AlertReceiver {
  private final Secret webhookUrl;
  private final @Nullable String baseUrl;

  public SlackReceiver(Secret webhookUrl, @Nullable String baseUrl) {
    this.webhookUrl = webhookUrl;
    this.baseUrl = baseUrl;
  }

  @Override
  public String name() {
    return AlertReceivers.SLACK;
  }

  @Override
  public Delivery delivery(Alert alert, long deliveryId, Instant now) {
    return new Delivery(target(), SlackBlocks.message(alert), Map.of());
  }

  @Override
  public List<String> secrets() {
    return List.of(webhookUrl.reveal(), path());
  }

  private String target() {
    if (baseUrl == null) {
      return webhookUrl.reveal();
    }
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return base + path();
  }

  /** Everything after the host: the part of the URL that is the credential. */
  private String path() {
    String url = webhookUrl.reveal();
    int scheme = url.indexOf("://");
    int slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
    return slash < 0 ? "/" : url.substring(slash);
  }
}

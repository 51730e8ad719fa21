package io.github.pqlconnector.core.alert;

import io.github.pqlconnector.core.alert.slack.SlackReceiver;
import io.github.pqlconnector.core.config.AlertsConfig;
import java.util.ArrayList;
import java.util.List;

/** The receivers the {@code alerts:} block configures. */
public final class AlertReceivers {
  public static final String SLACK = "slack";
  public static final String WEBHOOK = "webhook";

  private AlertReceivers() {}

  public static List<AlertReceiver> from(AlertsConfig config) {
    List<AlertReceiver> receivers = new ArrayList<>(2);
    if (config.slack() != null && config.slack().webhookUrl() != null) {
      receivers.add(new SlackReceiver(config.slack().webhookUrl(), config.slack().baseUrl()));
    }
    if (config.webhook() != null && config.webhook().url() != null && config.webhook().secret() != null) {
      receivers.add(new WebhookReceiver(config.webhook().url(), config.webhook().secret()));
    }
    return receivers;
  }
}

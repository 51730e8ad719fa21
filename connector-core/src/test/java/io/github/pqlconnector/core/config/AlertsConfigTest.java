package io.github.pqlconnector.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.spi.Plugins;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The {@code alerts:} block: bound with its defaults, and every problem with its YAML path and line. */
class AlertsConfigTest {
  static final String SLACK = "https://hooks.slack.com/services/T1/B2/sEcReTtOkEn";
  private final ConfigLoader loader = new ConfigLoader(Plugins.load(), Map.of("SLACK_WEBHOOK_URL", SLACK,
      "PQL_WEBHOOK_SECRET", "whsec-1", "BAD_SLACK", "https://example.com/hook/sEcReTtOkEn")::get);

  @Test
  void theIssuesBlockIsBound() {
    AlertsConfig alerts = loader.parse(withAlerts("""
        alerts:
          slack: { webhookUrl: "${SLACK_WEBHOOK_URL}" }
          webhook: { url: "https://ops.example.com/pql", secret: "${PQL_WEBHOOK_SECRET}" }
          on: [new_pqls, run_failed, partial_failure, stalled, quota]
          throttle: 1h
        """)).alerts();
    assertThat(alerts.enabled()).isTrue();
    assertThat(alerts.kinds()).containsExactlyInAnyOrder(AlertsConfig.Kind.values());
    assertThat(alerts.throttle()).isEqualTo(Duration.ofHours(1));
    assertThat(alerts.slack().webhookUrl().reveal()).isEqualTo(SLACK);
    assertThat(alerts.toString()).doesNotContain("sEcReTtOkEn").doesNotContain("whsec-1");
  }

  @Test
  void noBlockAndAnAllNullRecordCarryTheDefaults() {
    AlertsConfig none = loader.parse(ConfigLoaderTest.VALID).alerts();
    AlertsConfig nulls = new AlertsConfig(null, null, null, null);
    for (AlertsConfig alerts : List.of(none, nulls)) {
      assertThat(alerts.enabled()).isFalse();
      assertThat(alerts.on()).containsExactly("new_pqls", "run_failed", "partial_failure", "stalled", "quota");
      assertThat(alerts.throttle()).isEqualTo(AlertsConfig.DEFAULT_THROTTLE);
    }
  }

  @Test
  void everyProblemNamesItsPathAndLineAndNeverTheSecret() {
    List<String> problems = YamlProblems.of(loader, withAlerts("""
        alerts:
          slack: { webhookUrl: "${BAD_SLACK}" }
          webhook: { url: "http://ops.example.com/pql?token=abc" }
          on: [new_pql, run_failed, bogus]
          throttle: soon
        """));
    assertThat(problems).containsExactlyInAnyOrder(
        "alerts.throttle: expected a duration like 30d, 12h or 15m, got \"soon\" at line 5",
        "alerts.on[0]: unknown alert 'new_pql'; known: new_pqls, run_failed, partial_failure, stalled, quota;"
            + " did you mean 'new_pqls'? at line 4",
        "alerts.on[2]: unknown alert 'bogus'; known: new_pqls, run_failed, partial_failure, stalled, quota at line 4",
        "alerts.slack.webhookUrl: must be a Slack incoming-webhook URL starting with https://hooks.slack.com/services/"
            + " (the value is not shown: it is a secret) at line 2",
        "alerts.webhook.url: must be an https:// URL (http:// only for localhost), was"
            + " \"http://ops.example.com/pql\" at line 3",
        "alerts.webhook.secret: is required: it signs every body; give it as ${PQL_WEBHOOK_SECRET} at line 3");
    assertThat(String.join("\n", problems)).doesNotContain("sEcReTtOkEn").doesNotContain("token=abc");
  }

  @Test
  void aLiteralSlackUrlIsRefusedAsASecretAndAnUnknownKeyIsNamed() {
    assertThat(YamlProblems.of(loader, withAlerts("""
        alerts:
          slack: { webhookUrl: "%s", channel: "#sales" }
        """.formatted(SLACK)))).hasSize(2).allSatisfy(p -> assertThat(p).doesNotContain("sEcReTtOkEn"))
        .anyMatch(p -> p.startsWith("alerts.slack.webhookUrl: is a secret"))
        .anyMatch(p -> p.startsWith("alerts.slack.channel:"));
  }

  @Test
  void everyComponentIsDescribedForTheSchema() {
    Stream.of(AlertsConfig.class, AlertsConfig.Slack.class, AlertsConfig.Webhook.class)
        .flatMap(type -> Stream.of(type.getRecordComponents()))
        .forEach(component -> assertThat(description(component)).as(component.toString()).isNotBlank());
  }

  private static String description(RecordComponent component) {
    JsonPropertyDescription d = component.getAnnotation(JsonPropertyDescription.class);
    if (d == null) {
      d = component.getAccessor().getAnnotation(JsonPropertyDescription.class);
    }
    return d == null ? "" : d.value();
  }

  private static String withAlerts(String alerts) {
    return alerts + ConfigLoaderTest.VALID;
  }
}

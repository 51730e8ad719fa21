package io.github.pqlconnector.sources.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.sources.amplitude.AmplitudeConfig;
import io.github.pqlconnector.sources.mixpanel.MixpanelConfig;
import io.github.pqlconnector.sources.posthog.PostHogConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three source blocks bind from YAML through the real loader; every mistake is reported with path and line. */
class HttpSourcesConfigTest {
  private static final Map<String, String> ENV = Map.of("MP_SECRET", "fake-mp-secret", "AMP_KEY", "fake-amp-key",
      "AMP_SECRET", "fake-amp-secret", "PH_KEY", "phx_fake");
  private static final String REST = """
      model:
        metrics: { reports: { count: report_created } }
        signals: [ { name: "Reports", metric: reports, gte: 1, points: 80 } ]
      destinations:
        out: { type: csv, directory: /tmp/pql-out }
      syncs:
        - { name: s, source: mp, destination: out }
      """;

  @Test
  void bindsAllThreeWithDefaults() {
    PqlConfig config = load("""
        sources:
          mp: { type: mixpanel, projectId: 12345, username: sa.user, secret: "${MP_SECRET}", region: eu,
                accountProperty: company_id }
          amp: { type: amplitude, apiKey: "${AMP_KEY}", secretKey: "${AMP_SECRET}", accountGroupType: company_id }
          ph: { type: posthog, apiKey: "${PH_KEY}", projectId: "4242", host: eu, accountGroupIndex: 0,
                pushdown: true }
        """);

    MixpanelConfig mixpanel = (MixpanelConfig) config.sources().get("mp").config();
    assertThat(mixpanel.exportUrl()).isEqualTo("https://data-eu.mixpanel.com/");
    assertThat(mixpanel.queryUrl()).isEqualTo("https://eu.mixpanel.com/");
    assertThat(mixpanel.lateData()).isEqualTo(Duration.ofDays(5));
    AmplitudeConfig amplitude = (AmplitudeConfig) config.sources().get("amp").config();
    assertThat(amplitude.baseUrl()).isEqualTo("https://amplitude.com/");
    assertThat(amplitude.lateData()).isEqualTo(Duration.ofHours(2));
    PostHogConfig posthog = (PostHogConfig) config.sources().get("ph").config();
    assertThat(posthog.baseUrl()).isEqualTo("https://eu.posthog.com/");
    assertThat(posthog.pageSize()).isEqualTo(10_000);
    assertThat(posthog.pushdown()).isTrue();
  }

  @Test
  void everyProblemHasItsPathAndLineAndNoSecretIsEchoed() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> load("""
        sources:
          mp: { type: mixpanel, username: sa.user, secret: literal-secret, region: us-west }
          amp: { type: amplitude, apiKey: "${AMP_KEY}", lateData: 45d }
          ph: { type: posthog, apiKey: "${PH_KEY}", projectId: "4242", accountGroupIndex: 7, pageSize: 90000,
                pushdown: sometimes }
        """));

    assertThat(e.problems()).extracting(p -> p.path() + ": " + p.message() + " at line " + p.line()).contains(
        "sources.mp.secret: is a secret: give it as ${ENV_VAR} or ${file:/path}, never as a literal value at line 2",
        "sources.mp.projectId: is required (the numeric project id) at line 2",
        "sources.mp.region: must be one of us, eu, in, was 'us-west' at line 2",
        "sources.amp.secretKey: is required (use ${AMPLITUDE_SECRET_KEY}) at line 3",
        "sources.amp.lateData: must be between 0 and 30d at line 3",
        "sources.ph.accountGroupIndex: must be 0..4 (PostHog's group type index), was 7 at line 4",
        "sources.ph.pageSize: must be 1..50000 (PostHog's row limit), was 90000 at line 4",
        "sources.ph.pushdown: expected true or false, got \"sometimes\" at line 5");
    assertThat(e.getMessage()).doesNotContain("literal-secret").doesNotContain("fake-amp-key");
  }

  private static PqlConfig load(String sources) {
    return new ConfigLoader(Plugins.load(), ENV::get).parse(sources + REST);
  }
}

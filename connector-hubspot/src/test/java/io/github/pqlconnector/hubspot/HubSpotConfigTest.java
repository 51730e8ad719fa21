package io.github.pqlconnector.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.error.ConfigProblem;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.LineIndex;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.CrmTraitFields;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.spi.TaskPolicy;
import io.github.pqlconnector.core.testing.JsonLinesSourceProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubSpotConfigTest {
  private static final ConfigPath AT = ConfigPath.of("destinations", "crm");

  @Test
  void defaultsFitTheLowestHubSpotTier() {
    HubSpotConfig config = new HubSpotConfig(new Secret("t"), null, null, null, null, null, null, null, null);

    assertThat(config.baseUrl()).isEqualTo("https://api.hubapi.com/");
    assertThat(config.apiVersion()).isEqualTo("v3");
    assertThat(config.objects()).isEqualTo(new HubSpotConfig.ObjectTypes("companies", "contacts"));
    assertThat(config.accountKey()).isEqualTo("domain");
    assertThat(config.createMissing()).isFalse();
    assertThat(config.tasks()).isEqualTo(TaskPolicy.none());
    assertThat(config.rateLimit()).isEqualTo(new HubSpotConfig.RateLimit(100, 4, 16));
    assertThat(problems(config)).isEmpty();
  }

  @Test
  void collectsEveryProblemWithItsPath() {
    HubSpotConfig config = new HubSpotConfig(null, "http://localhost:8080", "v4", null, " ", null,
        new TaskPolicy(null, null, "default", null), new HubSpotConfig.RateLimit(300, 10, 0), null);

    assertThat(problems(config)).containsExactly(
        "destinations.crm.token: is required (use ${HUBSPOT_TOKEN}), unless oauth is configured",
        "destinations.crm.baseUrl: must end in /",
        "destinations.crm.apiVersion: unknown HubSpot API version 'v4'; expected v3 or a dated version like 2026-09",
        "destinations.crm.accountKey: must not be blank",
        "destinations.crm.tasks.defaultOwnerId: is required when owner is 'default'",
        "destinations.crm.rateLimit.requestsPerTenSeconds: must be 1..250 (HubSpot's documented limit), was 300",
        "destinations.crm.rateLimit.searchPerSecond: must be 1..4 (HubSpot's documented limit), was 10",
        "destinations.crm.rateLimit.concurrency: must be 1..16, was 0");
  }

  @Test
  void theDefaultConcurrencySendsAWindowsCallsWithinTwoSeconds() {
    assertThat(HubSpotConfig.defaultConcurrency(100)).isEqualTo(16);
    assertThat(HubSpotConfig.defaultConcurrency(190)).isEqualTo(16);
    assertThat(HubSpotConfig.defaultConcurrency(250)).isEqualTo(16);
    assertThat(HubSpotConfig.defaultConcurrency(50)).isEqualTo(10);
    assertThat(HubSpotConfig.defaultConcurrency(5)).isEqualTo(2);
    assertThat(new HubSpotConfig.RateLimit(250, null, null).concurrency()).isEqualTo(16);
  }

  @Test
  void aDatedVersionIsAccepted() {
    HubSpotConfig config = new HubSpotConfig(new Secret("t"), null, "2026-09", null, null, true, null, null, null);
    assertThat(problems(config)).isEmpty();
    assertThat(config.version().objectsPath()).isEqualTo("crm/objects/2026-09");
  }

  @Test
  void anOutcomesBlockCountsDealsByDefaultAndMustCountSomething() {
    assertThat(new HubSpotOutcomesConfig(null, null, null)).isEqualTo(new HubSpotOutcomesConfig(true, List.of(), false));
    HubSpotConfig config = new HubSpotConfig(new Secret("t"), null, null, null, null, null, null, null, null,
        new HubSpotOutcomesConfig(false, List.of("default", " "), false));

    assertThat(problems(config)).containsExactly(
        "destinations.crm.outcomes: counts nothing: set deals or lifecycleCustomer to true",
        "destinations.crm.outcomes.pipelines[1]: must not be blank (a pipeline id, or default)",
        "destinations.crm.outcomes.pipelines: filters deals, but deals is false");
  }

  @Test
  void aTraitsBlockBindsFromYaml() {
    Plugins plugins = new Plugins(List.of(new JsonLinesSourceProvider()), List.of(new HubSpotDestinationProvider()));
    String yaml = """
        sources:
          src: { type: testjsonl, directory: "." }
        model:
          metrics: { messages_sent: { count: message_sent } }
          signals:
            - { name: "Heavy messaging", metric: messages_sent, gte: 2000, points: 80 }
          tiers: { pql: 70, warm: 40 }
        destinations:
          crm:
            type: hubspot
            token: ${HUBSPOT_TOKEN}
            traits:
              account: { employees: numberofemployees, industry: industry }
              user: { lifecycle: lifecyclestage }
              refresh: 12h
        syncs:
          - { name: s, source: src, destination: crm }
        """;

    HubSpotConfig config = (HubSpotConfig) new ConfigLoader(plugins, Map.of("HUBSPOT_TOKEN", "test-token")::get)
        .parse(yaml).destinations().get("crm").config();

    assertThat(config.traits()).isEqualTo(new CrmTraitFields(
        Map.of("employees", "numberofemployees", "industry", "industry"), Map.of("lifecycle", "lifecyclestage"),
        Duration.ofHours(12)));
    assertThat(new HubSpotConfig(new Secret("t"), null, null, null, null, null, null, null, null).traits()).isNull();
  }

  @Test
  void aTraitsBlockThatNamesNoFieldOrABlankOneIsAProblem() {
    HubSpotConfig empty = new HubSpotConfig(new Secret("t"), null, null, null, null, null, null, null, null, null,
        new CrmTraitFields(null, null, Duration.ZERO));
    HubSpotConfig blank = new HubSpotConfig(new Secret("t"), null, null, null, null, null, null, null, null, null,
        new CrmTraitFields(Map.of("employees", " "), null, null));

    assertThat(problems(empty)).containsExactly(
        "destinations.crm.traits: names no field: give account: and/or user: as trait name: CRM field",
        "destinations.crm.traits.refresh: must be longer than 0");
    assertThat(problems(blank)).containsExactly("destinations.crm.traits.account.employees: needs the CRM field to read");
  }

  private static List<String> problems(HubSpotConfig config) {
    Problems problems = new Problems(LineIndex.empty());
    config.validate(AT, problems);
    return problems.list().stream().map(HubSpotConfigTest::text).toList();
  }

  private static String text(ConfigProblem problem) {
    return problem.path() + ": " + problem.message();
  }
}

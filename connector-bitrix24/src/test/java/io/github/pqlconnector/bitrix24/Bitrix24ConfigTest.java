package io.github.pqlconnector.bitrix24;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.error.ConfigException;
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

class Bitrix24ConfigTest {
  private static final ConfigPath AT = ConfigPath.of("destinations", "crm");
  private static final String WEBHOOK = "https://example.bitrix24.com/rest/1/" + Bitrix24Stubs.CODE + "/";

  @Test
  void defaultsAreContactsCompaniesAndTheNonEnterpriseBucket() {
    Bitrix24Config config = new Bitrix24Config(new Secret(WEBHOOK), null, null, null, null, null, null, null);

    assertThat(config.userEntity()).isEqualTo(BitrixEntity.CONTACT);
    assertThat(config.accountEntity()).isEqualTo(BitrixEntity.COMPANY);
    assertThat(config.accountField()).isEqualTo("WEB");
    assertThat(config.matchesWeb()).isTrue();
    assertThat(config.rateLimit()).isEqualTo(new Bitrix24Config.RateLimit(2.0, 50, 480));
    assertThat(Bitrix24Destination.capacity(config.rateLimit())).isEqualTo(48);
    assertThat(problems(config)).isEmpty();
  }

  @Test
  void anOnPremiseWebhookUnderAPathAndEnterpriseLimitsAreAccepted() {
    Bitrix24Config config = new Bitrix24Config(new Secret("https://crm.intranet.example/portal/rest/12/"
        + Bitrix24Stubs.CODE), null, null, new Bitrix24Config.Entities("lead", null), null, true, null,
        new Bitrix24Config.RateLimit(5.0, 250, 420));

    assertThat(problems(config)).isEmpty();
    assertThat(Bitrix24Webhook.parse(config.webhookUrl()).orElseThrow().restBase())
        .isEqualTo("https://crm.intranet.example/portal/rest/");
    assertThat(Bitrix24Destination.capacity(config.rateLimit())).isEqualTo(245);
  }

  @Test
  void collectsEveryProblemWithItsPathAndNeverShowsTheWebhook() {
    Bitrix24Config config = new Bitrix24Config(new Secret("https://example.bitrix24.com/" + Bitrix24Stubs.CODE), null,
        null, new Bitrix24Config.Entities("deal", "contact"), "UF CRM", null,
        new TaskPolicy(null, null, "default", null), new Bitrix24Config.RateLimit(0.0, 1, 0));

    assertThat(problems(config)).containsExactly(
        "destinations.crm.webhookUrl: must look like https://<portal>/rest/<user id>/<code>/ (the value is a secret "
            + "and is not shown)",
        "destinations.crm.entities.user: must be 'contact' or 'lead', was 'deal'",
        "destinations.crm.entities.account: must be 'company', was 'contact'",
        "destinations.crm.accountField: must be WEB (the companies' websites) or a field name such as "
            + "UF_CRM_PQL_DOMAIN",
        "destinations.crm.tasks.defaultOwnerId: is required when owner is 'default'",
        "destinations.crm.rateLimit.drainPerSecond: must be above 0 and at most 50, was 0.0",
        "destinations.crm.rateLimit.burst: must be 2..1000, was 1",
        "destinations.crm.rateLimit.operatingSeconds: must be at least 1, was 0");
  }

  @Test
  void oauthNeedsItsPartsAndTheRestBaseUrl() {
    Bitrix24Config config = new Bitrix24Config(null, null, new Bitrix24OAuth(null, null, null, null, "ftp://x"), null,
        null, null, null, null);

    assertThat(problems(config)).containsExactly(
        "destinations.crm.oauth.clientId: is required (the app's client id)",
        "destinations.crm.oauth.clientSecret: is required (use ${BITRIX24_CLIENT_SECRET})",
        "destinations.crm.oauth.refreshToken: is required (use ${BITRIX24_REFRESH_TOKEN})",
        "destinations.crm.oauth.tokenFile: is required: a file the connector may write, where it keeps the rotated "
            + "tokens (e.g. ./data/bitrix24-tokens.json)",
        "destinations.crm.oauth.tokenUrl: must be an http(s) URL",
        "destinations.crm.baseUrl: is required with oauth: the portal's REST URL, e.g. "
            + "https://example.bitrix24.com/rest/ (ending in /)");
  }

  @Test
  void aLiteralWebhookInTheYamlIsRefusedWithItsLineAndWithoutItsValue() {
    Plugins plugins = new Plugins(List.of(new JsonLinesSourceProvider()), List.of(new Bitrix24DestinationProvider()));
    String yaml = """
        sources:
          src: { type: testjsonl, directory: "." }
        destinations:
          crm:
            type: bitrix24
            webhookUrl: "%s"
        syncs:
          - { name: s, source: src, destination: crm }
        """.formatted(WEBHOOK);

    assertThatThrownBy(() -> new ConfigLoader(plugins, Map.<String, String>of()::get).parse(yaml))
        .isInstanceOf(ConfigException.class).hasMessageContaining("destinations.crm.webhookUrl")
        .hasMessageContaining("line 6").satisfies(e -> assertThat(e.getMessage()).doesNotContain(Bitrix24Stubs.CODE));
  }

  @Test
  void anOutcomesBlockCountsWonDealsByDefaultAndBindsFromYaml() {
    Plugins plugins = new Plugins(List.of(new JsonLinesSourceProvider()), List.of(new Bitrix24DestinationProvider()));
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
            type: bitrix24
            webhookUrl: ${BITRIX24_WEBHOOK_URL}
            outcomes: { categories: [0, 4], convertedLeads: true }
        syncs:
          - { name: s, source: src, destination: crm }
        """;

    Bitrix24Config config = (Bitrix24Config) new ConfigLoader(plugins, Map.of("BITRIX24_WEBHOOK_URL", WEBHOOK)::get)
        .parse(yaml).destinations().get("crm").config();

    assertThat(config.outcomes()).isEqualTo(new Bitrix24Config.Outcomes(true, List.of(0, 4), true));
    assertThat(new Bitrix24Config.Outcomes(null, null, null)).isEqualTo(new Bitrix24Config.Outcomes(true, List.of(),
        false));
    assertThat(new Bitrix24Config(new Secret(WEBHOOK), null, null, null, null, null, null, null).outcomes()).isNull();
  }

  @Test
  void anOutcomesBlockThatCountsNothingOrNamesABadPipelineIsAProblem() {
    Bitrix24Config config = new Bitrix24Config(new Secret(WEBHOOK), null, null, null, null, null, null, null,
        new Bitrix24Config.Outcomes(false, List.of(-1), false));

    assertThat(problems(config)).containsExactly(
        "destinations.crm.outcomes: counts nothing: set deals or convertedLeads to true, or remove the block",
        "destinations.crm.outcomes.categories: must be pipeline ids (CATEGORY_ID, 0 is the general one), was [-1]");
    assertThat(problems(new Bitrix24Config(new Secret(WEBHOOK), null, null, null, null, null, null, null,
        new Bitrix24Config.Outcomes(false, List.of(0), true)))).containsExactly(
        "destinations.crm.outcomes.categories: only applies to deals, which are off");
  }

  @Test
  void aTraitsBlockBindsFromYamlByTraitNameAndLevel() {
    Plugins plugins = new Plugins(List.of(new JsonLinesSourceProvider()), List.of(new Bitrix24DestinationProvider()));
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
            type: bitrix24
            webhookUrl: ${BITRIX24_WEBHOOK_URL}
            traits: { account: { employees: employees, industry: industry, seats: UF_CRM_SEATS },
                      user: { lifecycle: typeId }, refresh: 12h }
        syncs:
          - { name: s, source: src, destination: crm }
        """;

    Bitrix24Config config = (Bitrix24Config) new ConfigLoader(plugins, Map.of("BITRIX24_WEBHOOK_URL", WEBHOOK)::get)
        .parse(yaml).destinations().get("crm").config();

    assertThat(config.traits()).isEqualTo(new CrmTraitFields(Map.of("employees", "employees", "industry", "industry",
        "seats", "UF_CRM_SEATS"), Map.of("lifecycle", "typeId"), Duration.ofHours(12)));
    assertThat(new Bitrix24Config(new Secret(WEBHOOK), null, null, null, null, null, null, null, null).traits())
        .isNull();
  }

  @Test
  void aTraitsBlockWithoutFieldsOrWithACamelCaseUserFieldIsAProblem() {
    assertThat(problems(withTraits(new CrmTraitFields(null, null, Duration.ZERO)))).containsExactly(
        "destinations.crm.traits: names no field: give account: and/or user: as trait name: CRM field",
        "destinations.crm.traits.refresh: must be longer than 0");
    assertThat(problems(withTraits(new CrmTraitFields(Map.of("seats", "ufCrmSeats"), Map.of("title", " "), null))))
        .containsExactly("destinations.crm.traits.user.title: needs the CRM field to read",
            "destinations.crm.traits.account.seats: name the user field as UF_CRM_… (its original name), "
                + "was 'ufCrmSeats'");
  }

  private static Bitrix24Config withTraits(CrmTraitFields traits) {
    return new Bitrix24Config(new Secret(WEBHOOK), null, null, null, null, null, null, null, null, traits);
  }

  private static List<String> problems(Bitrix24Config config) {
    Problems problems = new Problems(LineIndex.empty());
    config.validate(AT, problems);
    return problems.list().stream().map(Bitrix24ConfigTest::text).toList();
  }

  private static String text(ConfigProblem problem) {
    return problem.path() + ": " + problem.message();
  }
}

package io.github.pqlconnector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.spi.CrmTraitFields;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.testing.JsonLinesSourceProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code type: salesforce} block: defaults, and every mistake reported with its YAML path and line. */
class SalesforceConfigTest {
  private static final String YAML = """
      model:
        signals:
          - { name: s, anyEvent: [x], points: 80 }
      sources:
        src: { type: testjsonl, directory: "." }
      destinations:
        crm:
          type: salesforce
      %s
      syncs:
        - { name: s, source: src, destination: crm }
      """;
  private final Plugins plugins =
      new Plugins(List.of(new JsonLinesSourceProvider()), List.of(new SalesforceDestinationProvider()));

  @Test
  void aMinimalClientCredentialsBlockGetsTheDocumentedDefaults() {
    SalesforceConfig config = (SalesforceConfig) parse("""
            auth: { loginUrl: "https://acme.my.salesforce.com", clientId: "3MVG9x", clientSecret: "${SECRET}" }
        """).destinations().get("crm").config();
    assertThat(config.apiVersion()).isEqualTo("67.0");
    assertThat(config.userObjects()).containsExactly("Contact", "Lead");
    assertThat(config.accountField()).isEqualTo("Website");
    assertThat(config.bulkThreshold()).isEqualTo(2_000);
    assertThat(config.maxBatchSize()).isEqualTo(10_000);
    assertThat(config.limits().reservePercent()).isEqualTo(10);
    assertThat(config.auth().tokenUrl()).isEqualTo("https://acme.my.salesforce.com/services/oauth2/token");
  }

  @Test
  void everyMistakeIsReportedWithPathAndLine() {
    assertThatThrownBy(() -> parse("""
            auth: { flow: jwt, loginUrl: "https://acme.my.salesforce.com", clientId: "3MVG9x" }
            apiVersion: "52.0"
            userObjects: [Contact, Person]
            limits: { reservePercent: 95 }
        """)).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage()).contains(
            "destinations.crm.auth.username: is required for this flow (the integration user) at line 9",
            "destinations.crm.auth.privateKey: is required for this flow (use ${file:/run/secrets/salesforce.key})"
                + " at line 9",
            "destinations.crm.apiVersion: must be a version like 67.0, at least 59.0, was '52.0' at line 10",
            "destinations.crm.userObjects: must list Contact and/or Lead, in the order to try, was [Contact, Person]"
                + " at line 11",
            "destinations.crm.limits.reservePercent: must be 0..90, was 95 at line 12"));
  }

  @Test
  void anOutcomesBlockReadsBothKindsUnlessOneIsTurnedOffAndNeverNeither() {
    String auth = """
            auth: { loginUrl: "https://acme.my.salesforce.com", clientId: "3MVG9x", clientSecret: "${SECRET}" }
        """;
    SalesforceConfig without = (SalesforceConfig) parse(auth).destinations().get("crm").config();
    SalesforceConfig empty = (SalesforceConfig) parse(auth + "    outcomes: {}\n").destinations().get("crm").config();
    assertThat(without.outcomes()).isNull();
    assertThat(empty.outcomes()).isEqualTo(new SalesforceConfig.Outcomes(true, true));
    assertThatThrownBy(() -> parse(auth + "    outcomes: { opportunities: false, convertedLeads: false }\n"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage()).contains(
            "destinations.crm.outcomes: reads nothing: set opportunities and/or convertedLeads to true, or remove the"
                + " block at line 10"));
  }

  @Test
  void aTraitsBlockBindsTraitNamesToFieldsAndIsValidated() {
    String auth = """
            auth: { loginUrl: "https://acme.my.salesforce.com", clientId: "3MVG9x", clientSecret: "${SECRET}" }
        """;
    SalesforceConfig config = (SalesforceConfig) parse(auth + "    traits: { account: { employees: NumberOfEmployees,"
        + " industry: Industry }, user: { title: Title }, refresh: 12h }\n").destinations().get("crm").config();
    assertThat(config.traits()).isEqualTo(new CrmTraitFields(
        Map.of("employees", "NumberOfEmployees", "industry", "Industry"), Map.of("title", "Title"),
        Duration.ofHours(12)));
    assertThat(((SalesforceConfig) parse(auth).destinations().get("crm").config()).traits()).isNull();
    assertThatThrownBy(() -> parse(auth + "    traits: { account: { owner: Owner.Name }, refresh: 0s }\n"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage()).contains(
            "destinations.crm.traits.account.owner: must be a field API name like NumberOfEmployees or Tier__c, was"
                + " 'Owner.Name'",
            "destinations.crm.traits.refresh: must be longer than 0"));
    assertThatThrownBy(() -> parse(auth + "    traits: {}\n")).isInstanceOfSatisfying(ConfigException.class,
        e -> assertThat(e.getMessage()).contains("destinations.crm.traits: names no field"));
  }

  @Test
  void aLiteralSecretIsRefused() {
    assertThatThrownBy(() -> parse("""
            auth: { loginUrl: "https://acme.my.salesforce.com", clientId: "3MVG9x", clientSecret: "hunter2-literal" }
        """)).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage())
            .contains("destinations.crm.auth.clientSecret: is a secret").doesNotContain("hunter2-literal"));
  }

  private PqlConfig parse(String block) {
    return new ConfigLoader(plugins, Map.of("SECRET", "test-client-secret-7f3a91c2")::get)
        .parse(YAML.formatted(block.stripTrailing()));
  }
}

package io.github.pqlconnector.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.error.ConfigProblem;
import io.github.pqlconnector.core.spi.Plugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  static final String VALID = """
      sources:
        product: { type: testjsonl, directory: /tmp/data }
      model:
        window: 30d
        metrics:
          messages_sent: { count: message_sent }
          active_days_14: { activeDays: "*", window: 14d }
        activation: { steps: [doc_created, doc_shared] }
        fit:
          account:
            - { trait: employees, gte: 10 }
        signals:
          - { name: "Heavy messaging", metric: messages_sent, gte: 2000, points: 40, type: usage }
          - { name: "Asked for sales", anyEvent: [pricing_viewed], points: 35, type: hand_raiser }
        tiers: { pql: 70, warm: 40 }
        hysteresis: 7d
      destinations:
        crm: { type: csv, directory: /tmp/out }
      syncs:
        - { name: product-to-crm, source: product, destination: crm, cron: "0 */30 * * * ?" }
      """;

  private final ConfigLoader loader = new ConfigLoader(Plugins.load(),
      Map.of("STATE_PASSWORD", "hunter2-state", "EMPTY", "")::get);

  @Test
  void validFileBindsEveryPart() {
    PqlConfig config = loader.parse(VALID);
    assertThat(config.model().window()).isEqualTo(Duration.ofDays(30));
    assertThat(config.model().metrics().get("active_days_14").window()).isEqualTo(Duration.ofDays(14));
    assertThat(config.model().signals()).hasSize(2);
    assertThat(config.sources().get("product").type()).isEqualTo("testjsonl");
    assertThat(config.destinations().get("crm").type()).isEqualTo("csv");
    assertThat(config.state().url()).isEqualTo(StateConfig.DEFAULT_URL);
    assertThat(config.syncs().get(0).cron()).isEqualTo("0 */30 * * * ?");
  }

  @Test
  void unknownKeySuggestsClosestName() {
    assertThat(problems(VALID.replace("points: 40", "pionts: 40"))).containsExactly(
        "model.signals[0].pionts: unknown key; did you mean 'points'? at line 13",
        "model.signals[0].points: is required (0-100) at line 13");
  }

  @Test
  void unknownTopLevelKeyListsTheKnownOnes() {
    assertThat(problems(VALID + "extras: 1\n")).containsExactly(
        "extras: unknown key; expected one of: admin, alerts, destinations, model, sources, state, syncs at line 21");
  }

  @Test
  void invalidCronNamesPathLineAndPosition() {
    assertThat(problems(VALID.replace("0 */30 * * * ?", "*/61 * * *"))).containsExactly(
        "syncs[0].cron: invalid cron expression \"*/61 * * *\": Quartz cron has 6 or 7 fields (seconds first),"
            + " got 4; e.g. \"0 */30 * * * ?\" at line 20");
  }

  @Test
  void anOutOfRangeCronFieldIsCaughtBeforeQuartzReadsItAsAStar() {
    assertThat(problems(VALID.replace("0 */30 * * * ?", "99 * * * * ?"))).containsExactly(
        "syncs[0].cron: invalid cron expression \"99 * * * * ?\": seconds must be 0-59, got 99 at line 20");
  }

  @Test
  void aCronThatNeverFiresIsAConfigProblem() {
    assertThat(problems(VALID.replace("0 */30 * * * ?", "0 0 0 30 2 ?"))).containsExactly(
        "syncs[0].cron: invalid cron expression \"0 0 0 30 2 ?\": never fires: no time after now matches it at line 20");
  }

  @Test
  void everyProblemIsReportedAtOnceSortedByLine() {
    String yaml = VALID.replace("window: 30d", "window: 30 days")
        .replace("metric: messages_sent", "metric: mesages_sent")
        .replace("type: csv", "type: cvs")
        .replace("destination: crm", "destination: hubspot");
    assertThat(problems(yaml)).containsExactly(
        "model.window: expected a duration like 30d, 12h or 15m, got \"30 days\" at line 4",
        "model.signals[0].metric: unknown metric 'mesages_sent'; did you mean 'messages_sent'?;"
            + " known: activation_pct, active_days_14, messages_sent at line 13",
        "destinations.crm.type: unknown type 'cvs'; known: csv; did you mean 'csv'? at line 18",
        "syncs[0].destination: no destinations entry named 'hubspot'; known: crm at line 20");
  }

  @Test
  void recheckUnmatchedIsADestinationKeyOfCoreWithADayByDefault() {
    assertThat(loader.parse(VALID).destinations().get("crm").recheckUnmatched()).isEqualTo(Duration.ofDays(1));
    PqlConfig config = loader.parse(VALID.replace("directory: /tmp/out }", "directory: /tmp/out, recheckUnmatched: 6h }"));
    assertThat(config.destinations().get("crm").recheckUnmatched()).isEqualTo(Duration.ofHours(6));
    assertThat(problems(VALID.replace("directory: /tmp/out }", "directory: /tmp/out, recheckUnmatched: soon }")))
        .containsExactly("destinations.crm.recheckUnmatched: expected a duration of at least 1m like 1d, 12h or 30m,"
            + " got \"soon\" at line 18");
  }

  @Test
  void wrongValueTypesAreReportedWithTheExpectedType() {
    String yaml = VALID.replace("points: 35", "points: many").replace("pql: 70", "pql: [70]");
    assertThat(problems(yaml)).containsExactly(
        "model.signals[1].points: expected a whole number, got \"many\" at line 14",
        "model.tiers.pql: expected a whole number, got a list at line 15");
  }

  @Test
  void signalNeedsExactlyOneConditionAndKnownLevel() {
    String yaml = VALID.replace("anyEvent: [pricing_viewed], ", "metric: messages_sent, anyEvent: [pricing_viewed], ")
        .replace("type: hand_raiser", "type: hand_raiser, levels: [team]");
    assertThat(problems(yaml)).containsExactly(
        "model.signals[1]: needs exactly one of metric or anyEvent at line 14",
        "model.signals[1].levels[0]: expected one of user, account, got \"team\" at line 14");
  }

  @Test
  void metricNeedsExactlyOneKind() {
    String yaml = VALID.replace("{ count: message_sent }", "{ count: message_sent, sum: { event: x, property: y } }")
        .replace("{ activeDays: \"*\", window: 14d }", "{ window: 14d }");
    assertThat(problems(yaml)).containsExactly(
        "model.metrics.messages_sent: has count and sum; a metric has exactly one kind at line 6",
        "model.metrics.active_days_14: needs one of count, sum, distinct, activeDays, distinctUsers, firstSeen,"
            + " lastSeen at line 7");
  }

  @Test
  void fitRuleNeedsAConditionAndAValidRegex() {
    String yaml = VALID.replace("{ trait: employees, gte: 10 }", "{ trait: email, notMatches: \"(gmail\" }");
    assertThat(problems(yaml)).containsExactly(
        "model.fit.account[0].notMatches: invalid regular expression \"(gmail\": Unclosed group (position 6) at line 11");
  }

  @Test
  void tiersMustBeOrdered() {
    assertThat(problems(VALID.replace("warm: 40", "warm: 80"))).containsExactly(
        "model.tiers.warm: must be at least 0 and below pql (70), was 80 at line 15");
  }

  @Test
  void missingSectionsAreRequired() {
    assertThat(problems("model: { window: 30d }\n")).containsExactly(
        "destinations: is required", "sources: is required", "syncs: is required");
  }

  @Test
  void unsetEnvironmentVariableNamesThePath() {
    String yaml = VALID.replace("sources:", "state: { url: \"jdbc:postgresql://localhost/pql\", password: \"${PG_PASSWORD}\" }\nsources:");
    assertThat(problems(yaml)).containsExactly("state.password: environment variable PG_PASSWORD is not set at line 1");
  }

  @Test
  void literalSecretIsRefusedWithoutEchoingIt() {
    String yaml = VALID.replace("sources:", "state: { url: \"jdbc:postgresql://localhost/pql\", password: hunter2-literal }\nsources:");
    List<String> problems = problems(yaml);
    assertThat(problems).containsExactly("state.password: is a secret: give it as ${ENV_VAR} or ${file:/path},"
        + " never as a literal value at line 1");
    assertThat(String.join("\n", problems)).doesNotContain("hunter2");
  }

  @Test
  void secretsComeFromEnvironmentAndFilesAndNeverPrint(@TempDir Path dir) throws Exception {
    Path secretFile = dir.resolve("pw");
    Files.writeString(secretFile, "from-a-file\n");
    String env = VALID.replace("sources:", "state: { url: \"jdbc:postgresql://localhost/pql\", password: \"${STATE_PASSWORD}\" }\nsources:");
    StateConfig fromEnv = loader.parse(env).state();
    assertThat(fromEnv.password().reveal()).isEqualTo("hunter2-state");
    assertThat(fromEnv.toString()).doesNotContain("hunter2").contains("******");
    String file = VALID.replace("sources:", "state: { url: \"jdbc:postgresql://localhost/pql\", password: \"${file:"
        + secretFile + "}\" }\nsources:");
    assertThat(loader.parse(file).state().password().reveal()).isEqualTo("from-a-file");
  }

  @Test
  void yamlSyntaxErrorHasALine() {
    assertThatThrownBy(() -> loader.parse("model: { window: 30d\nsources: [\n"))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems().get(0).line()).isPositive())
        .hasMessageStartingWith("invalid YAML: ");
  }

  @Test
  void missingFileIsAConfigProblem() {
    assertThatThrownBy(() -> loader.load(Path.of("/nonexistent/pql.yaml")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config file /nonexistent/pql.yaml does not exist");
  }

  private List<String> problems(String yaml) {
    return YamlProblems.of(loader, yaml);
  }
}

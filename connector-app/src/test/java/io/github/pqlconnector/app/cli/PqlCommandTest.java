package io.github.pqlconnector.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import io.github.pqlconnector.app.testing.SmallProduct;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end on a small file source and the csv destination: output and exit codes. */
class PqlCommandTest {
  @TempDir Path dir;
  Path config;
  String out;
  String err;

  @BeforeEach
  void writeData() throws IOException {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    StringBuilder events = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      events.append(event("message_sent", "u1", "a1", now.minusSeconds(60L * i)));
      events.append(event(i < 3 ? "message_sent" : "page_viewed", "u2", "a1", now.minusSeconds(60L * i)));
    }
    events.append(event("pricing_viewed", "u2", "a1", now.minusSeconds(5)));
    events.append("{broken\n");
    Files.writeString(dir.resolve("events.jsonl"), events);
    Files.writeString(dir.resolve("users.csv"), "id,email,accountId\nu1,ana@acme.io,a1\nu2,bo@acme.io,a1\n");
    Files.writeString(dir.resolve("accounts.csv"), "id,name,domain,employees,country\na1,Acme,acme.io,120,DE\n");
    config = dir.resolve("pql.yaml");
    Files.writeString(config, SmallProduct.config(dir, "cron: \"0 */30 * * * ?\""));
  }

  @Test
  void validateReachesEverything() {
    assertThat(pql("validate", "-c", config.toString())).isZero();
    assertThat(out).contains("config " + config + ": ok (1 sources, 1 destinations, 1 syncs)")
        .contains("ok   sources.product (file): files are readable")
        .contains("ok   destinations.crm (csv)")
        .contains("ok   state (h2): reachable");
  }

  @Test
  void badConfigExitsWithTwoAndListsEveryProblemWithItsLine() throws IOException {
    Files.writeString(config, Files.readString(config).replace("gte: 20", "gte: lots").replace("cron: \"0 */30 * * * ?\"",
        "cron: \"*/61 * * *\""));
    assertThat(pql("run", "-c", config.toString())).isEqualTo(2);
    assertThat(err).startsWith("The configuration has 2 problems:")
        .contains("  model.signals[0].gte: expected a number, got \"lots\" at line 10")
        .contains("  syncs[0].cron: invalid cron expression \"*/61 * * *\"")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void planWritesNothingThenRunWritesAndASecondRunChangesNothing() {
    assertThat(pql("plan", "-c", config.toString())).isZero();
    assertThat(out).contains("read 61 events (1 rejected), evaluated 3 entities: cold 1, pql 1, warm 1")
        .contains("would write 3 records (0 unchanged), open 2 tasks")
        .contains("transitions: new → cold 1, new → pql 1, new → warm 1")
        .contains("events.jsonl:62: not valid JSON")
        .contains("PQL: Acme — Sent 33 messages (≥ 20)")
        .contains("Hand-raiser: bo@acme.io — Asked for sales (1× pricing_viewed in 30d)");
    assertThat(dir.resolve("out")).doesNotExist();

    assertThat(pql("run", "-c", config.toString())).isZero();
    assertThat(out).contains(": SUCCESS").contains("pushed 3, failed 0, unmatched 0, unchanged 0; tasks created 2");
    assertThat(dir.resolve("out/accounts.csv")).exists();

    assertThat(pql("run", "-c", config.toString())).isZero();
    assertThat(out).contains("pushed 0, failed 0, unmatched 0, unchanged 3; tasks created 0");

    assertThat(pql("history", "-c", config.toString())).isZero();
    assertThat(out).contains("product-to-crm").contains("MANUAL").contains("SUCCESS");
    assertThat(pql("history", "1", "-c", config.toString())).isZero();
    assertThat(out).contains("run 1 of product-to-crm (MANUAL), SUCCESS").contains("no record errors");
  }

  @Test
  void outcomesReadsTheOutcomesFileJoinsItAndRejectsBadRowsWithExitTwo() throws IOException {
    assertThat(pql("outcomes", "-c", config.toString())).isEqualTo(2);
    assertThat(err).contains("destinations.crm.outcomes: is not configured, so there is nothing to read outcomes from");

    Files.writeString(config, Files.readString(config).replace("defaultOwnerId: rep-1 }",
        "defaultOwnerId: rep-1 }, outcomes: { file: \"" + dir.toString().replace("\\", "/") + "/outcomes.csv\" }"));
    Files.writeString(dir.resolve("outcomes.csv"), "level,id,converted_at,amount\nuser,u2,2026-11-30,900\n"
        + "user,u3,someday,\n");
    assertThat(pql("outcomes", "-c", config.toString())).isEqualTo(2);
    assertThat(out).contains("outcomes: read 1 conversions; 1 joined to entities, 0 not yet (their records were not"
        + " written by the connector); 1 rows rejected");
    assertThat(err).contains("  rejected outcomes.csv:3: converted_at must be a date (2026-11-30) or an ISO-8601"
        + " instant, got 'someday'");

    Files.writeString(dir.resolve("outcomes.csv"), "level,id,converted_at,amount\nuser,u2,2026-11-30,900\n");
    assertThat(pql("outcomes", "-c", config.toString())).isZero();
  }

  @Test
  void reportShowsConversionPerTierFromTheRunsAndTheOutcomesAsTextJsonAndHtml() throws IOException {
    Files.writeString(config, Files.readString(config).replace("defaultOwnerId: rep-1 }",
        "defaultOwnerId: rep-1 }, outcomes: { file: \"" + dir.toString().replace("\\", "/") + "/outcomes.csv\" }"));
    Files.writeString(dir.resolve("outcomes.csv"), "level,id,converted_at,amount\naccount,a1,"
        + Instant.now().plus(Duration.ofMinutes(1)) + ",900\n");
    assertThat(pql("run", "-c", config.toString())).isZero();

    assertThat(pql("report", "-c", config.toString(), "--since", "30d", "--horizon", "30d")).isZero();
    assertThat(out).contains("conversions within 30 days of entering (verdict history)")
        .containsPattern("(?m)^users$").containsPattern("(?m)^accounts\n.*\n  pql +1 +1 +0 +100\\.0 % +0\\.0$")
        .contains("lift of pql over the rest: n/a (no pql entered, or the rest never converted)")
        .contains("funnel: seen 2 -> activated 0 -> pql 0 -> converted 0")
        .contains("funnel: seen 1 -> activated 0 -> pql 1 -> converted 1");

    Path html = dir.resolve("report.html");
    assertThat(pql("report", "-c", config.toString(), "-o", "json", "--html", html.toString())).isZero();
    JsonNode json = new ObjectMapper().readTree(out);
    JsonNode accountPql = json.get("levels").get(1).get("tiers").get(0);
    assertThat(json.get("levels").get(1).get("level").asText()).isEqualTo("account");
    assertThat(accountPql.get("status").asText()).isEqualTo("pql");
    assertThat(accountPql.get("entered").asInt()).isEqualTo(1);
    assertThat(accountPql.get("converted").asInt()).isEqualTo(1);
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<svg").doesNotContain("http://e")
        .doesNotContain("<script src").doesNotContain("<link");

    assertThat(pql("report", "-c", config.toString(), "--since", "lots")).isEqualTo(2);
    assertThat(err).contains("'lots' is not a number of days such as 90d or 12w");
  }

  @Test
  void backtestReplaysTheModelAndAChallengerPointInTimeAndRejectsBadOptionsWithExitTwo() throws IOException {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String from = today.minusDays(6).toString();
    String to = today.plusDays(1).toString();
    Path challenger = dir.resolve("challenger.yaml");
    Files.writeString(challenger, """
        model:
          metrics: { messages_sent: { count: message_sent } }
          signals:
            - { name: "Any messaging", metric: messages_sent, gte: 1, points: 80, type: usage }
        """);

    assertThat(pql("backtest", "-c", config.toString(), "--from", from, "--to", to, "--vs", challenger.toString()))
        .isZero();
    assertThat(out).contains("backtest: 2 dates from " + from + " to " + to + " every 7 days; traits as of now")
        .contains("== model config ==").contains("== model challenger.yaml ==")
        .containsPattern("(?m)^  user +pql +0 -> 0 \\(-\\) +2 -> 0 \\(0\\.0 %\\)$")
        .contains("pql as a predictor of conversion (users): precision -, recall -");

    assertThat(pql("backtest", "-c", config.toString(), "--from", from, "--to", to, "-o", "json")).isZero();
    JsonNode first = new ObjectMapper().readTree(out).get("tiers").get(0);
    assertThat(first.get("status").asText()).isEqualTo("pql");
    assertThat(first.has("entities")).isTrue();
    assertThat(first.has("converted")).isTrue();

    assertThat(pql("backtest", "-c", config.toString(), "--from", to, "--to", from)).isEqualTo(2);
    assertThat(err).contains("--from " + to + " is after --to " + from);
    Files.writeString(challenger, "model:\n  signals:\n    - { name: x, metric: nope, gte: lots, points: 1 }\n");
    assertThat(pql("backtest", "-c", config.toString(), "--from", from, "--to", to, "--vs", challenger.toString()))
        .isEqualTo(2);
    assertThat(err).contains("model.signals[0].gte: expected a number, got \"lots\" at line 3");
  }

  @Test
  void explainShowsEveryMetricFitRuleAndSignalMetOrMissedAndTheVerdictHistory() {
    assertThat(pql("explain", "u2", "-c", config.toString())).isZero();
    assertThat(out).contains("user u2")
        .contains("status cold, score 35, type hand_raiser")
        .contains("messages_sent            3")
        .contains("[met]    employees is 120 (rule: ≥ 10) (account rule)")
        .contains("[missed]   0  Heavy messaging: messages_sent is 3 (needs ≥ 20)")
        .contains("[met]     35  Asked for sales (1× pricing_viewed in 30d)")
        .contains("history (status and score as runs decided them, in UTC):\n  (no run has decided this entity yet)");

    assertThat(pql("run", "-c", config.toString())).isZero();
    assertThat(pql("explain", "u2", "-c", config.toString())).isZero();
    assertThat(out).containsPattern("history \\(status and score as runs decided them, in UTC\\):\n"
        + "  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  cold      35  \\(run 1\\)\n");
    assertThat(pql("explain", "nobody", "-c", config.toString())).isEqualTo(2);
    assertThat(err).contains("no user or account with id 'nobody'");
  }

  @Test
  void traitsFromASecondSourceFillWhatTheEventSourceLacksAndExplainSaysWhereEachCameFrom() throws IOException {
    Files.writeString(dir.resolve("accounts.csv"), "id,name,domain,employees\na1,Acme,acme.io,\n");
    Files.writeString(dir.resolve("firmo.csv"), "id,employees,country\na1,120,DE\n");
    assertThat(pql("explain", "a1", "--level", "account", "-c", config.toString())).isZero();
    assertThat(out).contains("status not_fit");

    Files.writeString(config, Files.readString(config)
        .replace("model:", "  firmo: { type: file, accounts: \"" + dir.toString().replace("\\", "/") + "/firmo.csv\" }\nmodel:")
        .replace("cron: \"0 */30 * * * ?\" }", "cron: \"0 */30 * * * ?\", traits: [product, firmo] }"));

    assertThat(pql("explain", "a1", "--level", "account", "-c", config.toString())).as(err).isZero();
    assertThat(out).doesNotContain("not_fit").contains("[met]    employees is 120")
        .containsPattern("traits \\(value, and the source it came from\\):\n(  .*\n)*  domain\\s+acme.io\\s+product\n")
        .containsPattern("  employees\\s+120\\s+firmo\n").containsPattern("  country\\s+DE\\s+firmo\n");
  }

  @Test
  void aSourceOfTraitsOnlyCannotBeASyncsEventSource() throws IOException {
    Files.writeString(config, Files.readString(config)
        .replace("model:", "  firmo: { type: file, accounts: \"" + dir.toString().replace("\\", "/") + "/accounts.csv\" }\nmodel:")
        .replace("source: product,", "source: firmo,"));

    assertThat(pql("validate", "-c", config.toString())).isEqualTo(2);
    assertThat(err).contains("syncs[0].source: 'firmo' has no events (a source of traits only)");
  }

  @Test
  void anUnreachableStateDatabaseExitsWithThree() throws IOException {
    Files.writeString(config, Files.readString(config).replaceFirst("jdbc:h2:file:[^\"]*",
        "jdbc:postgresql://127.0.0.1:1/pql?connectTimeout=2"));
    assertThat(pql("run", "-c", config.toString())).isEqualTo(3);
    assertThat(err).startsWith("error: cannot connect to the state database jdbc:postgresql://127.0.0.1:1/pql: ");
  }

  @Test
  void validateShowsTheNextFireTimesOfEachSync() {
    assertThat(pql("validate", "-c", config.toString())).isZero();
    assertThat(out).containsPattern("syncs\\.product-to-crm: cron \"0 \\*/30 \\* \\* \\* \\?\" next fires "
        + "\\d{4}-\\d\\d-\\d\\d \\d\\d:(00|30):00 \\S+, .*, .*");
  }

  @Test
  void aReadOnlyStateDatabaseFailsValidateInsteadOfFailingTheRun() throws IOException {
    assertThat(pql("validate", "-c", config.toString())).isZero();
    Files.writeString(config, Files.readString(config).replace("/state/pql\"", "/state/pql;ACCESS_MODE_DATA=r\""));
    assertThat(pql("validate", "-c", config.toString())).isEqualTo(3);
    assertThat(out).contains("FAIL state (h2): reachable but not writable: the connection is read-only");
  }

  @Test
  void aStatePathUnderAFileIsOneLineAndExitsWithThree() throws IOException {
    Files.writeString(dir.resolve("afile"), "x");
    Files.writeString(config, Files.readString(config).replace("/state/pql\"", "/afile/pql\""));
    assertThat(pql("run", "-c", config.toString())).isEqualTo(3);
    assertThat(err.strip()).isEqualTo("error: cannot open the state database jdbc:h2:file:" + dir + "/afile/pql: "
        + dir.resolve("afile") + " is a file, not a directory (check state.url)");
  }

  @Test
  void aLatinOneByteInUsersCsvAndAnEmptyAccountsFileCostOnlyTheirRows() throws IOException {
    Files.write(dir.resolve("users.csv"), "id,email,accountId\nu1,ana@acme.io,a1\nu2,b\u00f6@acme.io,a1\n"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    Files.write(dir.resolve("accounts.csv"), new byte[0]);
    assertThat(pql("run", "-c", config.toString())).isZero();
    assertThat(out).contains("users.csv:3: not valid UTF-8");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(pql("run", "--no-such-flag")).isEqualTo(2);
    assertThat(pql("run", "-c", dir.resolve("missing.yaml").toString())).isEqualTo(2);
    assertThat(err).contains("config file " + dir.resolve("missing.yaml") + " does not exist");
  }

  @Test
  void retryRunsTheSyncAsARetryRunAndANamedRecordThatIsNotRefusedIsAUsageError() {
    assertThat(pql("setup", "-c", config.toString())).isZero();
    assertThat(pql("run", "-c", config.toString())).isZero();
    assertThat(pql("retry", "-c", config.toString())).isZero();
    assertThat(out).contains("run 2 of product-to-crm: SUCCESS");
    assertThat(pql("history", "-c", config.toString())).isZero();
    assertThat(out).contains("RETRY");

    assertThat(pql("retry", "--record", "u1", "--level", "user", "-c", config.toString())).isEqualTo(2);
    assertThat(err).contains("--record: no refused or unmatched record user:u1 in sync product-to-crm");
    assertThat(pql("retry", "--level", "user", "-c", config.toString())).isEqualTo(2);
  }

  @Test
  void historyListsTheRecordsStillRefusedAfterARun() {
    String report = "{\"failureSamples\":[],\"stillFailing\":[{\"entity\":\"user:u3\",\"what\":\"record\","
        + "\"firstFailedAt\":\"2026-11-30T12:00:00Z\",\"attempts\":2,\"nextAttemptAt\":\"2026-11-30T19:00:00Z\","
        + "\"lastError\":\"INVALID_REQUEST INVALID_EMAIL: Email address is invalid\"}]}";
    assertThat(HistoryCommand.stillFailing(report)).containsExactly("user:u3: first refused 2026-11-30T12:00:00Z,"
        + " 2 attempts, next 2026-11-30T19:00:00Z: INVALID_REQUEST INVALID_EMAIL: Email address is invalid");
    assertThat(HistoryCommand.stillFailing("{\"failureSamples\":[]}")).isEmpty();
  }

  @Test
  void reconcileWritesBackARowEditedInTheCrmAndPrintsTheDrift() throws IOException {
    assertThat(pql("run", "-c", config.toString())).isZero();
    Path users = dir.resolve("out/users.csv");
    Files.writeString(users, Files.readString(users).replaceFirst("(?m)^(ana@acme\\.io,u1,)warm,", "$1cold,"));

    assertThat(pql("reconcile", "--sync", "product-to-crm", "-c", config.toString())).isZero();
    assertThat(out).contains("reconciled 3 records with the CRM: 1 drifted (queued again), 0 gone (matched again)")
        .contains("pushed 1, failed 0, unmatched 0, unchanged 2");
    assertThat(Files.readString(users)).containsPattern("(?m)^ana@acme\\.io,u1,warm,");
    assertThat(pql("history", "2", "-c", config.toString())).isZero();
    assertThat(out).contains("reconciled first: 3 records checked, 1 drifted, 0 gone");

    assertThat(pql("reconcile", "--sync", "nope", "-c", config.toString())).isEqualTo(2);
  }

  private int pql(String... args) {
    Cli cli = Cli.pql(args);
    out = cli.out();
    err = cli.err();
    return cli.code();
  }


  private static String event(String name, String user, String account, Instant at) {
    return "{\"event\":\"%s\",\"timestamp\":\"%s\",\"userId\":\"%s\",\"accountId\":\"%s\"}\n".formatted(name, at, user, account);
  }
}

package io.github.pqlconnector.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.Connectors;
import io.github.pqlconnector.core.sync.Progress;
import io.github.pqlconnector.core.sync.RunSummary;
import io.github.pqlconnector.core.sync.RunTrigger;
import io.github.pqlconnector.core.sync.SyncRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The contract every CRM module passes, as a fault matrix against its stateful {@link CrmFake}: after each fault, and a clean run
 * (and a reconciliation for an overwrite), the CRM holds exactly what a clean run into an empty state writes, with one
 * task per PQL record and no record or task twice; a first run makes at most 0.1 calls per record written, tasks
 * included; and no secret reaches a log line (DEBUG, HTTP logging on), an exception or a run report. 250 users in 25
 * accounts; a quarter of the users are PQLs, every account is.
 */
public abstract class CrmDestinationContract {
  protected static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final int USERS = 250;
  private static final int ACCOUNTS = 25;
  private static final String YAML = """
      model:
        levels: [account, user]
        metrics:
          messages_sent: { count: message_sent }
        signals:
          - { name: "Heavy messaging", metric: messages_sent, gte: 10, points: 80, type: usage, reason: "Sent {value} messages" }
          - { name: "Some messaging", metric: messages_sent, gte: 3, points: 45, type: usage, reason: "Sent {value} messages" }
      sources:
        src: { type: testjsonl, directory: "%s" }
      destinations:
        crm: %s
      syncs:
        - { name: s, source: src, destination: crm }
      """;

  @TempDir protected Path dir;
  protected CrmFake fake;
  protected final MutableClock clock = new MutableClock(NOW);
  private PqlConfig config;
  private StateStore store;
  private final CrashingDestinationProvider crashing = new CrashingDestinationProvider();

  /** A new fake, on its own port; it is closed after the test. */
  protected abstract CrmFake newFake();

  @BeforeEach
  void prepare() {
    fake = newFake();
    crashing.wrap(fake.provider());
    Dataset data = new Dataset(dir);
    for (int a = 1; a <= ACCOUNTS; a++) {
      data.account("a" + a, domain(a));
    }
    for (int u = 1; u <= USERS; u++) {
      int account = (u - 1) % ACCOUNTS + 1;
      data.user("u" + u, email(u), "a" + account);
      data.events("message_sent", u % 4 == 0 ? 12 : u % 4 == 1 ? 4 : 1, "u" + u, "a" + account, NOW);
    }
    Plugins plugins = new Plugins(List.of(new JsonLinesSourceProvider()), List.of(crashing));
    config = new ConfigLoader(plugins, fake.env()::get)
        .parse(YAML.formatted(dir.toString().replace("\\", "/"), fake.destinationYaml()));
    store = StateStore.open(TestDatabases.h2(dir.resolve("reference")));
  }

  @AfterEach
  void closeAll() {
    store.close();
    fake.close();
  }

  @Test
  void aCleanRunWritesEveryRecordAndOneTaskPerPqlInAtMostATenthOfACallPerRecord() {
    seed();
    RunSummary first = run();

    assertThat(first.status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
    assertThat(fake.records()).hasSize(USERS + ACCOUNTS)
        .allSatisfy((key, fields) -> assertThat(fields).containsKey("pql_status"));
    assertThat(fake.tasksPerRecord()).hasSize(USERS / 4 + ACCOUNTS).allSatisfy((key, n) -> assertThat(n).isOne());
    int written = USERS + ACCOUNTS + USERS / 4 + ACCOUNTS;
    assertThat((double) fake.calls() / written).as("calls per record or task written on a first run")
        .isLessThanOrEqualTo(0.1);

    Map<String, Map<String, String>> before = fake.records();
    fake.resetCalls();
    clock.advance(Duration.ofMinutes(30));
    RunSummary again = run();
    assertThat(again.counts().pushed()).isZero();
    assertThat(again.counts().tasksCreated()).isZero();
    assertThat(fake.records()).isEqualTo(before);
    assertThat(fake.calls()).as("an unchanged re-run writes nothing (a read or two at most)").isLessThanOrEqualTo(2);
  }

  @Test
  void recordsTheCrmRefusedAreWrittenOnceTheCauseIsGone() {
    Expected expected = reference();
    Set<String> refused = new HashSet<>();
    IntStream.rangeClosed(1, USERS).filter(u -> u % 10 == 3 || u % 10 == 8).forEach(u -> refused.add(email(u)));
    refused.add(domain(4));
    fake.refuse(refused);
    RunSummary faulty = run();
    assertThat(faulty.status()).isEqualTo(RunSummary.RunStatus.PARTIAL);
    assertThat(fake.faultsInjected()).isPositive();

    fake.liftFaults();
    clock.advance(Duration.ofHours(1));
    run();
    expected.assertHeldBy(fake);
  }

  @Test
  void aFifthOfCallsAnsweredWithServerErrorsLoseNothing() {
    faultThenCleanRun(() -> fake.failRandomly(0.2, 42));
  }

  @Test
  void writesAppliedButAnsweredTooLateDuplicateNothing() {
    faultThenCleanRun(() -> fake.loseResponses(0.25, 7));
  }

  @Test
  void aRateLimitStormIsWaitedOut() {
    faultThenCleanRun(() -> fake.rateLimitStorm(12));
  }

  /**
   * The process dies between the CRM applying a write and the state database recording it (what {@code kill -9}
   * during writes leaves behind; the app's crash ITs do it with a real process); the next process starts from the
   * same state database.
   */
  @Test
  void aCrashBetweenTheCrmsAnswerAndTheStateCommitLosesAndDuplicatesNothing() {
    faultThenCleanRun(() -> crashing.crashAfterWrites(2));
  }

  @Test
  void anExpiredTokenStopsNothingForGood() {
    faultThenCleanRun(() -> fake.expireToken());
  }

  /** A run under {@code fault}, then the fault ends, the process restarts and a clean run repairs everything. */
  private void faultThenCleanRun(Runnable fault) {
    Expected expected = reference();
    fault.run();
    runTolerating();
    assertThat(fake.faultsInjected() + crashing.crashes()).as("the fault really happened").isPositive();
    fake.liftFaults();
    crashing.crashAfterWrites(-1);
    reopenStore();
    clock.advance(Duration.ofMinutes(30));
    run();
    expected.assertHeldBy(fake);
  }

  @Test
  void aFieldOverwrittenInTheCrmIsRepairedByReconciliation() {
    seed();
    run();
    Expected expected = new Expected(fake.records(), fake.tasksPerRecord());
    fake.overwrite(email(4), "pql_status", "cold");
    fake.overwrite(domain(2), "pql_status", "warm");
    assertThat(fake.records()).isNotEqualTo(expected.records());

    clock.advance(Duration.ofMinutes(30));
    RunSummary repaired = new SyncRunner(config, store, connectors()).reconcileAndRun(null, Progress.NONE);
    assertThat(repaired.counts().pushed()).isEqualTo(2);
    expected.assertHeldBy(fake);
  }

  @Test
  void noSecretReachesALogLineAnExceptionOrARunReport() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level level = root.getLevel();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    root.setLevel(Level.DEBUG);
    List<String> seen = new ArrayList<>();
    try {
      seed();
      fake.expireToken();
      fake.failRandomly(0.3, 11);
      seen.add(runTolerating());
      fake.liftFaults();
      clock.advance(Duration.ofMinutes(30));
      seen.add(run().toString());
    } finally {
      root.detachAppender(logs);
      root.setLevel(level);
    }
    logs.list.forEach(event -> seen.add(event.getFormattedMessage()
        + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()))));
    assertThat(logs.list).as("every HTTP call was logged").anyMatch(e -> e.getLoggerName().startsWith("pql.http."));
    assertThat(fake.secrets()).isNotEmpty().allSatisfy(secret -> assertThat(seen).noneMatch(t -> t.contains(secret)));
  }

  /** What a clean run into an empty state and a fresh CRM writes; the CRM and the state are fresh again after. */
  private Expected reference() {
    seed();
    run();
    Expected expected = new Expected(fake.records(), fake.tasksPerRecord());
    store.close();
    store = StateStore.open(TestDatabases.h2(dir.resolve("faulty")));
    seed();
    return expected;
  }

  private void seed() {
    List<String> emails = new ArrayList<>();
    IntStream.rangeClosed(1, USERS).forEach(u -> emails.add(email(u)));
    List<String> domains = new ArrayList<>();
    IntStream.rangeClosed(1, ACCOUNTS).forEach(a -> domains.add(domain(a)));
    fake.seed(emails, domains);
  }

  private RunSummary run() {
    return new SyncRunner(config, store, connectors()).run(null, RunTrigger.MANUAL, false, Progress.NONE);
  }

  /**
   * A run under a fault may fail as a whole (an open breaker, refused credentials, a crash): that is allowed. Returns
   * what the run said: its summary, or the failure with its causes.
   */
  private String runTolerating() {
    try {
      return run().toString();
    } catch (RuntimeException expected) {
      return ThrowableProxyUtil.asString(new ThrowableProxy(expected));   // the next clean run must repair it
    }
  }

  private void reopenStore() {
    store.close();
    store = StateStore.open(TestDatabases.h2(dir.resolve("faulty")));
  }

  private Connectors connectors() {
    return new Connectors(new Plugins(List.of(new JsonLinesSourceProvider()), List.of(crashing)), clock);
  }

  protected static String email(int user) {
    return "u" + user + "@example.com";
  }

  protected static String domain(int account) {
    return "a" + account + ".example";
  }

  /** The CRM's records and tasks after a clean run. */
  private record Expected(Map<String, Map<String, String>> records, Map<String, Integer> tasks) {
    void assertHeldBy(CrmFake fake) {
      assertThat(fake.records()).as("every record as a clean run writes it").isEqualTo(records);
      assertThat(fake.tasksPerRecord()).as("one task per PQL record, none twice").isEqualTo(tasks)
          .allSatisfy((key, n) -> assertThat(n).isOne());
    }
  }
}

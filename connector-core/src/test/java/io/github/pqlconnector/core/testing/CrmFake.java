package io.github.pqlconnector.core.testing;

import io.github.pqlconnector.core.spi.CrmDestinationProvider;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stateful fake of one CRM, served over real HTTP (WireMock), speaking the vendor's request and response shapes:
 * the one fake per vendor that its module's tests, the app's integration tests and the benchmarks share. It holds
 * records and tasks as the CRM would, and injects the faults of {@link CrmDestinationContract} on request.
 *
 * <p>Records are named by their match value: a user by its email ({@code u7@example.com}), an account by its
 * domain ({@code a3.example}). Field values are read back in the connector's own names and formats
 * ({@link #records()}), whatever the vendor calls and stores them, so one contract compares every CRM.
 */
public interface CrmFake extends AutoCloseable {
  /** The destination's provider, with test timing where the vendor's pacing would otherwise make tests slow. */
  CrmDestinationProvider provider();

  /**
   * The destination block of a config, as a one-line YAML flow map pointing at this fake: {@code type}, credentials
   * as {@code ${ENV}} references resolved by {@link #env()}, the base URL, and a {@code tasks} policy opening a task
   * on {@code pql} (owner: a default owner id the fake knows). {@code createMissing} stays off.
   */
  String destinationYaml();

  /** The values of the environment variables {@link #destinationYaml()} references. */
  Map<String, String> env();

  /**
   * The secrets that must never reach a log line, an exception message or a run report: by default every value of
   * {@link #env()}; a fake whose secret is part of a value (a webhook URL's key) names the part.
   */
  default Set<String> secrets() {
    return Set.copyOf(env().values());
  }

  /**
   * Makes the CRM hold a contact (or lead) per email and a company per domain, with the PQL fields already set up
   * (as after {@code pql setup}) and empty; forgets every record, task, fault and call counted before.
   */
  void seed(List<String> emails, List<String> domains);

  /** The vendor's validation refuses every write to these records (by match value), until {@link #liftFaults()}. */
  void refuse(Set<String> matchValues);

  /** About {@code share} of the calls, chosen by {@code seed}, answer a 5xx (503) and change nothing. */
  void failRandomly(double share, long seed);

  /**
   * About {@code share} of the write calls (record writes and task creates), chosen by {@code seed}, are applied in
   * full and then answered too late for the client (it times out) or not at all (connection reset).
   */
  void loseResponses(double share, long seed);

  /** The next {@code calls} calls are answered 429 with {@code Retry-After: 1} (or the vendor's equivalent). */
  void rateLimitStorm(int calls);

  /**
   * The access token in use stops working: calls are answered 401 as the vendor does for an expired token. A
   * destination that refreshes tokens gets a working one on refresh; a static token keeps failing until
   * {@link #liftFaults()}.
   */
  void expireToken();

  /** Ends every fault above. */
  void liftFaults();

  /** Someone else (a rep, a workflow) sets a PQL field of a record: {@code pql_status} to {@code cold}, say. */
  void overwrite(String matchValue, String field, String value);

  /**
   * Every record's PQL fields as the CRM holds them, by match value: {@code pql_status}, {@code pql_score},
   * {@code pql_type}, {@code pql_reasons} (lines joined by \n), {@code pql_activation_pct} (as written, e.g. "40" or
   * "40.0" normalised to the plain number), {@code pql_qualified_at} (ISO-8601 instant to the second); a field never
   * written is absent. {@code pql_evaluated_at} is left out: it changes on every write.
   */
  Map<String, Map<String, String>> records();

  /** How many tasks each record (by match value) has; records without a task are absent. */
  Map<String, Integer> tasksPerRecord();

  /** HTTP calls answered since {@link #seed} (or {@link #resetCalls()}), faults included. */
  int calls();

  void resetCalls();

  /**
   * How many calls were answered with an injected fault (401, 429, 5xx, a lost answer) or refused a record, since
   * {@link #seed} or {@link #resetCalls()}: the matrix checks that each fault really happened, since a short run at a
   * low share can otherwise miss every call.
   */
  int faultsInjected();

  @Override
  void close();
}

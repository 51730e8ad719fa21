package io.github.pqlconnector.salesforce;

import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.http.TokenStore;
import io.github.pqlconnector.core.http.VendorCall;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.resilience.ResilienceSettings;
import io.github.pqlconnector.core.resilience.Sleeper;
import io.github.pqlconnector.core.resilience.VendorResilience;
import io.github.pqlconnector.core.spi.Capabilities;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.DestinationContext;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.MatchResult;
import io.github.pqlconnector.core.spi.PqlFields;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.SetupReport;
import io.github.pqlconnector.core.spi.TaskBatchResult;
import io.github.pqlconnector.core.spi.TaskRequest;
import io.github.pqlconnector.core.spi.WriteResult;
import io.github.pqlconnector.salesforce.api.CollectionRequest;
import io.github.pqlconnector.salesforce.api.SalesforceApi;
import io.github.pqlconnector.salesforce.api.SalesforceErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes PQL verdicts into Salesforce: users onto Contacts or Leads (by email), accounts onto Accounts (by website
 * domain or an External ID field). The parts: {@link SalesforceMatcher}, {@link SalesforceWriter} (Collections or
 * Bulk API 2.0), {@link SalesforceTasks}, {@link SalesforceSetup}. Every call goes through one {@link VendorCall}
 * guarded as {@code salesforce/<destination name>} and checked against the daily allocation's reserve. The parts hold
 * no per-call state, and the token store and allocation are thread-safe, so {@code limits.maxInFlight} batches may run
 * at once (each needs at most one connection: far under Salesforce's 25 long-running requests).
 */
public final class SalesforceDestination implements CrmDestination {
  private final SalesforceConfig config;
  private final SalesforceCalls calls;
  private final SalesforceMatcher matcher;
  private final SalesforceWriter writer;
  private final SalesforceTasks tasks;
  private final SalesforceSetup setup;
  private final SalesforceReader reader;

  private SalesforceDestination(SalesforceConfig config, SalesforceCalls calls,
      Sleeper pause) {
    this.config = config;
    this.calls = calls;
    this.matcher = new SalesforceMatcher(calls, config);
    this.writer = new SalesforceWriter(config, calls.daily(), new CollectionsWriter(calls),
        new BulkWriter(calls, config.bulk(), pause));
    this.tasks = new SalesforceTasks(calls, config);
    this.reader = new SalesforceReader(calls, config);
    List<String> objects = new ArrayList<>(config.userObjects());
    objects.add(SObjects.ACCOUNT);
    this.setup = new SalesforceSetup(calls, objects, !config.tasks().on().isEmpty());
  }

  static SalesforceDestination create(SalesforceConfig config, DestinationContext context, HttpClients http) {
    return create(config, context, http, Sleeper.SYSTEM);
  }

  /** As above, with how to wait between Bulk job polls (tests pass one that returns at once). */
  static SalesforceDestination create(SalesforceConfig config, DestinationContext context, HttpClients http,
      Sleeper pause) {
    SalesforceTokens grants = new SalesforceTokens(config.auth(), SalesforceHttp.tokenClient(http), context.clock());
    TokenStore tokens = new TokenStore(grants, context.clock(), Duration.ofMinutes(5));
    DailyAllocation daily = new DailyAllocation(config.limits().reservePercent());
    SalesforceApi api = SalesforceHttp.api(http, tokens, grants, daily);
    VendorResilience resilience = new VendorResilience("salesforce/" + context.name(), settings(config));
    return new SalesforceDestination(config,
        new SalesforceCalls(api, config.dataPath(), new VendorCall(SalesforceErrors.MAPPER, resilience), daily), pause);
  }

  /** No per-second limit at Salesforce: a gentle pace from the config; 5 attempts; breaker on 5xx storms. */
  static ResilienceSettings settings(SalesforceConfig config) {
    return ResilienceSettings.builder()
        .requests(config.limits().requestsPerSecond(), Duration.ofSeconds(1))
        .build();
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(config.maxBatchSize(),
        Map.of(EntityLevel.USER, "email", EntityLevel.ACCOUNT, config.accountKey()), config.createMissing(),
        config.limits().maxInFlight(), CollectionRequest.MAX_RECORDS);
  }

  /** Describes the first user object: proves the token, the instance and read access, writes nothing. */
  @Override
  public CheckResult check() {
    try {
      var described = calls.probe(calls.api().describe(calls.data(), config.userObjects().get(0)));
      return CheckResult.ok(described.field(SalesforceFields.STATUS).isPresent()
          ? "Salesforce reachable; the PQL fields exist" : "Salesforce reachable; PQL fields missing, run `pql setup`");
    } catch (VendorException e) {
      return CheckResult.refused("Salesforce", e, "the API Enabled permission or access to the PQL objects");
    } catch (RuntimeException e) {
      return CheckResult.failed("Salesforce", e);
    }
  }

  @Override
  public SetupReport ensureFields(boolean dryRun) {
    return setup.ensureFields(dryRun);
  }

  @Override
  public MatchResult match(EntityLevel level, List<MatchKey> keys) {
    return matcher.match(level, keys);
  }

  @Override
  public WriteResult upsert(EntityLevel level, List<PqlUpdate> batch) {
    return writer.upsert(level, batch);
  }

  @Override
  public Map<String, PqlFields> readFields(EntityLevel level, List<String> recordIds) {
    return reader.readFields(level, recordIds);
  }

  @Override
  public PqlFields asStored(PqlFields written) {
    return SalesforceFields.asStored(written);
  }

  @Override
  public Map<String, String> findTasks(List<TaskRequest> requests) {
    return tasks.findTasks(requests);
  }

  @Override
  public TaskBatchResult createTasks(List<TaskRequest> requests) {
    return tasks.createTasks(requests);
  }

  /** Nothing to release: the HTTP pool belongs to the process (the context's {@code HttpClients}). */
  @Override
  public void close() {}
}

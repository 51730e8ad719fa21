package io.github.pqlconnector.salesforce;

import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.http.TokenStore;
import io.github.pqlconnector.core.http.VendorCall;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.resilience.ResilienceSettings;
import io.github.pqlconnector.core.resilience.Sleeper;
import io.github.pqlconnector.core.resilience.VendorResilience;
import io.github.pqlconnector.core.spi.Capabilities;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.ComposedDestination;
import io.github.pqlconnector.core.spi.CrmParts;
import io.github.pqlconnector.core.spi.DestinationContext;
import io.github.pqlconnector.core.spi.OutcomeReader;
import io.github.pqlconnector.core.spi.PqlFields;
import io.github.pqlconnector.core.spi.TraitReader;
import io.github.pqlconnector.salesforce.api.CollectionRequest;
import io.github.pqlconnector.salesforce.api.SalesforceApi;
import io.github.pqlconnector.salesforce.api.SalesforceErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes PQL verdicts into Salesforce: users onto Contacts or Leads (by email), accounts onto Accounts (by website
 * domain or an External ID field). The parts ({@link CrmParts}): {@link SalesforceMatcher}, {@link SalesforceWriter} (Collections or
 * Bulk API 2.0), {@link SalesforceTasks}, {@link SalesforceSetup}. Every call goes through one {@link VendorCall}
 * guarded as {@code salesforce/<destination name>} and checked against the daily allocation's reserve. The parts hold
 * no per-call state, and the token store and allocation are thread-safe, so {@code limits.maxInFlight} batches may run
 * at once (each needs at most one connection: far under Salesforce's 25 long-running requests).
 */
public final class SalesforceDestination extends ComposedDestination {
  private final SalesforceConfig config;
  private final SalesforceCalls calls;
  private final SalesforceTokens grants;

  private SalesforceDestination(SalesforceConfig config, SalesforceCalls calls, SalesforceTokens grants,
      CrmParts parts) {
    super(parts);
    this.config = config;
    this.calls = calls;
    this.grants = grants;
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
    SalesforceCalls calls =
        new SalesforceCalls(api, config.dataPath(), new VendorCall(SalesforceErrors.MAPPER, resilience), daily);
    return new SalesforceDestination(config, calls, grants, parts(config, calls, pause));
  }

  private static CrmParts parts(SalesforceConfig config, SalesforceCalls calls, Sleeper pause) {
    List<String> objects = new ArrayList<>(config.userObjects());
    objects.add(SObjects.ACCOUNT);
    SalesforceWriter writer = new SalesforceWriter(config, calls.daily(), new CollectionsWriter(calls),
        new BulkWriter(calls, config.bulk(), pause));
    return new CrmParts(new SalesforceSetup(calls, objects, !config.tasks().on().isEmpty())::ensureFields,
        new SalesforceMatcher(calls, config)::match, writer::upsert, new SalesforceReader(calls, config)::readFields,
        new SalesforceTasks(calls, config));
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
    return CheckResult.probe("Salesforce", "the API Enabled permission or access to the PQL objects", () -> {
      var described = calls.probe(calls.api().describe(calls.data(), config.userObjects().get(0)));
      return described.field(SalesforceFields.STATUS).isPresent()
          ? "Salesforce reachable; the PQL fields exist" : "Salesforce reachable; PQL fields missing, run `pql setup`";
    });
  }

  /** The record in Lightning, on the token's instance or the configured My Domain; no call is made for it. */
  @Override
  public Optional<String> recordUrl(EntityLevel level, String recordId) {
    return SalesforceLinks.recordUrl(config, grants.instanceUrl(), level, recordId);
  }

  /** Won opportunities and converted leads, read back when the config has an {@code outcomes} block. */
  @Override
  public Optional<OutcomeReader> outcomes() {
    return Optional.ofNullable(config.outcomes()).map(outcomes -> new SalesforceOutcomes(calls, outcomes));
  }

  /** The {@code traits:} fields of matched records, read back when the config has a {@code traits} block. */
  @Override
  public Optional<TraitReader> traitReader() {
    return Optional.ofNullable(config.traits()).map(traits -> new SalesforceTraits(calls, config, traits));
  }

  @Override
  public PqlFields asStored(PqlFields written) {
    return SalesforceFields.asStored(written);
  }
}

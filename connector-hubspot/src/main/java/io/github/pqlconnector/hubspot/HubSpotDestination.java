package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.http.TokenStore;
import io.github.pqlconnector.core.http.VendorCall;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.resilience.ResilienceSettings;
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
import io.github.pqlconnector.hubspot.api.HubSpotErrors;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Writes PQL verdicts into HubSpot contacts (users, matched by email) and companies (accounts, matched by the
 * {@code accountKey} property). The work is split by concern: {@link HubSpotMatcher}, {@link HubSpotWriter}, {@link
 * HubSpotTasks}, {@link HubSpotSetup}. All calls go through one {@link VendorCall} guarded by a {@link
 * VendorResilience} named {@code hubspot/<destination name>}, on the configured burst and search limits.
 */
public final class HubSpotDestination implements CrmDestination {
  private static final String SCOPES =
      "a scope (needs crm.objects.contacts/companies read+write, crm.schemas.contacts/companies write)";
  private final HubSpotConfig config;
  private final HubSpotCalls calls;
  private final HubSpotMatcher matcher;
  private final HubSpotWriter writer;
  private final HubSpotTasks tasks;
  private final HubSpotSetup setup;
  private final HubSpotReader reader;

  private HubSpotDestination(HubSpotConfig config, HubSpotCalls calls) {
    this.config = config;
    this.calls = calls;
    this.matcher = new HubSpotMatcher(calls, config.accountKey());
    this.writer = new HubSpotWriter(calls, config.accountKey());
    this.tasks = new HubSpotTasks(calls);
    this.reader = new HubSpotReader(calls);
    this.setup = new HubSpotSetup(calls, List.of(config.objects().user(), config.objects().account()),
        !config.tasks().on().isEmpty());
  }

  /** A destination on its own HTTP stack over {@code http}, guarded as {@code hubspot/<destination name>}. */
  static HubSpotDestination create(HubSpotConfig config, DestinationContext context, HttpClients http) {
    return create(config, context, http, HubSpotHttp.DEFAULT_CALL_TIMEOUT);
  }

  /** The same with calls (a private-app token's) timing out after {@code callTimeout}. */
  static HubSpotDestination create(HubSpotConfig config, DestinationContext context, HttpClients http,
      Duration callTimeout) {
    HubSpotHttp stack = config.oauth() == null ? HubSpotHttp.create(http, config.baseUrl(), config::token, callTimeout)
        : HubSpotHttp.create(http, config.baseUrl(), new TokenStore(new HubSpotTokenRefresher(config.oauth(),
            http.forVendor("hubspot-oauth", List.of(), url -> url, Duration.ofSeconds(30)), context.clock()),
            context.clock(), Duration.ofMinutes(2)));
    VendorResilience resilience = new VendorResilience("hubspot/" + context.name(), settings(config));
    return new HubSpotDestination(config, new HubSpotCalls(stack.api(), config.version(),
        new VendorCall(HubSpotErrors.MAPPER, resilience), config.objects()));
  }

  /** Burst limit per 10 s and search limit per second from the config; 5 attempts, Retry-After honoured up to 60 s. */
  static ResilienceSettings settings(HubSpotConfig config) {
    return ResilienceSettings.builder()
        .requests(config.rateLimit().requestsPerTenSeconds(), Duration.ofSeconds(10))
        .searches(config.rateLimit().searchPerSecond(), Duration.ofSeconds(1))
        .build();
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(HubSpotWriter.MAX_BATCH,
        Map.of(EntityLevel.USER, "email", EntityLevel.ACCOUNT, config.accountKey()), config.createMissing(),
        config.rateLimit().concurrency(), HubSpotTasks.MAX_BATCH);
  }

  /** Reads the {@code pql_status} contact property: proves the token, the scopes and the network, writes nothing. */
  @Override
  public CheckResult check() {
    try {
      calls.probe(calls.api().readProperty(calls.properties(), config.objects().user(), HubSpotFields.STATUS));
      return CheckResult.ok("HubSpot reachable; the PQL properties exist");
    } catch (VendorException e) {
      if (e.category() == ErrorCategory.NOT_FOUND) {
        return CheckResult.ok("HubSpot reachable; PQL properties missing, run `pql setup`");
      }
      return CheckResult.refused("HubSpot", e, SCOPES);
    } catch (RuntimeException e) {
      return CheckResult.failed("HubSpot", e);
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

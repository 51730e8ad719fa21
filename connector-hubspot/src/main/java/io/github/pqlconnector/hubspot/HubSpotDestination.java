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
import io.github.pqlconnector.core.spi.ComposedDestination;
import io.github.pqlconnector.core.spi.CrmParts;
import io.github.pqlconnector.core.spi.DestinationContext;
import io.github.pqlconnector.core.spi.OutcomeReader;
import io.github.pqlconnector.core.spi.TraitReader;
import io.github.pqlconnector.hubspot.api.HubSpotErrors;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes PQL verdicts into HubSpot contacts (users, matched by email) and companies (accounts, matched by the
 * {@code accountKey} property). The work is split by concern ({@link CrmParts}): {@link HubSpotMatcher}, {@link
 * HubSpotWriter}, {@link HubSpotReader}, {@link HubSpotTasks}, {@link HubSpotSetup}. All calls go through one {@link VendorCall} guarded by a {@link
 * VendorResilience} named {@code hubspot/<destination name>}, on the configured burst and search limits.
 */
public final class HubSpotDestination extends ComposedDestination {
  private static final String SCOPES =
      "a scope (needs crm.objects.contacts/companies read+write, crm.schemas.contacts/companies write)";
  private final HubSpotConfig config;
  private final HubSpotCalls calls;

  private HubSpotDestination(HubSpotConfig config, HubSpotCalls calls, CrmParts parts) {
    super(parts);
    this.config = config;
    this.calls = calls;
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
    HubSpotCalls calls = new HubSpotCalls(stack.api(), config.version(),
        new VendorCall(HubSpotErrors.MAPPER, resilience), config.objects());
    return new HubSpotDestination(config, calls, parts(config, calls));
  }

  private static CrmParts parts(HubSpotConfig config, HubSpotCalls calls) {
    HubSpotSetup setup = new HubSpotSetup(calls, List.of(config.objects().user(), config.objects().account()),
        !config.tasks().on().isEmpty());
    return new CrmParts(setup::ensureFields, new HubSpotMatcher(calls, config.accountKey())::match,
        new HubSpotWriter(calls, config.accountKey())::upsert, new HubSpotReader(calls)::readFields,
        new HubSpotTasks(calls));
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

  /** The record in HubSpot's UI when the config names the portal; no call is made for it. */
  @Override
  public Optional<String> recordUrl(EntityLevel level, String recordId) {
    return HubSpotLinks.recordUrl(config, level, recordId);
  }

  /** Conversions read back ({@link HubSpotOutcomes}), when the config has an {@code outcomes:} block. */
  @Override
  public Optional<OutcomeReader> outcomes() {
    return Optional.ofNullable(config.outcomes()).map(o -> new HubSpotOutcomes(calls, o));
  }

  /** Properties of matched records as traits ({@link HubSpotTraits}), when the config has a {@code traits:} block. */
  @Override
  public Optional<TraitReader> traitReader() {
    return HubSpotTraits.of(calls, config.traits());
  }

  /** Reads the {@code pql_status} contact property: proves the token, the scopes and the network, writes nothing. */
  @Override
  public CheckResult check() {
    return CheckResult.probe("HubSpot", SCOPES, () -> {
      try {
        calls.probe(calls.api().readProperty(calls.properties(), config.objects().user(), HubSpotFields.STATUS));
        return "HubSpot reachable; the PQL properties exist";
      } catch (VendorException e) {
        if (e.category() == ErrorCategory.NOT_FOUND) {
          return "HubSpot reachable; PQL properties missing, run `pql setup`";
        }
        throw e;
      }
    });
  }
}

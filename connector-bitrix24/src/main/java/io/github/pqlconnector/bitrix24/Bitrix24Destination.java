package io.github.pqlconnector.bitrix24;

import io.github.pqlconnector.bitrix24.api.BatchRequest;
import io.github.pqlconnector.bitrix24.api.Bitrix24Errors;
import io.github.pqlconnector.bitrix24.api.ItemListRequest;
import io.github.pqlconnector.bitrix24.api.ItemListResponse;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.http.VendorCall;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.resilience.LeakyBucketLimiter;
import io.github.pqlconnector.core.resilience.ResilienceSettings;
import io.github.pqlconnector.core.resilience.VendorResilience;
import io.github.pqlconnector.core.spi.Capabilities;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.ComposedDestination;
import io.github.pqlconnector.core.spi.CrmParts;
import io.github.pqlconnector.core.spi.DestinationContext;
import io.github.pqlconnector.core.spi.OutcomeReader;
import io.github.pqlconnector.core.spi.PqlFields;
import io.github.pqlconnector.core.spi.TraitReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Writes PQL verdicts into Bitrix24 contacts or leads (users, by email) and companies (accounts, by their websites
 * through the {@link Bitrix24CompanyIndex}, or by a field named in {@code accountField}), split by concern ({@link CrmParts}): {@link
 * Bitrix24Matcher}, {@link Bitrix24Writer}, {@link Bitrix24Tasks}, {@link Bitrix24Setup}. Every request goes through one {@link VendorCall} guarded by a {@link VendorResilience} named {@code
 * bitrix24/<destination name>} on a {@link LeakyBucketLimiter} with the portal's drain rate and burst (less a little
 * headroom), and through the {@link OperatingBudget}'s gate. One batch at a time ({@code maxInFlight} 1): the bucket,
 * not latency, bounds throughput, and Bitrix24 counts per portal and IP.
 */
public final class Bitrix24Destination extends ComposedDestination {
  private final Bitrix24Config config;
  private final Bitrix24Calls calls;
  private final @Nullable Bitrix24CompanyIndex companies;
  private final OperatingBudget budget;

  private Bitrix24Destination(Bitrix24Config config, Bitrix24Calls calls, @Nullable Bitrix24CompanyIndex companies,
      OperatingBudget budget) {
    super(parts(config, calls, companies));
    this.budget = budget;
    this.config = config;
    this.calls = calls;
    this.companies = companies;
  }

  static Bitrix24Destination create(Bitrix24Config config, DestinationContext context, HttpClients http,
      Bitrix24Timing timing) {
    OperatingBudget budget = new OperatingBudget(config.rateLimit().operatingSeconds(), timing.wall(),
        timing.sleeper());
    LeakyBucketLimiter limiter = new LeakyBucketLimiter(config.rateLimit().drainPerSecond(),
        capacity(config.rateLimit()), timing.nanos(), timing.sleeper());
    Bitrix24Http stack = Bitrix24Http.create(http, config, budget);
    Bitrix24Errors errors = new Bitrix24Errors(stack.redactor(), limiter::markFull);
    VendorResilience resilience = new VendorResilience("bitrix24/" + context.name(), settings(timing), limiter);
    Bitrix24Calls calls =
        new Bitrix24Calls(stack.api(), new VendorCall(errors, resilience), errors, budget, limiter::markFull);
    return new Bitrix24Destination(config, calls, config.matchesWeb()
        ? new Bitrix24CompanyIndex(calls, context.store().index(Bitrix24CompanyIndex.INDEX)) : null, budget);
  }

  private static CrmParts parts(Bitrix24Config config, Bitrix24Calls calls,
      @Nullable Bitrix24CompanyIndex companies) {
    Bitrix24UserFields userFields = new Bitrix24UserFields(calls);
    boolean ownerTasks = !config.tasks().on().isEmpty() && "record".equals(config.tasks().owner());
    return new CrmParts(new Bitrix24Setup(calls, userFields, config)::ensureFields,
        new Bitrix24Matcher(calls, config, ownerTasks, companies)::match,
        new Bitrix24Writer(calls, userFields, config, companies)::upsert,
        new Bitrix24Reader(new Bitrix24ItemsById(calls), userFields, config)::readFields, new Bitrix24Tasks(calls, config));
  }

  /**
   * The bucket we keep below the portal's: Bitrix24 may drain in whole-second steps while we model a smooth drain, so
   * one second's drain is kept as headroom (50 → 48 at 2/s).
   */
  static int capacity(Bitrix24Config.RateLimit limit) {
    return Math.max(1, limit.burst() - (int) Math.ceil(limit.drainPerSecond()));
  }

  /** 6 attempts; backoff from {@code baseBackoff}; a 5xx storm opens the breaker. The limits live in the limiter. */
  static ResilienceSettings settings(Bitrix24Timing timing) {
    return ResilienceSettings.builder()
        .requests(1, Duration.ofSeconds(1))        // unused: the leaky bucket paces the calls
        .attempts(6, timing.baseBackoff())
        .maxRetryAfter(Duration.ofMinutes(10))
        .build();
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(Bitrix24Writer.MAX_BATCH,
        Map.of(EntityLevel.USER, "email", EntityLevel.ACCOUNT, "domain"), config.createMissing(),
        config.rateLimit().concurrency(), BatchRequest.MAX_COMMANDS);
  }

  /** The record in the portal's UI; the portal's address is in the config. */
  @Override
  public Optional<String> recordUrl(EntityLevel level, String recordId) {
    return Bitrix24Links.recordUrl(config, level, recordId);
  }

  /** Present with an {@code outcomes:} block: won deals and converted leads, on the same guarded path as the writes. */
  @Override
  public Optional<OutcomeReader> outcomes() {
    return Optional.ofNullable(config.outcomes()).map(o -> new Bitrix24Outcomes(calls, config, o));
  }

  /** Present with a {@code traits:} block: the mapped CRM fields of matched records, read by id in one batch. */
  @Override
  public Optional<TraitReader> traitReader() {
    return Optional.ofNullable(config.traits())
        .map(traits -> new Bitrix24Traits(new Bitrix24ItemsById(calls), config, traits));
  }

  /** Lists one page of user-entity ids: proves the URL, the credentials and the crm scope, and writes nothing. */
  @Override
  public CheckResult check() {
    return CheckResult.probe("Bitrix24", "the crm scope or rights", () -> {
      calls.execute(calls.api().listItems(ItemListRequest.of(config.userEntity().typeId(), List.of("id"), Map.of())),
          "crm.item.list", ItemListResponse::time);
      return "Bitrix24 reachable; the crm scope works";
    });
  }

  /** 50 {@code crm.item.list} commands of 50 ids each: one {@code batch} call. */
  @Override
  public int readBatchSize() {
    return Bitrix24ItemsById.MAX_IDS;
  }

  @Override
  public PqlFields asStored(PqlFields written) {
    return Bitrix24ReadBack.asStored(written);
  }

  /** How many companies the website index holds and which domains several companies share. */
  @Override
  public List<String> notes() {
    return companies == null ? List.of() : companies.notes();
  }

  /** The methods that went over their operating-time budget and had to wait for its reset (a quota alert). */
  @Override
  public List<String> limitsHit() {
    return budget.blocks();
  }
}

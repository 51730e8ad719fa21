package io.github.pqlconnector.hubspot;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.CrmTraitFields;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.spi.TaskPolicy;
import io.github.pqlconnector.hubspot.api.HubSpotApiVersion;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * The {@code type: hubspot} destination block. {@code token} is a private-app or service-key token ({@code
 * ${HUBSPOT_TOKEN}}); {@code baseUrl} is overridable for a sandbox or WireMock; {@code apiVersion} is {@code v3} or a
 * dated version ({@code 2026-09}); accounts are matched on the company property {@code accountKey}, users on email.
 * {@code outcomes}, when present, makes the destination read conversions back (see {@link HubSpotOutcomesConfig});
 * {@code traits}, when present, reads company and contact properties of matched records as traits ({@link
 * HubSpotTraits}). {@code portalId}, when given, is the account's Hub ID, for links to records in HubSpot's UI.
 */
@JsonClassDescription("Writes the PQL properties to HubSpot contacts and companies in batches, and opens"
    + " follow-up tasks.")
public record HubSpotConfig(
    @JsonPropertyDescription("A legacy private-app token or a service key, a secret: write ${ENV_VAR} or"
        + " ${file:/path}. Required unless oauth is given; not both.")
    @Nullable Secret token,
    @JsonPropertyDescription("Base URL of the HubSpot API, ending in /; point it at a sandbox or a stub.")
    @Nullable String baseUrl,
    @JsonPropertyDescription("The API version: v3, or a dated version such as \"2026-09\" (dated versions replace"
        + " the v3 paths).")
    @Nullable String apiVersion,
    @JsonPropertyDescription("The HubSpot object types written for accounts and users.")
    @Nullable ObjectTypes objects,
    @JsonPropertyDescription("The company property accounts are matched on; a property with unique values (e.g."
        + " pql_account_id) is read by batch/read. Users are matched on email.")
    @Nullable String accountKey,
    @JsonPropertyDescription("true: create the contacts (upsert by email) and companies that are not found.")
    @Nullable Boolean createMissing,
    @JsonPropertyDescription("When to open follow-up tasks in HubSpot; no tasks without this block.")
    @Nullable TaskPolicy tasks,
    @JsonPropertyDescription("Client-side limits, set to your HubSpot tier.")
    @Nullable RateLimit rateLimit,
    @JsonPropertyDescription("OAuth for a public HubSpot app, instead of token.")
    @Nullable HubSpotOAuth oauth,
    @JsonPropertyDescription("Read back who converted (closed-won deals, customers) after each run; {} takes the"
        + " defaults, not read without this block. Needs the crm.objects.deals.read scope.")
    @Nullable HubSpotOutcomesConfig outcomes,
    @JsonPropertyDescription("Company and contact properties of the matched records to read as traits, for a"
        + " sync that lists this destination under its traits.")
    @Nullable CrmTraitFields traits,
    @JsonPropertyDescription("The account's Hub ID (digits only, shown in HubSpot's account menu), for links to"
        + " records in HubSpot from the console.")
    @Nullable String portalId)
    implements DestinationConfig {

  /** The config without outcomes or traits, as before they could be read. */
  public HubSpotConfig(@Nullable Secret token, @Nullable String baseUrl, @Nullable String apiVersion,
      @Nullable ObjectTypes objects, @Nullable String accountKey, @Nullable Boolean createMissing,
      @Nullable TaskPolicy tasks, @Nullable RateLimit rateLimit, @Nullable HubSpotOAuth oauth) {
    this(token, baseUrl, apiVersion, objects, accountKey, createMissing, tasks, rateLimit, oauth, null, null);
  }

  /** The config without traits, as before CRM fields could be read as traits. */
  public HubSpotConfig(@Nullable Secret token, @Nullable String baseUrl, @Nullable String apiVersion,
      @Nullable ObjectTypes objects, @Nullable String accountKey, @Nullable Boolean createMissing,
      @Nullable TaskPolicy tasks, @Nullable RateLimit rateLimit, @Nullable HubSpotOAuth oauth,
      @Nullable HubSpotOutcomesConfig outcomes) {
    this(token, baseUrl, apiVersion, objects, accountKey, createMissing, tasks, rateLimit, oauth, outcomes, null);
  }

  /** The config without a portal id, as before records were linked. */
  public HubSpotConfig(@Nullable Secret token, @Nullable String baseUrl, @Nullable String apiVersion,
      @Nullable ObjectTypes objects, @Nullable String accountKey, @Nullable Boolean createMissing,
      @Nullable TaskPolicy tasks, @Nullable RateLimit rateLimit, @Nullable HubSpotOAuth oauth,
      @Nullable HubSpotOutcomesConfig outcomes, @Nullable CrmTraitFields traits) {
    this(token, baseUrl, apiVersion, objects, accountKey, createMissing, tasks, rateLimit, oauth, outcomes, traits,
        null);
  }

  public HubSpotConfig {
    baseUrl = baseUrl != null ? baseUrl : HubSpotHttp.DEFAULT_BASE_URL;
    apiVersion = apiVersion != null ? apiVersion : HubSpotApiVersion.V3.value();
    objects = objects != null ? objects : new ObjectTypes(null, null);
    accountKey = accountKey != null ? accountKey : "domain";
    createMissing = createMissing != null && createMissing;
    tasks = tasks != null ? tasks : TaskPolicy.none();
    rateLimit = rateLimit != null ? rateLimit : new RateLimit(null, null, null);
  }

  /** The HubSpot object types written for accounts and users. */
  public record ObjectTypes(
      @JsonPropertyDescription("The object type written for accounts.")
      @Nullable String account,
      @JsonPropertyDescription("The object type written for users.")
      @Nullable String user) {
    public ObjectTypes {
      account = account != null ? account : "companies";
      user = user != null ? user : "contacts";
    }
  }

  /**
   * Client-side limits. HubSpot's burst limit is per app per 10 s: 100 (Free/Starter), 190 (Professional,
   * Enterprise), 250 with the API limit increase; CRM search is limited to 4 requests/s per token (crm-apis.md
   * §1.6 and §1.4). The defaults fit the lowest tier, so they are safe on every account. {@code concurrency} is how
   * many batches are in flight at once: the limiter still paces them, this only hides network latency. HubSpot
   * documents no limit on concurrent requests.
   */
  public record RateLimit(
      @JsonPropertyDescription("Requests per rolling 10 seconds, 1 to 250: HubSpot's burst limit is 100 on"
          + " Free/Starter, 190 on Professional and Enterprise, 250 with the API limit increase.")
      @Nullable Integer requestsPerTenSeconds,
      @JsonPropertyDescription("CRM search requests per second, 1 to 4 (HubSpot's limit per token).")
      @Nullable Integer searchPerSecond,
      @JsonPropertyDescription("Batches in flight at once, 1 to 16, still paced by the limiter (default: enough to"
          + " send a whole window's calls within 2 s at 400 ms a call: 16 on every tier, fewer below 80 requests).")
      @Nullable Integer concurrency) {
    static final int MAX_BURST = 250;
    static final int MAX_SEARCH = 4;
    static final int MAX_CONCURRENCY = 16;
    /** The HubSpot latency (per batch call) the default concurrency is sized for. */
    private static final double DESIGN_LATENCY_SECONDS = 0.4;
    /** How soon a fresh rolling window's calls should all be out: the window then frees early for the next ones. */
    private static final double WINDOW_FILL_SECONDS = 2.0;

    public RateLimit {
      requestsPerTenSeconds = requestsPerTenSeconds != null ? requestsPerTenSeconds : 100;
      searchPerSecond = searchPerSecond != null ? searchPerSecond : MAX_SEARCH;
      concurrency = concurrency != null ? concurrency : defaultConcurrency(requestsPerTenSeconds);
    }
  }

  /**
   * Enough batches in flight to send a whole window's calls within {@link RateLimit#WINDOW_FILL_SECONDS} at {@link
   * RateLimit#DESIGN_LATENCY_SECONDS} a call. The limiter frees each slot a window after its call completed, so
   * the sooner the first window's calls are out, the sooner the next window opens: keeping only the steady rate
   * busy (5 on the 100 tier) left a first run at 85 % of the limit end to end at 300 ms, 16 gives 91 %. 16 on every
   * tier, fewer only for a limit set below 80.
   */
  static int defaultConcurrency(int requestsPerTenSeconds) {
    double callsInFlight = requestsPerTenSeconds * RateLimit.DESIGN_LATENCY_SECONDS / RateLimit.WINDOW_FILL_SECONDS;
    return Math.min(RateLimit.MAX_CONCURRENCY, Math.max(2, (int) Math.ceil(callsInFlight)));
  }

  public HubSpotApiVersion version() {
    return new HubSpotApiVersion(apiVersion);
  }

  @Override
  public void validate(ConfigPath at, Problems problems) {
    if (oauth != null) {
      oauth.validate(at.child("oauth"), problems);
      if (token != null) {
        problems.add(at.child("token"), "give either token (a private app or service key) or oauth, not both");
      }
    } else if (token == null || token.reveal().isBlank()) {
      problems.add(at.child("token"), "is required (use ${HUBSPOT_TOKEN}), unless oauth is configured");
    }
    validateBaseUrl(at.child("baseUrl"), problems);
    try {
      version();
    } catch (IllegalArgumentException e) {
      problems.add(at.child("apiVersion"), e.getMessage());
    }
    required(at.child("objects").child("account"), objects.account(), problems);
    required(at.child("objects").child("user"), objects.user(), problems);
    required(at.child("accountKey"), accountKey, problems);
    tasks.validate(at.child("tasks"), problems);
    if (outcomes != null) {
      outcomes.validate(at.child("outcomes"), problems);
    }
    if (traits != null) {
      traits.validate(at.child("traits"), problems);
    }
    if (portalId != null && !portalId.matches("[0-9]+")) {
      problems.add(at.child("portalId"), "must be the account's Hub ID (digits only), was '" + portalId + "'");
    }
    range(at.child("rateLimit").child("requestsPerTenSeconds"), rateLimit.requestsPerTenSeconds(),
        RateLimit.MAX_BURST, problems);
    range(at.child("rateLimit").child("searchPerSecond"), rateLimit.searchPerSecond(), RateLimit.MAX_SEARCH,
        problems);
    if (rateLimit.concurrency() < 1 || rateLimit.concurrency() > RateLimit.MAX_CONCURRENCY) {
      problems.add(at.child("rateLimit").child("concurrency"), "must be 1.." + RateLimit.MAX_CONCURRENCY
          + ", was " + rateLimit.concurrency());
    }
  }

  private void validateBaseUrl(ConfigPath at, Problems problems) {
    try {
      URI uri = new URI(baseUrl);
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
        problems.add(at, "must be an http(s) URL, was '" + baseUrl + "'");
      } else if (!baseUrl.endsWith("/")) {
        problems.add(at, "must end in /");
      }
    } catch (URISyntaxException e) {
      problems.add(at, "is not a valid URL: " + e.getReason());
    }
  }

  private static void required(ConfigPath at, String value, Problems problems) {
    if (value.isBlank()) {
      problems.add(at, "must not be blank");
    }
  }

  private static void range(ConfigPath at, int value, int max, Problems problems) {
    if (value < 1 || value > max) {
      problems.add(at, "must be 1.." + max + " (HubSpot's documented limit), was " + value);
    }
  }
}

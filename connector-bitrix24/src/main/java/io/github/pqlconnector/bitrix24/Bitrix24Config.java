package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.annotation.OneOf;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.problem.ConfigLists;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.CrmTraitFields;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.spi.TaskPolicy;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code type: bitrix24} destination block. Auth is either an inbound {@code webhookUrl} ({@code
 * ${BITRIX24_WEBHOOK_URL}}: the secret sits in its path, so it is a secret as a whole) or {@code oauth} with the
 * portal's REST {@code baseUrl}. Users are written to contacts or leads, accounts to companies. Accounts are matched by
 * {@code accountField}: {@code WEB} (default), the websites every company already carries in its {@code WEB}
 * multi-field, through a domain index kept in the state store; or the name of a company field that holds a clean
 * domain ({@code UF_CRM_PQL_DOMAIN}, which {@code pql setup} then creates, or any other {@code UF_CRM_…} field).
 * {@code traits} names CRM fields of matched records to read as traits ({@link Bitrix24Traits}).
 */
@JsonClassDescription("Writes the PQL fields to Bitrix24 contacts (or leads) and companies, cloud or on-premise,"
    + " and opens follow-up to-dos.")
public record Bitrix24Config(
    @JsonPropertyDescription("An inbound webhook URL, https://<portal>/rest/<user id>/<code>/; the code in it is a"
        + " secret, so write ${ENV_VAR} or ${file:/path}. Required unless oauth is given; not both.")
    @Nullable Secret webhookUrl,
    @JsonPropertyDescription("With oauth: the portal's REST URL, ending in /, e.g."
        + " https://example.bitrix24.com/rest/ (the app's client_endpoint).")
    @Nullable String baseUrl,
    @JsonPropertyDescription("OAuth 2.0 for a local or marketplace app, instead of webhookUrl; needs baseUrl.")
    @Nullable Bitrix24OAuth oauth,
    @JsonPropertyDescription("Which CRM entities hold users and accounts.")
    @Nullable Entities entities,
    @JsonPropertyDescription("How accounts are matched: WEB (the companies' websites, compared by domain) or the"
        + " name of a company field that holds the domain, such as UF_CRM_PQL_DOMAIN.")
    @Nullable String accountField,
    @JsonPropertyDescription("true: add the contacts (with the email) and companies (with the website) that are"
        + " not found.")
    @Nullable Boolean createMissing,
    @JsonPropertyDescription("When to open follow-up to-dos on the record's timeline; defaultOwnerId is a Bitrix24"
        + " user id. No tasks without this block.")
    @Nullable TaskPolicy tasks,
    @JsonPropertyDescription("Client-side limits matching the portal's leaky bucket and operating limit.")
    @Nullable RateLimit rateLimit,
    @JsonPropertyDescription("Read back who converted (won deals, converted leads) after each run; {} takes the"
        + " defaults, not read without this block.")
    @Nullable Outcomes outcomes,
    @JsonPropertyDescription("CRM fields of the matched records to read as traits, for a sync that lists this"
        + " destination under its traits; name user fields UF_CRM_..., not in camelCase.")
    @Nullable CrmTraitFields traits) implements DestinationConfig {

  /** The company websites multi-field; a field the connector creates is never the default (it is empty on a portal). */
  public static final String WEB = "WEB";
  public static final String DEFAULT_ACCOUNT_FIELD = WEB;
  private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /** Without {@code outcomes}: nothing is read back as a conversion. */
  public Bitrix24Config(@Nullable Secret webhookUrl, @Nullable String baseUrl, @Nullable Bitrix24OAuth oauth,
      @Nullable Entities entities, @Nullable String accountField, @Nullable Boolean createMissing,
      @Nullable TaskPolicy tasks, @Nullable RateLimit rateLimit) {
    this(webhookUrl, baseUrl, oauth, entities, accountField, createMissing, tasks, rateLimit, null);
  }

  /** Without {@code traits}: no CRM field is read as a trait. */
  public Bitrix24Config(@Nullable Secret webhookUrl, @Nullable String baseUrl, @Nullable Bitrix24OAuth oauth,
      @Nullable Entities entities, @Nullable String accountField, @Nullable Boolean createMissing,
      @Nullable TaskPolicy tasks, @Nullable RateLimit rateLimit, @Nullable Outcomes outcomes) {
    this(webhookUrl, baseUrl, oauth, entities, accountField, createMissing, tasks, rateLimit, outcomes, null);
  }

  public Bitrix24Config {
    entities = entities != null ? entities : new Entities(null, null);
    accountField = accountField != null ? accountField : DEFAULT_ACCOUNT_FIELD;
    createMissing = createMissing != null && createMissing;
    tasks = tasks != null ? tasks : TaskPolicy.none();
    rateLimit = rateLimit != null ? rateLimit : new RateLimit(null, null, null, null);
  }

  /** Which CRM entity holds users ({@code contact} or {@code lead}) and accounts ({@code company}). */
  public record Entities(
      @JsonPropertyDescription("The entity users are written to: contact, or lead to write leads instead.")
      @OneOf({"contact", "lead"}) @Nullable String user,
      @JsonPropertyDescription("The entity accounts are written to; only company.")
      @OneOf({"company"}) @Nullable String account) {
    public Entities {
      user = user != null ? user : "contact";
      account = account != null ? account : "company";
    }
  }

  /**
   * Bitrix24's leaky bucket (b24restdocs limits.md): drains 2 requests/s and blocks above 50 on most plans, 5/s and
   * 250 on Enterprise. {@code operatingSeconds} is the per-method time budget per 10 minutes (480 s on cloud).
   * {@code concurrency} is how many batches are in flight at once: 1 by default, where the drain sets the pace,
   * and 4 with a burst of 100 or more (Enterprise), which one batch at a time could not use up.
   */
  public record RateLimit(
      @JsonPropertyDescription("Requests per second the bucket drains, above 0 and at most 50: 2 on most plans, 5"
          + " on Enterprise.")
      @Nullable Double drainPerSecond,
      @JsonPropertyDescription("Requests the bucket holds before Bitrix24 blocks, 2 to 1000: 50 on most plans, 250"
          + " on Enterprise.")
      @Nullable Integer burst,
      @JsonPropertyDescription("Each method's time budget per 10 minutes, in seconds, at least 1: 480 on cloud;"
          + " on-premise it is off by default (420 when enabled).")
      @Nullable Integer operatingSeconds,
      @JsonPropertyDescription("Batches in flight at once, 1 to 8 (default: 1, or 4 with a burst of 100 or more).")
      @Nullable Integer concurrency) {
    static final int MAX_CONCURRENCY = 8;

    public RateLimit {
      drainPerSecond = drainPerSecond != null ? drainPerSecond : 2.0;
      burst = burst != null ? burst : 50;
      operatingSeconds = operatingSeconds != null ? operatingSeconds : 480;
      concurrency = concurrency != null ? concurrency : burst >= 100 ? 4 : 1;
    }

    public RateLimit(@Nullable Double drainPerSecond, @Nullable Integer burst, @Nullable Integer operatingSeconds) {
      this(drainPerSecond, burst, operatingSeconds, null);
    }
  }

  /**
   * What counts as a conversion ({@link Bitrix24Outcomes}): {@code deals} (default true), deals in a success stage
   * ({@code STAGE_SEMANTIC_ID} S), of the pipelines in {@code categories} ({@code CATEGORY_ID}; all when empty);
   * {@code convertedLeads} (default false), leads in the converted status ({@code STATUS_SEMANTIC_ID} S).
   */
  public record Outcomes(
      @JsonPropertyDescription("Deals in a success stage (STAGE_SEMANTIC_ID S) count as conversions of their"
          + " company and contacts, at their CLOSEDATE, for their OPPORTUNITY.")
      @Nullable Boolean deals,
      @JsonPropertyDescription("Only deals of these pipelines count: CATEGORY_ID values, 0 being the general"
          + " pipeline; all when empty.")
      @Nullable List<Integer> categories,
      @JsonPropertyDescription("true: leads in the converted status (STATUS_SEMANTIC_ID S) count too, for their"
          + " contact (or the lead) and company.")
      @Nullable Boolean convertedLeads) {
    public Outcomes {
      deals = deals == null || deals;
      categories = ConfigLists.copy(categories);
      convertedLeads = convertedLeads != null && convertedLeads;
    }

    void validate(ConfigPath at, Problems problems) {
      if (!deals && !convertedLeads) {
        problems.add(at, "counts nothing: set deals or convertedLeads to true, or remove the block");
      }
      if (categories.stream().anyMatch(id -> id < 0)) {
        problems.add(at.child("categories"), "must be pipeline ids (CATEGORY_ID, 0 is the general one), was "
            + categories);
      } else if (!deals && !categories.isEmpty()) {
        problems.add(at.child("categories"), "only applies to deals, which are off");
      }
    }
  }

  /** True when accounts are matched by the companies' websites ({@code WEB}), not by a field. */
  boolean matchesWeb() {
    return WEB.equalsIgnoreCase(accountField);
  }

  BitrixEntity userEntity() {
    return BitrixEntity.of(entities.user());
  }

  BitrixEntity accountEntity() {
    return BitrixEntity.of(entities.account());
  }

  @Override
  public void validate(ConfigPath at, Problems problems) {
    validateAuth(at, problems);
    if (!"contact".equals(entities.user()) && !"lead".equals(entities.user())) {
      problems.add(at.child("entities").child("user"), "must be 'contact' or 'lead', was '" + entities.user() + "'");
    }
    if (!"company".equals(entities.account())) {
      problems.add(at.child("entities").child("account"), "must be 'company', was '" + entities.account() + "'");
    }
    if (!FIELD.matcher(accountField).matches()) {
      problems.add(at.child("accountField"),
          "must be WEB (the companies' websites) or a field name such as UF_CRM_PQL_DOMAIN");
    }
    tasks.validate(at.child("tasks"), problems);
    if (outcomes != null) {
      outcomes.validate(at.child("outcomes"), problems);
    }
    if (traits != null) {
      validateTraits(at.child("traits"), traits, problems);
    }
    ConfigPath limit = at.child("rateLimit");
    if (rateLimit.drainPerSecond() <= 0 || rateLimit.drainPerSecond() > 50) {
      problems.add(limit.child("drainPerSecond"), "must be above 0 and at most 50, was " + rateLimit.drainPerSecond());
    }
    if (rateLimit.burst() < 2 || rateLimit.burst() > 1000) {
      problems.add(limit.child("burst"), "must be 2..1000, was " + rateLimit.burst());
    }
    if (rateLimit.concurrency() < 1 || rateLimit.concurrency() > RateLimit.MAX_CONCURRENCY) {
      problems.add(limit.child("concurrency"), "must be 1.." + RateLimit.MAX_CONCURRENCY + ", was "
          + rateLimit.concurrency());
    }
    if (rateLimit.operatingSeconds() < 1) {
      problems.add(limit.child("operatingSeconds"), "must be at least 1, was " + rateLimit.operatingSeconds());
    }
  }

  /**
   * Reads use {@code useOriginalUfNames=Y} (as reconciliation does), so a user field is named {@code UF_CRM_…}; its
   * camelCase form would select nothing and read as empty forever.
   */
  private static void validateTraits(ConfigPath at, CrmTraitFields traits, Problems problems) {
    traits.validate(at, problems);
    for (EntityLevel level : EntityLevel.values()) {
      traits.of(level).forEach((trait, field) -> {
        if (field != null && field.startsWith("ufCrm")) {
          problems.add(at.child(level.id()).child(trait), "name the user field as UF_CRM_… (its original name), "
              + "was '" + field + "'");
        }
      });
    }
  }

  private void validateAuth(ConfigPath at, Problems problems) {
    if (oauth != null) {
      oauth.validate(at.child("oauth"), problems);
      if (webhookUrl != null) {
        problems.add(at.child("webhookUrl"), "give either webhookUrl or oauth, not both");
      }
      if (baseUrl == null || !baseUrl.matches("https?://.+/")) {
        problems.add(at.child("baseUrl"), "is required with oauth: the portal's REST URL, e.g. "
            + "https://example.bitrix24.com/rest/ (ending in /)");
      }
    } else if (webhookUrl == null) {
      problems.add(at.child("webhookUrl"), "is required (use ${BITRIX24_WEBHOOK_URL}), unless oauth is configured");
    } else if (Bitrix24Webhook.parse(webhookUrl).isEmpty()) {
      problems.add(at.child("webhookUrl"), "must look like https://<portal>/rest/<user id>/<code>/ "
          + "(the value is a secret and is not shown)");
    }
  }
}

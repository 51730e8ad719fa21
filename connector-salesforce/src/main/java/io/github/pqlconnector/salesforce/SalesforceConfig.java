package io.github.pqlconnector.salesforce;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.annotation.Required;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.spi.CrmTraitFields;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.spi.TaskPolicy;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code type: salesforce} destination block. Users are matched by email on {@code userObjects} in order
 * (Contact first, then Lead, by default); accounts on {@code accountField} of Account: {@code Website} (compared by
 * domain) or an External ID field holding the domain or the configured {@code accountKey} trait. Writes go through
 * sObject Collections in calls of 200, or one Bulk API 2.0 job per object once a batch has {@code bulkThreshold}
 * records. {@code outcomes}, when present, reads who converted for the closed loop (see {@link SalesforceOutcomes}).
 * {@code traits}, when present, names the fields read as traits (see {@link SalesforceTraits}): field API names; a
 * {@code user:} field must exist on every object of {@code userObjects} (a Contact field missing on Lead fails the
 * read with {@code INVALID_FIELD}, an INVALID_REQUEST, as any SOQL naming an unknown field).
 */
@JsonClassDescription("Writes the PQL fields to Salesforce Contacts, Leads and Accounts through sObject"
    + " Collections or Bulk API 2.0, and opens follow-up Tasks.")
public record SalesforceConfig(
    @JsonPropertyDescription("How the connector gets an access token from the org.")
    @Required @Nullable SalesforceAuth auth,
    @JsonPropertyDescription("The REST API version, like \"67.0\", at least 59.0.")
    @Nullable String apiVersion,
    @JsonPropertyDescription("Where users are looked up by email, in this order: Contact and/or Lead.")
    @Nullable List<String> userObjects,
    @JsonPropertyDescription("The Account field accounts are matched on: Website (compared by domain) or the API"
        + " name of an External ID field, e.g. Domain__c.")
    @Nullable String accountField,
    @JsonPropertyDescription("The account trait matched against accountField.")
    @Nullable String accountKey,
    @JsonPropertyDescription("true: users not found become Leads, accounts not found become Accounts.")
    @Nullable Boolean createMissing,
    @JsonPropertyDescription("A batch with at least this many records goes through one Bulk API 2.0 job per"
        + " object, smaller ones through sObject Collections, 200 per call; 1 to 1,000,000, not above maxBatchSize.")
    @Nullable Integer bulkThreshold,
    @JsonPropertyDescription("Records handed to the destination at once, 1 to 100,000.")
    @Nullable Integer maxBatchSize,
    @JsonPropertyDescription("The daily API allocation to leave to the org, the pace and the batches in flight.")
    @Nullable Limits limits,
    @JsonPropertyDescription("How Bulk API 2.0 jobs are polled.")
    @Nullable Bulk bulk,
    @JsonPropertyDescription("When to open follow-up Tasks in Salesforce; no tasks without this block.")
    @Nullable TaskPolicy tasks,
    @JsonPropertyDescription("Read back who converted (won Opportunities, converted Leads) after each run; {}"
        + " takes the defaults, not read without this block.")
    @Nullable Outcomes outcomes,
    @JsonPropertyDescription("Field API names of the matched records to read as traits, for a sync that lists"
        + " this destination under its traits; a user field must exist on every object of userObjects.")
    @Nullable CrmTraitFields traits) implements DestinationConfig {

  /** Summer '26, the latest GA version when this was written (crm-apis.md §2.1). */
  public static final String DEFAULT_API_VERSION = "67.0";
  static final String WEBSITE = "Website";
  static final List<String> USER_OBJECTS = List.of("Contact", "Lead");
  private static final String API_NAME = "[A-Za-z][A-Za-z0-9_]*";

  /** Without an {@code outcomes} block: nothing is read back for the closed loop. */
  public SalesforceConfig(@Nullable SalesforceAuth auth, @Nullable String apiVersion,
      @Nullable List<String> userObjects, @Nullable String accountField, @Nullable String accountKey,
      @Nullable Boolean createMissing, @Nullable Integer bulkThreshold, @Nullable Integer maxBatchSize,
      @Nullable Limits limits, @Nullable Bulk bulk, @Nullable TaskPolicy tasks) {
    this(auth, apiVersion, userObjects, accountField, accountKey, createMissing, bulkThreshold, maxBatchSize, limits,
        bulk, tasks, null);
  }

  /** Without a {@code traits} block: no CRM fields are read as traits. */
  public SalesforceConfig(@Nullable SalesforceAuth auth, @Nullable String apiVersion,
      @Nullable List<String> userObjects, @Nullable String accountField, @Nullable String accountKey,
      @Nullable Boolean createMissing, @Nullable Integer bulkThreshold, @Nullable Integer maxBatchSize,
      @Nullable Limits limits, @Nullable Bulk bulk, @Nullable TaskPolicy tasks, @Nullable Outcomes outcomes) {
    this(auth, apiVersion, userObjects, accountField, accountKey, createMissing, bulkThreshold, maxBatchSize, limits,
        bulk, tasks, outcomes, null);
  }

  public SalesforceConfig {
    apiVersion = apiVersion != null ? apiVersion : DEFAULT_API_VERSION;
    userObjects = userObjects != null ? List.copyOf(userObjects) : USER_OBJECTS;
    accountField = accountField != null ? accountField : WEBSITE;
    accountKey = accountKey != null ? accountKey : "domain";
    createMissing = createMissing != null && createMissing;
    bulkThreshold = bulkThreshold != null ? bulkThreshold : 2_000;
    maxBatchSize = maxBatchSize != null ? maxBatchSize : 10_000;
    limits = limits != null ? limits : new Limits(null, null, null);
    bulk = bulk != null ? bulk : new Bulk(null, null);
    tasks = tasks != null ? tasks : TaskPolicy.none();
  }

  /**
   * The daily allocation: the run stops once fewer than {@code reservePercent} % of it remain, so the org's other
   * integrations never starve; {@code requestsPerSecond} paces calls (Salesforce has no per-second limit, but
   * allows only 25 concurrent long-running requests); {@code maxInFlight} batches run at once (at most 10).
   */
  public record Limits(
      @JsonPropertyDescription("The run stops before the org's rolling 24-hour API allocation falls below this"
          + " percentage, 0 to 90, so the org's other integrations never starve.")
      @Nullable Integer reservePercent,
      @JsonPropertyDescription("Calls per second the connector paces itself to, 1 to 1,000 (Salesforce has no"
          + " per-second limit).")
      @Nullable Integer requestsPerSecond,
      @JsonPropertyDescription("Batches in flight at once, 1 to 10, each using one connection.")
      @Nullable Integer maxInFlight) {
    public Limits {
      reservePercent = reservePercent != null ? reservePercent : 10;
      requestsPerSecond = requestsPerSecond != null ? requestsPerSecond : 20;
      maxInFlight = maxInFlight != null ? maxInFlight : 1;
    }
  }

  /** Bulk API 2.0 polling: how often the job's state is read, and how long before the job is given up on. */
  public record Bulk(
      @JsonPropertyDescription("How often a Bulk API 2.0 job's state is read.")
      @Nullable Duration pollInterval,
      @JsonPropertyDescription("How long a Bulk API 2.0 job may take before it is given up on.")
      @Nullable Duration timeout) {
    public Bulk {
      pollInterval = pollInterval != null ? pollInterval : Duration.ofSeconds(2);
      timeout = timeout != null ? timeout : Duration.ofMinutes(30);
    }
  }

  /**
   * What counts as a conversion: a won Opportunity ({@code IsWon = true}, for its Account and its contact roles'
   * Contacts) and a converted Lead (for the Lead, its Contact and its Account). Both are on unless turned off.
   */
  public record Outcomes(
      @JsonPropertyDescription("Won Opportunities (IsWon) count as conversions of their Account and their contact"
          + " roles' Contacts, at their CloseDate, for their Amount.")
      @Nullable Boolean opportunities,
      @JsonPropertyDescription("Converted Leads count as conversions of the Lead, its converted Contact and Account,"
          + " at their ConvertedDate.")
      @Nullable Boolean convertedLeads) {
    public Outcomes {
      opportunities = opportunities == null || opportunities;
      convertedLeads = convertedLeads == null || convertedLeads;
    }
  }

  /** {@code services/data/v67.0}: the prefix of every REST path. */
  String dataPath() {
    return "services/data/v" + apiVersion;
  }

  boolean matchesByWebsite() {
    return WEBSITE.equalsIgnoreCase(accountField);
  }

  @Override
  public void validate(ConfigPath at, Problems problems) {
    if (auth == null) {
      problems.add(at.child("auth"), "is required (flow: clientCredentials, jwt or refreshToken)");
    } else {
      auth.validate(at.child("auth"), problems);
    }
    if (!apiVersion.matches("\\d{2,3}\\.0") || Double.parseDouble(apiVersion) < 59) {
      problems.add(at.child("apiVersion"), "must be a version like 67.0, at least 59.0, was '" + apiVersion + "'");
    }
    if (userObjects.isEmpty() || !USER_OBJECTS.containsAll(userObjects)) {
      problems.add(at.child("userObjects"), "must list Contact and/or Lead, in the order to try, was " + userObjects);
    }
    if (!accountField.matches(API_NAME)) {
      problems.add(at.child("accountField"), "must be Website or a field API name like Domain__c");
    }
    range(at.child("maxBatchSize"), maxBatchSize, 1, 100_000, problems);
    range(at.child("bulkThreshold"), bulkThreshold, 1, 1_000_000, problems);
    if (bulkThreshold > maxBatchSize) {
      problems.add(at.child("bulkThreshold"), "is above maxBatchSize (" + maxBatchSize + "): no batch would ever"
          + " reach it, so Bulk API 2.0 would never be used");
    }
    range(at.child("limits").child("reservePercent"), limits.reservePercent(), 0, 90, problems);
    range(at.child("limits").child("requestsPerSecond"), limits.requestsPerSecond(), 1, 1_000, problems);
    range(at.child("limits").child("maxInFlight"), limits.maxInFlight(), 1, 10, problems);
    tasks.validate(at.child("tasks"), problems);
    if (outcomes != null && !outcomes.opportunities() && !outcomes.convertedLeads()) {
      problems.add(at.child("outcomes"), "reads nothing: set opportunities and/or convertedLeads to true, or remove"
          + " the block");
    }
    if (traits != null) {
      validateTraits(at.child("traits"), problems);
    }
  }

  /** Field API names only: they go into SOQL as they are, and a relationship path would read back as an object. */
  private void validateTraits(ConfigPath at, Problems problems) {
    traits.validate(at, problems);
    for (EntityLevel level : EntityLevel.values()) {
      traits.of(level).forEach((trait, field) -> {
        if (field != null && !field.isBlank() && !field.matches(API_NAME)) {
          problems.add(at.child(level.id()).child(trait), "must be a field API name like NumberOfEmployees or"
              + " Tier__c, was '" + field + "'");
        }
      });
    }
  }

  private static void range(ConfigPath at, int value, int min, int max, Problems problems) {
    if (value < min || value > max) {
      problems.add(at, "must be " + min + ".." + max + ", was " + value);
    }
  }
}

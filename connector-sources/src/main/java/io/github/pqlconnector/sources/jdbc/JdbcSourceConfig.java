package io.github.pqlconnector.sources.jdbc;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.annotation.OneOf;
import io.github.pqlconnector.core.annotation.Required;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.SourceConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code type: jdbc} source block. Either {@code preset} ({@code segment} or {@code rudderstack}) with the
 * warehouse {@code schema} the tool writes to, or {@code queries} with your own SQL (see {@link JdbcQueries}).
 * {@code password} comes from {@code ${ENV}} or {@code ${file:…}}; {@code pushdown: true} lets the warehouse
 * compute the metrics; {@code lateData} is how far back each run re-reads rows that were loaded late.
 */
@JsonClassDescription("Reads events and traits from a SQL warehouse over JDBC, either the tables Segment or"
    + " RudderStack write (preset) or your own SQL (queries).")
public record JdbcSourceConfig(
    @JsonPropertyDescription("The JDBC URL of the warehouse, e.g. jdbc:postgresql://host:5432/analytics. It must"
        + " not carry the password; the PostgreSQL driver is bundled, another warehouse needs its driver jar.")
    @Required @Nullable String url,
    @JsonPropertyDescription("The database user the connector signs in as; a read-only user is enough.")
    @Nullable String username,
    @JsonPropertyDescription("The database user's password, a secret: write ${ENV_VAR} or ${file:/path}.")
    @Nullable Secret password,
    @JsonPropertyDescription("Read the tables this tool's warehouse destination writes (tracks, identifies,"
        + " groups and the per-event tables). Give either preset (with schema) or queries.")
    @OneOf({"segment", "rudderstack"}) @Nullable String preset,
    @JsonPropertyDescription("With a preset: the warehouse schema the tool writes to, e.g. segment_prod (letters,"
        + " digits and _; database.schema allowed).")
    @Nullable String schema,
    @JsonPropertyDescription("Your own SQL instead of a preset: an events query (required) and optional users and"
        + " accounts queries, returning the documented column names.")
    @Nullable Queries queries,
    @JsonPropertyDescription("Rows fetched per round trip while streaming events, 1 to 1,000,000.")
    @Nullable Integer fetchSize,
    @JsonPropertyDescription("true: the warehouse computes the metrics and sends one row per user and account"
        + " instead of every event. The SQL is written for PostgreSQL and Redshift.")
    @Nullable Boolean pushdown,
    @JsonPropertyDescription("How far back each run re-reads rows that were loaded late, a duration such as 1d.")
    @Nullable Duration lateData) implements SourceConfig {

  static final int DEFAULT_FETCH_SIZE = 10_000;
  static final Duration DEFAULT_LATE_DATA = Duration.ofDays(1);
  private static final int MAX_FETCH_SIZE = 1_000_000;
  private static final Pattern SCHEMA = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

  /** Custom-SQL mode: {@code events} is required, the traits queries are optional. */
  public record Queries(
      @JsonPropertyDescription("SQL returning event, timestamp (read as UTC when it has no time zone) and user_id"
          + " and/or account_id; optionally email and event_id. Every other column is an event property.")
      @Required @Nullable String events,
      @JsonPropertyDescription("SQL returning user_id and optionally account_id (the user's account); every other"
          + " non-null column is a user trait.")
      @Nullable String users,
      @JsonPropertyDescription("SQL returning account_id; every other non-null column is an account trait.")
      @Nullable String accounts) {}

  public JdbcSourceConfig {
    fetchSize = fetchSize != null ? fetchSize : DEFAULT_FETCH_SIZE;
    pushdown = pushdown != null && pushdown;
    lateData = lateData != null ? lateData : DEFAULT_LATE_DATA;
  }

  @Override
  public void validate(ConfigPath at, Problems problems) {
    if (url == null || !url.startsWith("jdbc:")) {
      problems.add(at.child("url"), "is required: a JDBC URL such as jdbc:postgresql://host:5432/analytics");
    } else if (url.toLowerCase(Locale.ROOT).contains("password=")) {
      problems.add(at.child("url"), "must not carry the password; use password: ${WAREHOUSE_PASSWORD}");
    }
    if (preset != null && queries != null) {
      problems.add(at.child("queries"), "give either preset or queries, not both");
    } else if (preset != null) {
      validatePreset(at, problems);
    } else if (queries == null) {
      problems.add(at.child("preset"), "is required (segment or rudderstack), or give queries.events with your own SQL");
    } else if (blank(queries.events())) {
      problems.add(at.child("queries").child("events"),
          "is required: the SQL that returns event, timestamp and user_id/account_id columns");
    }
    if (fetchSize < 1 || fetchSize > MAX_FETCH_SIZE) {
      problems.add(at.child("fetchSize"), "must be 1.." + MAX_FETCH_SIZE + ", was " + fetchSize);
    }
  }

  private void validatePreset(ConfigPath at, Problems problems) {
    if (Preset.find(preset).isEmpty()) {
      problems.add(at.child("preset"), "must be one of " + Preset.ids() + ", was '" + preset + "'");
    }
    if (schema == null || !SCHEMA.matcher(schema).matches()) {
      problems.add(at.child("schema"), "is required with a preset: the warehouse schema the tool writes to, "
          + "like segment_prod (letters, digits, _; optionally database.schema)");
    }
  }

  /** The queries this config reads with: the preset's, or the user's own. */
  JdbcQueries resolved() {
    return preset != null ? Preset.find(preset).orElseThrow().queries(schema) : JdbcQueries.custom(queries);
  }

  /** The URL without parameters or user info, safe for messages. */
  String safeUrl() {
    return url == null ? "" : url.replaceAll("\\?.*", "").replaceAll("//[^/@]*@", "//");
  }

  private static boolean blank(@Nullable String text) {
    return text == null || text.isBlank();
  }
}

package io.github.pqlconnector.sources.jdbc;

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
public record JdbcSourceConfig(@Nullable String url, @Nullable String username, @Nullable Secret password,
    @Nullable String preset, @Nullable String schema, @Nullable Queries queries, @Nullable Integer fetchSize,
    @Nullable Boolean pushdown, @Nullable Duration lateData) implements SourceConfig {

  static final int DEFAULT_FETCH_SIZE = 10_000;
  static final Duration DEFAULT_LATE_DATA = Duration.ofDays(1);
  private static final int MAX_FETCH_SIZE = 1_000_000;
  private static final Pattern SCHEMA = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

  /** Custom-SQL mode: {@code events} is required, the traits queries are optional. */
  public record Queries(@Nullable String events, @Nullable String users, @Nullable String accounts) {}

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

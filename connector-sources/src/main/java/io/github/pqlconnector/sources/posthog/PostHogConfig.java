package io.github.pqlconnector.sources.posthog;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.annotation.OneOf;
import io.github.pqlconnector.core.annotation.Required;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.SourceConfig;
import io.github.pqlconnector.sources.http.ConfigChecks;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code type: posthog} source block. {@code apiKey} is a personal API key with the {@code query:read} scope;
 * {@code host} is {@code us} or {@code eu} (PostHog Cloud), or {@code baseUrl} points at a self-hosted instance.
 * {@code accountGroupIndex} (0–4) is the group type whose key is the account ({@code $group_N} on events, {@code
 * groups.index} for traits). {@code pageSize} rows per query (PostHog returns at most 50,000), {@code
 * queriesPerHour} PostHog's sustained query limit (2400; 120 for teams still on the legacy HogQL limit), {@code
 * lateData} how far back every run re-reads (default 1 day). {@code pushdown: true} has PostHog compute the metrics
 * in HogQL and send one row per user and account instead of every event.
 */
@JsonClassDescription("Reads events, persons and groups from PostHog with HogQL queries, or has PostHog compute"
    + " the metrics (pushdown).")
public record PostHogConfig(
    @JsonPropertyDescription("A personal API key with the query:read scope, a secret: write ${ENV_VAR} or"
        + " ${file:/path}.")
    @Required @Nullable Secret apiKey,
    @JsonPropertyDescription("The project id from the project settings, e.g. \"12345\".")
    @Required @Nullable String projectId,
    @JsonPropertyDescription("The PostHog Cloud region; it picks the host unless baseUrl is given.")
    @OneOf({"us", "eu"}) @Nullable String host,
    @JsonPropertyDescription("Base URL of a self-hosted PostHog instance (default: https://<host>.posthog.com/).")
    @Nullable String baseUrl,
    @JsonPropertyDescription("The group type index, 0 to 4, whose key is the account ($group_N on events).")
    @Nullable Integer accountGroupIndex,
    @JsonPropertyDescription("Rows per query, 1 to 50,000 (PostHog's limit); with pushdown keep it large, as each"
        + " page re-runs the aggregation.")
    @Nullable Integer pageSize,
    @JsonPropertyDescription("Queries per hour, 1 to 2400: PostHog's sustained limit; 120 for teams still on the"
        + " legacy HogQL limit.")
    @Nullable Integer queriesPerHour,
    @JsonPropertyDescription("How far back every run re-reads, a duration of at most 30d.")
    @Nullable Duration lateData,
    @JsonPropertyDescription("true: PostHog computes the metrics in HogQL and sends one row per person and group"
        + " instead of every event.")
    @Nullable Boolean pushdown) implements SourceConfig {

  static final int MAX_ROWS = 50_000;

  public PostHogConfig {
    host = host != null ? host : "us";
    baseUrl = baseUrl != null ? baseUrl : "https://" + host + ".posthog.com/";
    pageSize = pageSize != null ? pageSize : 10_000;
    queriesPerHour = queriesPerHour != null ? queriesPerHour : 2400;
    lateData = lateData != null ? lateData : Duration.ofDays(1);
    pushdown = pushdown != null && pushdown;
  }

  @Override
  public void validate(ConfigPath at, Problems problems) {
    ConfigChecks.required(at.child("apiKey"), apiKey, "a personal API key with query:read; use ${POSTHOG_API_KEY}",
        problems);
    ConfigChecks.required(at.child("projectId"), projectId, "the project id from the project settings", problems);
    if (projectId != null && !projectId.matches("[0-9A-Za-z_-]+")) {
      problems.add(at.child("projectId"), "must be a project id like 12345, was '" + projectId + "'");
    }
    ConfigChecks.oneOf(at.child("host"), host, List.of("us", "eu"), problems);
    ConfigChecks.httpUrl(at.child("baseUrl"), baseUrl, problems);
    if (accountGroupIndex != null && (accountGroupIndex < 0 || accountGroupIndex > 4)) {
      problems.add(at.child("accountGroupIndex"), "must be 0..4 (PostHog's group type index), was " + accountGroupIndex);
    }
    if (pageSize < 1 || pageSize > MAX_ROWS) {
      problems.add(at.child("pageSize"), "must be 1.." + MAX_ROWS + " (PostHog's row limit), was " + pageSize);
    }
    if (queriesPerHour < 1 || queriesPerHour > 2400) {
      problems.add(at.child("queriesPerHour"), "must be 1..2400 (PostHog's documented limit), was " + queriesPerHour);
    }
    ConfigChecks.notLongerThan(at.child("lateData"), lateData, Duration.ofDays(30), problems);
  }
}

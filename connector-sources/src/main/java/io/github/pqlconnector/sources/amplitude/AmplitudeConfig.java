package io.github.pqlconnector.sources.amplitude;

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
 * The {@code type: amplitude} source block. {@code apiKey} and {@code secretKey} are the project's (Basic auth);
 * {@code region} {@code us} or {@code eu} picks the host, {@code baseUrl} overrides it. {@code accountGroupType}
 * names the group type in {@code groups} whose value is the account. {@code lateData} (default 2h, Amplitude's
 * export delay) is how long after an event's time its upload is still waited for, and how far back every run
 * re-reads. {@code traitsLookback} (default 2d) is how many upload days are scanned for user and group properties.
 */
@JsonClassDescription("Reads events from Amplitude's Export API by upload time, and user and group properties"
    + " from the latest exported events.")
public record AmplitudeConfig(
    @JsonPropertyDescription("The Amplitude project's API key, a secret: write ${ENV_VAR} or ${file:/path}.")
    @Required @Nullable Secret apiKey,
    @JsonPropertyDescription("The Amplitude project's secret key, a secret: write ${ENV_VAR} or ${file:/path}.")
    @Required @Nullable Secret secretKey,
    @JsonPropertyDescription("The project's data region; it picks the host.")
    @OneOf({"us", "eu"}) @Nullable String region,
    @JsonPropertyDescription("Base URL of the Export API, overriding the region's (default: https://amplitude.com/"
        + " for us, https://analytics.eu.amplitude.com/ for eu).")
    @Nullable String baseUrl,
    @JsonPropertyDescription("The group type in an event's groups whose first value is the account, e.g."
        + " company_id.")
    @Nullable String accountGroupType,
    @JsonPropertyDescription("How long after an event's time its upload is still waited for, and how far back every"
        + " run re-reads, at most 30d; Amplitude's export delay is about 2 hours.")
    @Nullable Duration lateData,
    @JsonPropertyDescription("How many days of uploads are scanned for user and group properties, at most 365d;"
        + " a user not seen in that time has no traits.")
    @Nullable Duration traitsLookback) implements SourceConfig {

  public AmplitudeConfig {
    region = region != null ? region : "us";
    baseUrl = baseUrl != null ? baseUrl
        : "eu".equals(region) ? "https://analytics.eu.amplitude.com/" : "https://amplitude.com/";
    lateData = lateData != null ? lateData : Duration.ofHours(2);
    traitsLookback = traitsLookback != null ? traitsLookback : Duration.ofDays(2);
  }

  @Override
  public void validate(ConfigPath at, Problems problems) {
    ConfigChecks.required(at.child("apiKey"), apiKey, "use ${AMPLITUDE_API_KEY}", problems);
    ConfigChecks.required(at.child("secretKey"), secretKey, "use ${AMPLITUDE_SECRET_KEY}", problems);
    ConfigChecks.oneOf(at.child("region"), region, List.of("us", "eu"), problems);
    ConfigChecks.httpUrl(at.child("baseUrl"), baseUrl, problems);
    ConfigChecks.notLongerThan(at.child("lateData"), lateData, Duration.ofDays(30), problems);
    ConfigChecks.notLongerThan(at.child("traitsLookback"), traitsLookback, Duration.ofDays(365), problems);
    if (accountGroupType != null && accountGroupType.isBlank()) {
      problems.add(at.child("accountGroupType"), "must not be blank");
    }
  }
}

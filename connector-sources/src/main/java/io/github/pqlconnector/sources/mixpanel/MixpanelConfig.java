package io.github.pqlconnector.sources.mixpanel;

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
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code type: mixpanel} source block. {@code username}/{@code secret} are a service account's (Organization
 * Settings → Service Accounts, with a role in the project); {@code region} is the project's data residency ({@code
 * us}, {@code eu}, {@code in}) and picks the hosts, which {@code exportUrl}/{@code queryUrl} override. {@code
 * accountProperty} names the group key event property that holds the account id (e.g. {@code company_id}) and
 * {@code accountGroupId} the group's {@code data_group_id} for account profiles. {@code lateData} (default 5 days:
 * Mixpanel's documented delay for mobile data) is how far back every run re-reads.
 */
@JsonClassDescription("Reads events from Mixpanel's Raw Event Export, one UTC day per request, and traits from"
    + " its user and group profiles.")
public record MixpanelConfig(
    @JsonPropertyDescription("The numeric Mixpanel project id, shown in the project settings.")
    @Required @Nullable Long projectId,
    @JsonPropertyDescription("The service account's username (Organization Settings, Service Accounts); the"
        + " service account needs a role in the project.")
    @Required @Nullable String username,
    @JsonPropertyDescription("The service account's secret, a secret: write ${ENV_VAR} or ${file:/path}.")
    @Required @Nullable Secret secret,
    @JsonPropertyDescription("The project's data residency; it picks the export and query hosts.")
    @OneOf({"us", "eu", "in"}) @Nullable String region,
    @JsonPropertyDescription("Base URL of the Raw Event Export API, e.g. for a proxy (default: the region's"
        + " data host, https://data.mixpanel.com/ for us).")
    @Nullable String exportUrl,
    @JsonPropertyDescription("Base URL of the query API used for profiles, e.g. for a proxy (default: the region's"
        + " host, https://mixpanel.com/ for us).")
    @Nullable String queryUrl,
    @JsonPropertyDescription("The group key event property that holds the account id, e.g. company_id; its first"
        + " value is the event's account.")
    @Nullable String accountProperty,
    @JsonPropertyDescription("That group key's data_group_id, to read its group profiles as account traits.")
    @Nullable String accountGroupId,
    @JsonPropertyDescription("How far back every run re-reads, at most 30d; Mixpanel says mobile data can take up"
        + " to 5 days to arrive.")
    @Nullable Duration lateData) implements SourceConfig {

  static final Duration DEFAULT_LATE_DATA = Duration.ofDays(5);
  static final Duration MAX_LATE_DATA = Duration.ofDays(30);
  private static final Map<String, String[]> HOSTS = Map.of(
      "us", new String[] {"https://data.mixpanel.com/", "https://mixpanel.com/"},
      "eu", new String[] {"https://data-eu.mixpanel.com/", "https://eu.mixpanel.com/"},
      "in", new String[] {"https://data-in.mixpanel.com/", "https://in.mixpanel.com/"});

  public MixpanelConfig {
    region = region != null ? region : "us";
    String[] hosts = HOSTS.getOrDefault(region, HOSTS.get("us"));
    exportUrl = exportUrl != null ? exportUrl : hosts[0];
    queryUrl = queryUrl != null ? queryUrl : hosts[1];
    lateData = lateData != null ? lateData : DEFAULT_LATE_DATA;
  }

  @Override
  public void validate(ConfigPath at, Problems problems) {
    ConfigChecks.required(at.child("projectId"), projectId, "the numeric project id", problems);
    if (projectId != null && projectId <= 0) {
      problems.add(at.child("projectId"), "must be a positive project id, was " + projectId);
    }
    ConfigChecks.required(at.child("username"), username, "the service account's username", problems);
    ConfigChecks.required(at.child("secret"), secret, "use ${MIXPANEL_SA_SECRET}", problems);
    ConfigChecks.oneOf(at.child("region"), region, List.of("us", "eu", "in"), problems);
    ConfigChecks.httpUrl(at.child("exportUrl"), exportUrl, problems);
    ConfigChecks.httpUrl(at.child("queryUrl"), queryUrl, problems);
    ConfigChecks.notLongerThan(at.child("lateData"), lateData, MAX_LATE_DATA, problems);
    if (accountProperty != null && accountProperty.isBlank()) {
      problems.add(at.child("accountProperty"), "must not be blank");
    }
  }
}

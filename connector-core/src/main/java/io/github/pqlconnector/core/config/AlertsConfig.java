package io.github.pqlconnector.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.annotation.OneOf;
import io.github.pqlconnector.core.annotation.Required;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.secret.Secret;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code alerts:} block: where alerts go (a Slack incoming webhook, a signed HTTPS webhook, or both), which
 * kinds are sent ({@code on}, default all) and how often one sync may raise the same kind ({@code throttle}, default
 * one hour; a new-PQL digest is never throttled). Without a receiver nothing is queued or sent.
 */
public record AlertsConfig(
    @JsonPropertyDescription("Slack incoming webhook to post alerts to; none by default.") @Nullable Slack slack,
    @JsonPropertyDescription("Any HTTPS endpoint that receives each alert as signed JSON; none by default.")
    @Nullable Webhook webhook,
    @OneOf({"new_pqls", "run_failed", "partial_failure", "stalled", "quota"})
    @JsonPropertyDescription("Which alerts to send: new_pqls, run_failed, partial_failure, stalled, quota;"
        + " default all.") @Nullable List<String> on,
    @JsonPropertyDescription("At most one alert per sync and kind in this time (new_pqls excepted); default 1h.")
    @Nullable Duration throttle) {

  public static final Duration DEFAULT_THROTTLE = Duration.ofHours(1);
  static final String SLACK_HOST = "https://hooks.slack.com/";

  /** What an alert is about; {@link #id()} is how the config and the JSON body spell it. */
  public enum Kind {
    NEW_PQLS, RUN_FAILED, PARTIAL_FAILURE, STALLED, QUOTA;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Kind> fromId(String id) {
      return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
    }

    static List<String> ids() {
      return Arrays.stream(values()).map(Kind::id).toList();
    }
  }

  /** A Slack incoming webhook; {@code baseUrl} replaces its scheme and host (a test server, a proxy). */
  public record Slack(
      @Required
      @JsonPropertyDescription("The incoming-webhook URL, https://hooks.slack.com/...; a secret, required.")
      @Nullable Secret webhookUrl,
      @JsonPropertyDescription("Replaces scheme and host of webhookUrl, for tests or a proxy; default none.")
      @Nullable String baseUrl) {}

  /** An HTTPS endpoint; each body is signed with {@code secret} (HMAC-SHA256 over "timestamp.body"). */
  public record Webhook(
      @Required @JsonPropertyDescription("The HTTPS URL alerts are posted to; required.") @Nullable String url,
      @Required
      @JsonPropertyDescription("Signs each body (HMAC-SHA256 header with a timestamp); a secret, required.")
      @Nullable Secret secret) {}

  public AlertsConfig {
    on = on == null ? Kind.ids() : List.copyOf(on);
    throttle = throttle == null ? DEFAULT_THROTTLE : throttle;
  }

  public static AlertsConfig defaults() {
    return new AlertsConfig(null, null, null, null);
  }

  /** True when some receiver is configured: only then are alerts queued. */
  public boolean enabled() {
    return slack != null || webhook != null;
  }

  /** The kinds {@code on} names (unknown names are left out; {@link #validate} reports them). */
  public Set<Kind> kinds() {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    on.forEach(id -> Kind.fromId(id).ifPresent(kinds::add));
    return kinds;
  }

  /** Checks the shape of every receiver without contacting it. Messages never quote a secret. */
  public void validate(ConfigPath at, Problems problems) {
    for (int i = 0; i < on.size(); i++) {
      String id = on.get(i);
      if (Kind.fromId(id).isEmpty()) {
        problems.add(at.child("on").index(i), "unknown alert '" + id + "'; known: " + String.join(", ", Kind.ids())
            + Suggestions.didYouMean(id, Kind.ids()));
      }
    }
    if (throttle.isNegative()) {
      problems.add(at.child("throttle"), "must not be negative, like 1h");
    }
    if (slack != null) {
      validateSlack(at.child("slack"), problems);
    }
    if (webhook != null) {
      validateWebhook(at.child("webhook"), problems);
    }
  }

  private void validateSlack(ConfigPath at, Problems problems) {
    if (slack.webhookUrl() == null) {
      problems.add(at.child("webhookUrl"), "is required: the incoming-webhook URL, as ${SLACK_WEBHOOK_URL}");
    } else if (!slack.webhookUrl().reveal().startsWith(SLACK_HOST + "services/")
        && !slack.webhookUrl().reveal().startsWith(SLACK_HOST + "triggers/")) {
      problems.add(at.child("webhookUrl"), "must be a Slack incoming-webhook URL starting with " + SLACK_HOST
          + "services/ (the value is not shown: it is a secret)");
    }
    if (slack.baseUrl() != null && !AlertUrls.secureOrLoopback(slack.baseUrl())) {
      problems.add(at.child("baseUrl"), "must be an https:// URL (http:// only for localhost)");
    }
  }

  private void validateWebhook(ConfigPath at, Problems problems) {
    if (webhook.url() == null) {
      problems.add(at.child("url"), "is required: the HTTPS URL alerts are posted to");
    } else if (!AlertUrls.secureOrLoopback(webhook.url())) {
      problems.add(at.child("url"), "must be an https:// URL (http:// only for localhost), was \""
          + AlertUrls.withoutQuery(webhook.url()) + "\"");
    }
    if (webhook.secret() == null) {
      problems.add(at.child("secret"), "is required: it signs every body; give it as ${PQL_WEBHOOK_SECRET}");
    }
  }
}

package io.github.pqlconnector.salesforce.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The org's rolling 24-hour API allocation from the {@code Sforce-Limit-Info} response header, e.g.
 * {@code api-usage=10018/100000; per-app-api-usage=17/250(appName=…)}: requests used and the allocation. Salesforce
 * sends it on every REST call; it is the only signal (no {@code Retry-After}, no {@code X-RateLimit-*}).
 */
public record LimitInfo(long used, long max) {
  public static final String HEADER = "Sforce-Limit-Info";
  private static final Pattern API_USAGE = Pattern.compile("(?:^|[;\\s])api-usage=(\\d+)/(\\d+)");

  /** Parses the header value; empty when it is absent or carries no {@code api-usage}. */
  public static Optional<LimitInfo> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher m = API_USAGE.matcher(header);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new LimitInfo(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public long remaining() {
    return Math.max(0, max - used);
  }
}

package io.github.pqlconnector.sources.http;

import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.secret.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Config checks the HTTP sources share; each adds a problem at its path and never throws. */
public final class ConfigChecks {
  private ConfigChecks() {}

  public static void required(ConfigPath at, @Nullable Object value, String hint, Problems problems) {
    boolean blank = value == null || value instanceof String s && s.isBlank()
        || value instanceof Secret secret && secret.reveal().isBlank();
    if (blank) {
      problems.add(at, "is required (" + hint + ")");
    }
  }

  public static void oneOf(ConfigPath at, String value, List<String> allowed, Problems problems) {
    if (!allowed.contains(value)) {
      problems.add(at, "must be one of " + String.join(", ", allowed) + ", was '" + value + "'");
    }
  }

  public static void httpUrl(ConfigPath at, String value, Problems problems) {
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
        problems.add(at, "must be an http(s) URL, was '" + value + "'");
      }
    } catch (URISyntaxException e) {
      problems.add(at, "is not a valid URL: " + e.getReason());
    }
  }

  public static void notLongerThan(ConfigPath at, Duration value, Duration max, Problems problems) {
    if (value.isNegative() || value.compareTo(max) > 0) {
      problems.add(at, "must be between 0 and " + io.github.pqlconnector.core.config.Durations.format(max));
    }
  }
}

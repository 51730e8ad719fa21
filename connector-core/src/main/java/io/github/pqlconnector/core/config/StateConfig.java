package io.github.pqlconnector.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.secret.Secret;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Where the connector keeps its state: an embedded H2 file by default, or PostgreSQL by URL. {@code cluster}
 * lets several {@code pql serve} nodes share one PostgreSQL state database. {@code historyRetention}: how long
 * the verdict history keeps a change (default 400 days, so a year can be compared with the one before).
 */
public record StateConfig(
    @JsonPropertyDescription("JDBC URL of the state database: jdbc:h2:file:… (embedded, the default) or "
        + "jdbc:postgresql://host:5432/db.")
    @Nullable String url,
    @JsonPropertyDescription("Database user, for PostgreSQL.")
    @Nullable String user,
    @JsonPropertyDescription("Database password: a secret, given as ${ENV} or ${file:…}.")
    @Nullable Secret password,
    @JsonPropertyDescription("true lets several pql serve nodes share this database (PostgreSQL only); each run "
        + "happens once.")
    @Nullable Boolean cluster,
    @JsonPropertyDescription("How long the verdict history keeps a change, so a year can be compared with the one "
        + "before.")
    @Nullable Duration historyRetention) {

  public static final String DEFAULT_URL = "jdbc:h2:file:./data/pql";
  public static final Duration DEFAULT_HISTORY_RETENTION = Duration.ofDays(400);

  public StateConfig {
    url = url == null ? DEFAULT_URL : url;
    cluster = cluster != null && cluster;
    historyRetention = historyRetention == null ? DEFAULT_HISTORY_RETENTION : historyRetention;
  }

  public StateConfig(@Nullable String url, @Nullable String user, @Nullable Secret password,
      @Nullable Boolean cluster) {
    this(url, user, password, cluster, null);
  }

  public static StateConfig defaults() {
    return new StateConfig(null, null, null, null);
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  public void validate(ConfigPath at, Problems problems) {
    if (!url.startsWith("jdbc:h2:") && !isPostgres()) {
      problems.add(at.child("url"), "must be a jdbc:h2: or jdbc:postgresql: URL");
    }
    if (historyRetention.isNegative() || historyRetention.isZero()) {
      problems.add(at.child("historyRetention"), "must be a positive duration such as 400d");
    }
    if (cluster && !isPostgres()) {
      problems.add(at.child("cluster"), "needs a jdbc:postgresql: state url; H2 cannot be shared by nodes");
    }
  }
}

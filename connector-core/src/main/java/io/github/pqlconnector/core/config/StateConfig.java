package io.github.pqlconnector.core.config;

import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.secret.Secret;
import org.jspecify.annotations.Nullable;

/**
 * Where the connector keeps its state: an embedded H2 file by default, or PostgreSQL by URL. {@code cluster}
 * lets several {@code pql serve} nodes share one PostgreSQL state database.
 */
public record StateConfig(@Nullable String url, @Nullable String user, @Nullable Secret password,
    @Nullable Boolean cluster) {

  public static final String DEFAULT_URL = "jdbc:h2:file:./data/pql";

  public StateConfig {
    url = url == null ? DEFAULT_URL : url;
    cluster = cluster != null && cluster;
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
    if (cluster && !isPostgres()) {
      problems.add(at.child("cluster"), "needs a jdbc:postgresql: state url; H2 cannot be shared by nodes");
    }
  }
}

package io.github.pqlconnector.core.destination.csv;

import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.spi.TaskPolicy;
import org.jspecify.annotations.Nullable;

/**
 * The {@code csv} destination: {@code accounts.csv}, {@code users.csv} and {@code tasks.csv} in
 * {@code directory}. Users are keyed by email, accounts by {@code accountKey} (a trait, default domain).
 */
public record CsvConfig(@Nullable String directory, @Nullable String accountKey, @Nullable TaskPolicy tasks)
    implements DestinationConfig {

  public CsvConfig {
    accountKey = accountKey == null ? "domain" : accountKey;
    tasks = tasks == null ? TaskPolicy.none() : tasks;
  }

  @Override
  public void validate(ConfigPath at, Problems problems) {
    if (directory == null || directory.isBlank()) {
      problems.add(at.child("directory"), "is required (where the CSV files are written)");
    }
  }
}

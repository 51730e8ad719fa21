package io.github.pqlconnector.core.destination.csv;

import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.spi.TaskPolicy;
import org.jspecify.annotations.Nullable;

/**
 * The {@code csv} destination: {@code accounts.csv}, {@code users.csv} and {@code tasks.csv} in
 * {@code directory}. Users are keyed by email, accounts by {@code accountKey} (a trait, default domain). {@code
 * outcomes.file}: who converted, a CSV of {@code level,id,converted_at[,amount]} (see {@link CsvOutcomesFile}).
 */
public record CsvConfig(@Nullable String directory, @Nullable String accountKey, @Nullable TaskPolicy tasks,
    @Nullable Outcomes outcomes) implements DestinationConfig {

  /** Where conversions are read from. */
  public record Outcomes(@Nullable String file) {}

  public CsvConfig(@Nullable String directory, @Nullable String accountKey, @Nullable TaskPolicy tasks) {
    this(directory, accountKey, tasks, null);
  }

  public CsvConfig {
    accountKey = accountKey == null ? "domain" : accountKey;
    tasks = tasks == null ? TaskPolicy.none() : tasks;
  }

  @Override
  public void validate(ConfigPath at, Problems problems) {
    if (directory == null || directory.isBlank()) {
      problems.add(at.child("directory"), "is required (where the CSV files are written)");
    }
    if (outcomes != null && (outcomes.file() == null || outcomes.file().isBlank())) {
      problems.add(at.child("outcomes").child("file"), "is required (a CSV of level,id,converted_at[,amount])");
    }
  }
}

package io.github.pqlconnector.core.destination.csv;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.annotation.Required;
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
@JsonClassDescription("Writes the verdicts to accounts.csv and users.csv, and follow-up tasks to tasks.csv, in a"
    + " directory, instead of a CRM.")
public record CsvConfig(
    @JsonPropertyDescription("The directory the CSV files are written to, relative to the working directory.")
    @Required @Nullable String directory,
    @JsonPropertyDescription("The account trait that identifies an account's row; users are keyed by email.")
    @Nullable String accountKey,
    @JsonPropertyDescription("When to write a follow-up task to tasks.csv; no tasks without this block.")
    @Nullable TaskPolicy tasks,
    @JsonPropertyDescription("Where conversions are read back from (who converted); not read without this block.")
    @Nullable Outcomes outcomes) implements DestinationConfig {

  /** Where conversions are read from. */
  public record Outcomes(
      @JsonPropertyDescription("Path of a CSV of conversions with the columns level,id,converted_at and"
          + " optionally amount.")
      @Required @Nullable String file) {}

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

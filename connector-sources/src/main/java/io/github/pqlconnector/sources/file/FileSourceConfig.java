package io.github.pqlconnector.sources.file;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.spi.SourceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The {@code file} source: {@code events} is a JSON Lines file (gzip allowed); {@code users} and
 * {@code accounts} are optional trait files, CSV with a header or JSON Lines, each row with an {@code id}. Without
 * {@code events} but with a trait file it is a source of traits only, for a sync's {@code traits:}.
 */
@JsonClassDescription("Reads events from a JSON Lines file and user and account traits from CSV or JSON Lines"
    + " files, all read whole on every run.")
public record FileSourceConfig(
    @JsonPropertyDescription("Path of the events file: JSON Lines, one event per line, gzip recognised by content;"
        + " relative to the working directory. Required unless users or accounts is given (a source of traits only).")
    @Nullable String events,
    @JsonPropertyDescription("Path of the user traits file: CSV with a header or JSON Lines, each row with an id"
        + " (optionally email and accountId); every other column is a trait.")
    @Nullable String users,
    @JsonPropertyDescription("Path of the account traits file: CSV with a header or JSON Lines, each row with an id"
        + " (optionally domain and name); every other column is a trait.")
    @Nullable String accounts)
    implements SourceConfig {

  @Override
  public void validate(ConfigPath at, Problems problems) {
    if (events == null && users == null && accounts == null) {
      problems.add(at.child("events"), "is required (a JSON Lines file of events, .gz allowed), or users/accounts"
          + " for a source of traits only");
    } else if (events != null && events.isBlank()) {
      problems.add(at.child("events"), "is empty: give a JSON Lines file of events, or leave it out");
    } else if (events != null) {
      checkReadable(at.child("events"), events, problems);
    }
    if (users != null) {
      checkReadable(at.child("users"), users, problems);
    }
    if (accounts != null) {
      checkReadable(at.child("accounts"), accounts, problems);
    }
  }

  @Override
  public boolean hasEvents() {
    return events != null;
  }

  private static void checkReadable(ConfigPath at, String file, Problems problems) {
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      problems.add(at, "file " + file + " does not exist");
    } else if (!Files.isReadable(path)) {
      problems.add(at, "file " + file + " is not readable");
    }
  }
}

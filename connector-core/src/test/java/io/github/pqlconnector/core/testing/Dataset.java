package io.github.pqlconnector.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** Writes test events and traits as JSON Lines into a directory, for {@link JsonLinesSource}. */
public final class Dataset {
  private final Path dir;

  public Dataset(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** {@code count} events of {@code name} by a user (and account, may be null), one second apart before {@code at}. */
  public Dataset events(String name, int count, String user, String account, Instant at) {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < count; i++) {
      lines.append("{\"event\":\"").append(name).append("\",\"timestamp\":\"").append(at.minusSeconds(i)).append('"');
      if (user != null) {
        lines.append(",\"userId\":\"").append(user).append('"');
      }
      if (account != null) {
        lines.append(",\"accountId\":\"").append(account).append('"');
      }
      lines.append("}\n");
    }
    return append("events.jsonl", lines.toString());
  }

  public Dataset user(String id, String email, String account) {
    return append("users.jsonl", "{\"id\":\"%s\",\"email\":\"%s\",\"accountId\":\"%s\"}\n".formatted(id, email, account));
  }

  public Dataset account(String id, String domain) {
    return append("accounts.jsonl", "{\"id\":\"%s\",\"domain\":\"%s\",\"employees\":\"50\"}\n".formatted(id, domain));
  }

  public Dataset clearEvents() {
    try {
      Files.deleteIfExists(dir.resolve("events.jsonl"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return append("events.jsonl", "");
  }

  private Dataset append(String file, String text) {
    try {
      Files.writeString(dir.resolve(file), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}

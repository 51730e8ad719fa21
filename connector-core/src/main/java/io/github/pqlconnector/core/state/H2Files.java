package io.github.pqlconnector.core.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an embedded H2 state database lives on disk ({@code jdbc:h2:file:./data/pql} or {@code jdbc:h2:./data/pql}
 * is {@code ./data/pql.mv.db}), and why it could not be created or written there, asked before H2 is: H2 answers
 * a path under a file with a long stack trace on stderr, and opens a read-only file without a word.
 */
final class H2Files {
  private H2Files() {}

  /** The database file of an embedded H2 URL; empty for PostgreSQL, in-memory and server URLs. */
  static Optional<Path> databaseFile(String url) {
    if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:h2:tcp:")
        || url.startsWith("jdbc:h2:ssl:")) {
      return Optional.empty();
    }
    String path = url.substring("jdbc:h2:".length());
    path = path.startsWith("file:") ? path.substring("file:".length()) : path;
    int options = path.indexOf(';');
    path = options < 0 ? path : path.substring(0, options);
    if (path.startsWith("~")) {
      path = System.getProperty("user.home") + path.substring(1);
    }
    return path.isEmpty() ? Optional.empty() : Optional.of(Path.of(path + ".mv.db").toAbsolutePath().normalize());
  }

  /** Why the database cannot be opened for writing at {@code file}, or empty when it can (or may be created). */
  static Optional<String> problem(Path file) {
    if (Files.exists(file)) {
      return Files.isWritable(file) ? Optional.empty() : Optional.of(file + " is read-only");
    }
    Path dir = file.getParent();
    while (dir != null && !Files.exists(dir)) {
      dir = dir.getParent();
    }
    if (dir == null) {
      return Optional.empty();
    }
    if (!Files.isDirectory(dir)) {
      return Optional.of(dir + " is a file, not a directory");
    }
    return Files.isWritable(dir) ? Optional.empty()
        : Optional.of("cannot create " + file + ": " + dir + " is not writable");
  }
}

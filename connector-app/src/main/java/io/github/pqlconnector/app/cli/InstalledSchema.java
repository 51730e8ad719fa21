package io.github.pqlconnector.app.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code pql.schema.json} that came with the running jar: {@code schema/} beside {@code lib/} in the release,
 * or in the build's {@code target/}.
 */
final class InstalledSchema {
  static final String FILE = "pql.schema.json";

  private InstalledSchema() {}

  static Optional<Path> find() {
    try {
      Path jar = Path.of(InstalledSchema.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = jar.getParent();
      if (dir == null) {
        return Optional.empty();
      }
      return List.of(dir.resolve("../schema/" + FILE), dir.resolve("schema/" + FILE)).stream()
          .filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize()).findFirst();
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The schema as the config at {@code output} should name it: a relative path with slashes when it is near (at
   * most two levels up, as from examples/ or a config beside the install), else its file URI.
   */
  static String relativeTo(Path output, Path schema) {
    Path from = output.toAbsolutePath().normalize().getParent();
    Path absolute = schema.toAbsolutePath().normalize();
    if (from == null || !from.getRoot().equals(absolute.getRoot())) {
      return absolute.toUri().toString();
    }
    String relative = from.relativize(absolute).toString().replace('\\', '/');
    return relative.startsWith("../../../") ? absolute.toUri().toString() : relative;
  }
}

package io.github.pqlconnector.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The release archive the build leaves in {@code target/}, unpacked where a user would put it. */
final class ReleaseArchive {
  static final Path TAR = Path.of("target", "pql-" + System.getProperty("pql.version", "0.1.0-SNAPSHOT") + ".tar.gz");

  private ReleaseArchive() {}

  /** Unpacks the archive into {@code into} and returns its top directory, {@code pql-<version>}. */
  static Path unpack(Path into) throws IOException, InterruptedException {
    assertThat(TAR).as("the build makes the release archive").exists();
    Process tar = new ProcessBuilder("tar", "xzf", TAR.toAbsolutePath().toString(), "-C", into.toString())
        .inheritIO().start();
    assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(tar.exitValue()).isZero();
    try (var top = Files.list(into)) {
      return top.filter(p -> p.getFileName().toString().startsWith("pql-")).findFirst().orElseThrow();
    }
  }
}

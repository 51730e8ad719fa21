package io.github.pqlconnector.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Dockerfile in the release archive: the image builds from the unpacked archive alone, runs as a non-root user
 * and answers {@code --version}. Needs a Docker daemon; without one it skips and says so.
 */
class DockerImageIT {
  @TempDir Path dir;

  @Test
  void theImageBuildsFromTheUnpackedArchiveAndRunsAsNonRoot() throws Exception {
    assumeTrue(dockerAnswers(), "no Docker daemon reachable (docker info failed): the image is not built here");
    Path home = ReleaseArchive.unpack(dir);
    String tag = "pql-connector-test:" + ProcessHandle.current().pid();
    assertThat(docker(600, "build", "-t", tag, home.toString())).isZero();
    try {
      assertThat(output("run", "--rm", "--entrypoint", "id", tag, "-u")).isNotEqualTo("0");
      assertThat(output("run", "--rm", tag, "--version")).startsWith("pql ");
      assertThat(output("inspect", "--format", "{{json .Config.Healthcheck}}", tag)).contains("/api/health");
    } finally {
      docker(60, "rmi", "-f", tag);
    }
  }

  private static boolean dockerAnswers() {
    try {
      return docker(20, "info") == 0;
    } catch (IOException notInstalled) {
      return false;
    }
  }

  private static int docker(int seconds, String... args) throws IOException {
    Process process = new ProcessBuilder(command(args)).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static String output(String... args) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command(args)).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }

  private static List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    return command;
  }
}

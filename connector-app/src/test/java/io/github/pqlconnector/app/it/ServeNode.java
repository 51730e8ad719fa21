package io.github.pqlconnector.app.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One {@code pql serve} process started from the shaded jar, its output in a log file. */
final class ServeNode implements AutoCloseable {
  static final Path JAR = Path.of("target/pql.jar");

  private final String name;
  private final Process process;
  private final Path log;

  private ServeNode(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ServeNode start(String name, Path config, Path logDir, int port) throws IOException {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the ITs with `mvn verify`");
    }
    Path log = logDir.resolve(name + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", JAR.toString(), "serve", "-c",
        config.toString(), "--node-id", name, "--port", Integer.toString(port), "--checkin", "1s"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ServeNode node = new ServeNode(name, process, log);
    node.awaitLog("admin console on", Duration.ofSeconds(60));
    return node;
  }

  void awaitLog(String text, Duration timeout) throws IOException {
    Instant until = Instant.now().plus(timeout);
    while (Instant.now().isBefore(until)) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      sleep(200);
    }
    throw new IllegalStateException(name + " did not log '" + text + "' in " + timeout + ":\n" + Files.readString(log));
  }

  /** SIGHUP: reload the config. */
  void hangup() throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).inheritIO().start().waitFor();
  }

  /** kill -9: no shutdown hook, no finally block, no last write. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** SIGTERM, then the exit code. */
  int terminate(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      return -1;
    }
    return process.exitValue();
  }

  /** The process's threads as {@code jcmd Thread.print} shows them, for a test that found it stuck. */
  String threadDump() throws IOException, InterruptedException {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    Process dump = new ProcessBuilder(jcmd, Long.toString(process.pid()), "Thread.print").redirectErrorStream(true)
        .start();
    String text = new String(dump.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    dump.waitFor();
    return text;
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly().waitFor();
    }
  }
}

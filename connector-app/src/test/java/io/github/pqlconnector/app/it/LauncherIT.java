package io.github.pqlconnector.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code target/bin/pql}, the shell launcher users run: it finds the jar next to it, starts the JVM with the measured
 * heap and collector, honours {@code JAVA_HOME} and {@code PQL_JAVA_OPTS}, and with those defaults three million
 * malformed lines are rejected, counted and never hang, in under 512 MiB resident (and, nothing being readable, fail
 * the run with exit 3).
 */
class LauncherIT {
  static final Path LAUNCHER = Path.of("target/bin/pql");
  private static final long MIB = 1024 * 1024;

  @TempDir Path dir;

  @Test
  void startsTheJarWithTheMeasuredHeapAndCollector() throws Exception {
    String out = run(Map.of("PQL_JAVA_OPTS", "-XshowSettings:vm -XX:+PrintCommandLineFlags"), "--version");
    assertThat(out).contains("pql ").contains("Max. Heap Size: 384.00M").contains("-XX:+UseSerialGC");
  }

  @Test
  void aCollectorInPqlJavaOptsReplacesTheDefaultOneAndAHeapSizeThereWins() throws Exception {
    String out = run(Map.of("PQL_JAVA_OPTS", "-XX:+UseG1GC -Xmx600m -XX:+PrintCommandLineFlags"), "--version");
    assertThat(out).contains("pql ").contains("-XX:+UseG1GC").doesNotContain("UseSerialGC")
        .contains("-XX:MaxHeapSize=" + 600 * MIB);
  }

  @Test
  void theCompletionScriptNextToItCompletesCommandsAndTheirOptions() throws Exception {
    assertThat(complete("pql ru", "pql", "ru")).isEqualTo("run");
    assertThat(complete("pql plan --o", "pql", "plan", "--o")).isEqualTo("--output-format");
  }

  /** What bash offers for the last word of {@code words}, with the completion script sourced. */
  private String complete(String line, String... words) throws Exception {
    String script = "source target/bin/pql_completion; COMP_WORDS=(" + String.join(" ", words) + "); COMP_CWORD="
        + (words.length - 1) + "; COMP_LINE='" + line + "'; COMP_POINT=" + line.length()
        + "; _complete_pql 2>/dev/null; echo \"${COMPREPLY[*]}\"";
    Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  @Test
  void aJavaHomeWithoutJavaIsOneLineAndExitFour() throws Exception {
    Process launcher = start(Map.of("JAVA_HOME", dir.toString()), "--version");
    assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(launcher.exitValue()).isEqualTo(4);
    assertThat(Files.readString(dir.resolve("out.log")).strip())
        .isEqualTo("pql: JAVA_HOME is " + dir + ", but " + dir + "/bin/java is not an executable");
  }

  @Test
  void threeMillionMalformedLinesAreCountedInUnder512MibResidentNeverHangAndFailTheRunWithoutWriting() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "peak resident memory is read from Linux's /proc");
    Path config = malformedInput(3_000_000);
    Process run = start(Map.of(), "run", "-c", config.toString());
    long peak = peakResidentBytes(run);
    String log = Files.readString(dir.resolve("out.log"));
    assertThat(run.exitValue()).as("nothing readable: exit 3, nothing written. " + log).isEqualTo(3);
    assertThat(log).contains("error: all 3,000,000 events read were rejected, so nothing was evaluated or written")
        .contains("events.jsonl:1: not valid JSON").doesNotContain("OutOfMemoryError");
    assertThat(peak).as("peak resident set, bytes").isPositive().isLessThan(512 * MIB);
  }

  private Path malformedInput(int lines) throws IOException {
    byte[] garbage = "garbage {\n".getBytes(StandardCharsets.UTF_8);
    byte[] badTime = "{\"event\":\"message_sent\",\"timestamp\":\"yesterday\",\"userId\":\"u1\"}\n"
        .getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("events.jsonl")), 1 << 16)) {
      for (int i = 0; i < lines; i++) {
        out.write(i % 2 == 0 ? garbage : badTime);
      }
    }
    Path config = dir.resolve("pql.yaml");
    Files.writeString(config, """
        state: { url: "jdbc:h2:file:%1$s/state" }
        sources: { product: { type: file, events: "%1$s/events.jsonl" } }
        model: { levels: [user], metrics: { m: { count: message_sent } } }
        destinations: { crm: { type: csv, directory: "%1$s/out" } }
        syncs: [ { name: local, source: product, destination: crm } ]
        """.formatted(dir));
    return config;
  }

  /** The launcher execs java, so its pid is the JVM's: VmHWM is the high-water mark of its resident set. */
  private static long peakResidentBytes(Process process) throws Exception {
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    Pattern hwm = Pattern.compile("VmHWM:\\s+(\\d+) kB");
    long peak = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (process.isAlive() && System.nanoTime() < deadline) {
      try {
        Matcher m = hwm.matcher(Files.readString(status));
        peak = m.find() ? Math.max(peak, Long.parseLong(m.group(1)) * 1024) : peak;
      } catch (IOException exited) {
        break;
      }
      Thread.sleep(20);
    }
    assertThat(process.waitFor(1, TimeUnit.SECONDS)).as("finished, not hung").isTrue();
    return peak;
  }

  private String run(Map<String, String> env, String... args) throws Exception {
    Process launcher = start(env, args);
    assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(dir.resolve("out.log"));
    assertThat(launcher.exitValue()).as(out).isZero();
    return out;
  }

  private Process start(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.log").toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("PQL_JAVA_OPTS");
    builder.environment().putAll(env);
    return builder.start();
  }
}

package io.github.pqlconnector.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's source, {@code bin/pql} at the repository root, run as a developer runs it from a checkout: it finds
 * the jar the build left in {@code connector-app/target} and passes the arguments on. Needs that jar, which
 * {@code package} builds after the tests: without one (a clean {@code mvn test}) it is skipped; {@code LauncherIT}
 * covers the build's copy, {@code target/bin/pql}, with the jar always there.
 */
class RepositoryLauncherTest {
  private static final Path LAUNCHER = Path.of("../bin/pql");
  private static final Path JAR = Path.of("target/pql.jar");

  @TempDir Path dir;

  @Test
  void runsTheBuiltJarWithTheArgumentsAndPqlJavaOptsLast() throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "no " + JAR.toAbsolutePath() + " yet (built by package, after the tests)");
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the launcher is a POSIX shell script");
    Path out = dir.resolve("out.log");
    ProcessBuilder builder = new ProcessBuilder(List.of("/bin/sh", LAUNCHER.toString(), "--version"))
        .redirectErrorStream(true).redirectOutput(out.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("PQL_JAVA_OPTS", "-XX:+PrintCommandLineFlags -Xmx200m");
    Process launcher = builder.start();
    assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
    String text = Files.readString(out);
    assertThat(launcher.exitValue()).as(text).isZero();
    assertThat(text).contains("-XX:MaxHeapSize=" + 200L * 1024 * 1024).containsPattern("(?m)^pql \\S+");
  }
}

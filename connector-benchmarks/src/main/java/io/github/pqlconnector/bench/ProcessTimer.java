package io.github.pqlconnector.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a command as a whole process and measures it from outside: wall time with a monotonic clock, and, when
 * {@code /usr/bin/time} (GNU time) is there, the kernel's user and system CPU seconds and the peak resident set size
 * of the finished process. Its output goes to a log file.
 */
final class ProcessTimer {
  private static final Path GNU_TIME = Path.of("/usr/bin/time");

  /** One finished run; {@code cpu} and {@code peakMiB} are NaN without GNU time. */
  record Measured(int exitCode, double wallSeconds, double cpuSeconds, double peakMiB) {}

  private ProcessTimer() {}

  static Measured run(List<String> command, Path log) throws IOException, InterruptedException {
    Path figures = Files.createTempFile("pql-time", ".txt");
    try {
      boolean gnuTime = Files.isExecutable(GNU_TIME);
      List<String> full = new ArrayList<>();
      if (gnuTime) {
        full.addAll(List.of(GNU_TIME.toString(), "-f", "%U %S %M", "-o", figures.toString()));
      }
      full.addAll(command);
      Files.createDirectories(log.toAbsolutePath().getParent());
      ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
          .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      long started = System.nanoTime();
      int exit = builder.start().waitFor();
      double wall = (System.nanoTime() - started) / 1e9;
      if (!gnuTime) {
        return new Measured(exit, wall, Double.NaN, Double.NaN);
      }
      List<String> lines = Files.readAllLines(figures);
      String[] f = lines.get(lines.size() - 1).trim().split("\\s+");
      return new Measured(exit, wall, Double.parseDouble(f[0]) + Double.parseDouble(f[1]),
          Double.parseDouble(f[2]) / 1024);
    } finally {
      Files.deleteIfExists(figures);
    }
  }
}

package io.github.pqlconnector.sources.mixpanel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A large export streams through the real source in a JVM with a 64 MB heap: memory is bounded by one record and
 * one day's dedupe fingerprints, never by the export. The build reads 256 MB; {@code
 * -Dpql.bigExport.megabytes=2200} reads 2.2 GB (about 90 s on two cores; figures in connector-benchmarks/README.md).
 */
class MixpanelBigExportTest {
  @Test
  void streamsAnExportManyTimesTheHeapWithA64MbHeap() throws IOException, InterruptedException {
    long megabytes = Long.getLong("pql.bigExport.megabytes", 256);
    Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-cp", System.getProperty("java.class.path"), BigExportMain.class.getName(),
        Long.toString(megabytes), "20"))
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("events=").doesNotContain("OutOfMemoryError");
    long events = Long.parseLong(output.replaceAll("(?s).*events=(\\d+).*", "$1"));
    assertThat(events * 330).as("about one event per 330 bytes").isGreaterThan(megabytes * 1_000_000 * 9 / 10);
    System.out.println(output.lines().filter(l -> l.startsWith("events=")).findFirst().orElse(output));
  }
}

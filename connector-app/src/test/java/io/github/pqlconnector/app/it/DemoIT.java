package io.github.pqlconnector.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's demo as a user runs it, from the unpacked release archive with its launcher's default heap: the data, the replayed history,
 * the run with its outcomes read back, and account PQLs buying several times as often as the rest, in the demo's own
 * summary and in {@code pql report}.
 */
class DemoIT {
  private static final Pattern LIFT = Pattern.compile(
      "account PQLs of the last 180 days bought within 90 days ([\\d.]+) % of the time, the rest ([\\d.]+) %");

  @TempDir Path dir;
  /** The unpacked release archive: the demo runs as from a download, with only a Java runtime. */
  Path home;

  @Test
  void theDemoShowsAccountPqlsBuyingSeveralTimesAsOftenAsTheRest() throws Exception {
    String demo = pql("demo", "--dir", dir.resolve("demo").toString());
    assertThat(demo).contains("generated 2,000,000 events for 25,000 users in 3,000 accounts over 210 days")
        .containsPattern("replayed 12 fortnightly runs from \\d{4}-\\d\\d-\\d\\d into the verdict history")
        .contains("run 1 of product-to-crm: SUCCESS").containsPattern("outcomes: read \\d+ conversions")
        .contains("top account PQLs").doesNotContain("Exception");
    Matcher lift = LIFT.matcher(demo);
    assertThat(lift.find()).as(demo).isTrue();
    assertThat(Double.parseDouble(lift.group(1)) / Double.parseDouble(lift.group(2))).isGreaterThan(3);

    String report = pql("report", "-c", dir.resolve("demo/pql.yaml").toString(), "--since", "180d");
    assertThat(report).contains("conversion report of product-to-crm").containsPattern("lift of pql over the rest: [\\d.]+x");
  }

  private String pql(String... args) throws Exception {
    Path log = dir.resolve("out-" + args[0] + ".log");
    if (home == null) {
      home = ReleaseArchive.unpack(Files.createDirectories(dir.resolve("release")));
    }
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/pql").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("PQL_JAVA_OPTS");
    Process process = builder.start();
    assertThat(process.waitFor(240, TimeUnit.SECONDS)).as("finished in 4 minutes").isTrue();
    String out = Files.readString(log);
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }
}

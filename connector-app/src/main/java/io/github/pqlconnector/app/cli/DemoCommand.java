package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.demo.DemoDataset;
import io.github.pqlconnector.demo.DemoFiles;
import io.github.pqlconnector.demo.DemoSpec;
import io.github.pqlconnector.core.sync.RunSummary;
import io.github.pqlconnector.core.sync.RunTrigger;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pql demo}: generates a realistic SaaS dataset with seven months of usage and the deals that followed, gives
 * it the verdict history of half a year of weekly runs, runs the whole pipeline into the {@code csv} destination
 * (which reads the deals back) and prints the top PQLs with their reasons and how often PQLs bought. No account, no
 * network.
 */
@Command(name = "demo", description = "Generate sample product data, run the pipeline into CSV files, show the top PQLs.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "pql-demo",
      description = "Where the data, config, state and output go; emptied first (default: ${DEFAULT-VALUE}).")
  Path dir;
  @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "PQLs to show per level (default: ${DEFAULT-VALUE}).")
  int top;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path home = dir.toAbsolutePath().normalize();
    deleteRecursively(home);
    DemoSpec demo = DemoSpec.demo();
    long started = System.nanoTime();
    DemoFiles files = DemoDataset.generate(demo, home.resolve("data"), Instant.now(), true);
    out.printf(Locale.US, "generated %,d events for %,d users in %,d accounts over %d days in %.1f s (%s)%n",
        files.eventsWritten(), demo.users(), demo.accounts(), demo.days(), (System.nanoTime() - started) / 1e9,
        home.resolve("data"));
    out.printf(Locale.US, "%,d accounts bought (%s)%n", files.accountsConverted(), files.outcomes());
    Path config = writeConfig(home);
    try (AppContext app = AppContext.load(config)) {
      DemoConversion.seedHistory(app, demo, out);
      TerminalProgress progress = TerminalProgress.forConsole(spec.commandLine().getErr());
      RunSummary summary = app.runner().run(null, RunTrigger.MANUAL, false, progress);
      progress.done();
      out.println();
      Printer.summary(out, summary);
      DemoConversion.printLift(app, out);
    }
    DemoTopList.print(out, home.resolve("out"), top);
    out.printf("%nfiles: %s/{accounts,users,tasks}.csv%nnext:  pql plan -c %s   (a second run changes nothing)%n"
        + "       pql explain <id> -c %s%n       pql history -c %s%n"
        + "       pql report -c %s --since 180d   (does the model work? see the README)%n",
        home.resolve("out"), config, config, config, config);
    return ExitCodes.OK;
  }

  private static Path writeConfig(Path home) throws IOException {
    try (InputStream template = DemoCommand.class.getResourceAsStream("/demo/pql-demo.yaml")) {
      if (template == null) {
        throw new IllegalStateException("the demo config template is missing from the jar");
      }
      String yaml = new String(template.readAllBytes(), StandardCharsets.UTF_8).replace("@DIR@", home.toString());
      Path config = home.resolve("pql.yaml");
      Files.writeString(config, yaml, StandardCharsets.UTF_8);
      return config;
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}

package io.github.pqlconnector.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pql}: the command line of PQL Connector. */
@Command(name = "pql", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
    versionProvider = PqlCommand.Version.class,
    description = "Turns product usage into product-qualified-lead signals inside your CRM.",
    subcommands = {ValidateCommand.class, SetupCommand.class, PlanCommand.class, RunCommand.class, RetryCommand.class,
        ReconcileCommand.class, OutcomesCommand.class, ReportCommand.class, BacktestCommand.class,
        ExplainCommand.class, HistoryCommand.class, ServeCommand.class, InitCommand.class, SchemaCommand.class, HashPasswordCommand.class,
        DemoCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:ok", "1:the run finished with record failures",
        "2:bad config or usage", "3:cannot reach or authenticate to a source, CRM or the state database",
        "4:unexpected internal error (a bug, out of memory)",
        "143:stopped by SIGTERM or Ctrl-C (the running batch finished, the rest stays in the outbox)"})
public final class PqlCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
      description = "More log output on stderr: -v for progress and run lines, -vv for debugging.")
  void verbosity(boolean[] flags) {
    Level level = flags.length >= 2 ? Level.DEBUG : flags.length == 1 ? Level.INFO : Level.WARN;
    ((Logger) LoggerFactory.getLogger("io.github.pqlconnector")).setLevel(level);
  }

  @Option(names = "--log-format", paramLabel = "FORMAT", scope = CommandLine.ScopeType.INHERIT, defaultValue = "text",
      description = "text (default) or json: one JSON object per log line on stderr, for log shippers.")
  void logFormat(LogFormat format) {
    format.apply();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
  public static int execute(String... args) {
    CommandLine cli = commandLine();
    try {
      return cli.execute(args);
    } catch (Error e) {
      org.slf4j.LoggerFactory.getLogger(PqlCommand.class).debug("command failed", e);
      cli.getErr().println("internal error: " + ExitCodes.oneLine(e));
      cli.getErr().println(e instanceof OutOfMemoryError
          ? "(the heap is too small for this data: give it more, e.g. PQL_JAVA_OPTS=-Xmx2g bin/pql ...)"
          : "(run with -vv for the stack trace; please report it)");
      cli.getErr().flush();
      return ExitCodes.INTERNAL;
    }
  }

  static CommandLine commandLine() {
    return new CommandLine(new PqlCommand())
        .setExecutionExceptionHandler(new ExitCodes())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  /** The version and commit the build wrote into {@code version.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties build = new Properties();
      try (InputStream in = PqlCommand.class.getResourceAsStream("/io/github/pqlconnector/app/version.properties")) {
        if (in != null) {
          build.load(in);
        }
      }
      return new String[] {"pql " + build.getProperty("version", "development") + " (commit "
          + build.getProperty("commit", "unknown") + ")", "Java " + System.getProperty("java.version") + ", "
          + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
    }
  }
}

package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.app.scheduler.Daemon;
import io.github.pqlconnector.app.scheduler.SchedulerSettings;
import io.github.pqlconnector.app.scheduler.ServeStack;
import io.github.pqlconnector.core.config.AdminConfig;
import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.spi.Plugins;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pql serve}: the syncs on their cron schedules, the admin API, reload on SIGHUP, graceful stop on SIGTERM. */
@Command(name = "serve", description = "Run every sync on its cron schedule, with the admin API."
    + " SIGHUP or POST /api/reload re-reads the config; SIGTERM finishes the running batch and exits 0.")
final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOption config;
  @Option(names = "--node-id", paramLabel = "ID", defaultValue = "AUTO",
      description = "This node's name in a cluster (default: generated).")
  String nodeId;
  @Option(names = "--port", paramLabel = "PORT", description = "Admin API port, overriding admin.port.")
  Integer port;
  @Option(names = "--checkin", paramLabel = "DURATION", defaultValue = "7s", hidden = true,
      description = "Cluster check-in interval: how soon a dead node's fires are taken over.")
  String checkin;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Plugins plugins = Plugins.load();
    ConfigLoader loader = ConfigLoader.withSystemEnv(plugins);
    PqlConfig initial = loader.load(config.file);
    try (ServeStack stack = ServeStack.start(config.file, loader, plugins, initial, settings(),
        adminConfig(initial.admin()))) {
      out.printf("pql serve: %d syncs on the %s job store%s; admin console on http://%s:%d/%n",
          initial.syncs().size(), initial.state().isPostgres() ? "postgresql" : "h2",
          initial.state().cluster() ? " (clustered)" : "", initial.admin().bind(), stack.adminPort());
      out.flush();
      awaitTermination(stack.daemon());
      out.println("pql serve: stopping; the running batch finishes, the rest stays in the outbox");
      out.flush();
    }
    return ExitCodes.OK;
  }

  private SchedulerSettings settings() {
    Duration every = io.github.pqlconnector.core.config.Durations.parse(checkin).orElse(Duration.ofSeconds(7));
    SchedulerSettings defaults = SchedulerSettings.defaults();
    return new SchedulerSettings(nodeId, defaults.threads(), defaults.misfireThreshold(), every,
        defaults.shutdownWait());
  }

  private AdminConfig adminConfig(AdminConfig configured) {
    return port == null ? configured : configured.onPort(port);
  }

  private static void awaitTermination(Daemon daemon) throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    Signals.onTerminate(stop::countDown);
    Signals.onHangup(daemon::reload);
    stop.await();
  }
}

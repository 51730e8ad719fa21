package io.github.pqlconnector.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Generates the demo's product-usage export: a team-docs SaaS where a few accounts and users produce most
 * of the events (Pareto), most trial users stay shallow, and a handful raise their hand, hit the free-plan
 * limit or start a checkout, many of whom then buy ({@link DemoOutcomes}). Planning holds a few arrays per user and account; events are written user by
 * user straight to the file (not in time order), so memory does not grow with the number of events.
 */
public final class DemoDataset {
  static final String EVENTS = "events.jsonl";
  static final String USERS = "users.csv";
  static final String ACCOUNTS = "accounts.csv";
  static final String OUTCOMES = "outcomes.csv";

  private DemoDataset() {}

  /**
   * Writes events (JSON Lines; gzip when gzip=true, file name events.jsonl.gz, else events.jsonl), users.csv,
   * accounts.csv and outcomes.csv into directory (created if needed). Deterministic for a given spec and {@code now}: the same
   * arguments give byte-identical files. The events file has exactly {@code spec.events()} lines, all with
   * timestamps in [now − spec.days() days, now].
   */
  public static DemoFiles generate(DemoSpec spec, Path directory, Instant now, boolean gzip) throws IOException {
    Files.createDirectories(directory);
    long nowMillis = now.toEpochMilli();
    DemoAccounts accounts = DemoAccounts.plan(spec);
    DemoUsers users = DemoUsers.plan(spec, accounts, nowMillis);
    DemoPlan plan = DemoPlan.plan(spec, accounts, users);
    Path accountsFile = directory.resolve(ACCOUNTS);
    Path usersFile = directory.resolve(USERS);
    Path eventsFile = directory.resolve(gzip ? EVENTS + ".gz" : EVENTS);
    DemoTraitsWriter.writeAccounts(accounts, accountsFile);
    DemoTraitsWriter.writeUsers(users, accounts, usersFile);
    Path outcomesFile = directory.resolve(OUTCOMES);
    int converted = DemoOutcomes.write(spec, accounts, users, plan, nowMillis, outcomesFile);
    long written;
    long from = nowMillis - spec.days() * DemoUsers.DAY;
    try (DemoEventWriter out = new DemoEventWriter(open(eventsFile, gzip), from, nowMillis)) {
      DemoActivity activity = new DemoActivity(spec, accounts, users, plan, out, nowMillis);
      for (int u = 0; u < users.count; u++) {
        activity.write(u);
      }
      written = out.lines();
    }
    if (written != spec.events()) {
      throw new IllegalStateException("wrote " + written + " events instead of " + spec.events());
    }
    return new DemoFiles(eventsFile, usersFile, accountsFile, outcomesFile, written, converted);
  }

  /** Gzip at the fastest level: the demo file is written once and read a few times, size matters little. */
  private static OutputStream open(Path file, boolean gzip) throws IOException {
    OutputStream raw = Files.newOutputStream(file);
    if (!gzip) {
      return raw;
    }
    return new GZIPOutputStream(raw, 1 << 16) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    };
  }
}

package io.github.pqlconnector.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Who bought, as the CRM would record it: {@code outcomes.csv} ({@code level,id,converted_at,amount}), the file the
 * csv destination reads back. Decided from how each account behaves in the generator, never from the model's
 * verdicts: most checkouts close within days, about half the hand-raisers and a third of the accounts that hit the
 * free-plan limit buy within weeks; other accounts buy rarely, more often the more they use the product, and misfits
 * (tiny firms, blocked countries) seldom. Only deals closed before now are written; the account's champion (if it
 * has one) and its owner are the users who converted.
 */
final class DemoOutcomes {
  static final String HEADER = "level,id,converted_at,amount";
  private static final long DAY = DemoUsers.DAY;
  private static final long SALT = 0x0C7C;
  private static final double SEAT_PRICE_PER_YEAR = 180;

  private DemoOutcomes() {}

  /** Writes the outcomes file; returns how many accounts converted. */
  static int write(DemoSpec spec, DemoAccounts accounts, DemoUsers users, DemoPlan plan, long now, Path file)
      throws IOException {
    int converted = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.write('\n');
      for (int a = 0; a < accounts.count; a++) {
        DemoRandom random = DemoRandom.of(spec.seed(), SALT, a);
        long at = conversion(a, accounts, users, plan, now, random);
        if (at > 0 && at < now) {
          String when = Instant.ofEpochMilli(at).toString();
          double amount = SEAT_PRICE_PER_YEAR * Math.max(1, accounts.size(a));
          out.write(String.format(Locale.ROOT, "account,%s,%s,%.2f%n", accounts.ids[a], when, amount));
          int buyer = buyer(a, accounts, users);
          int owner = accounts.members[accounts.memberStart[a]];
          out.write(String.format(Locale.ROOT, "user,%s,%s,%n", users.ids[buyer], when));
          if (owner != buyer) {
            out.write(String.format(Locale.ROOT, "user,%s,%s,%n", users.ids[owner], when));
          }
          converted++;
        }
      }
    }
    return converted;
  }

  /** When account {@code a} buys (possibly after now: not yet), or 0 when it does not. */
  private static long conversion(int a, DemoAccounts accounts, DemoUsers users, DemoPlan plan, long now,
      DemoRandom random) {
    int kinds = plan.buyerKinds[a];
    double misfit = accounts.employees[a] < 10 || "NG".equals(accounts.countries[a]) ? 0.25 : 1;
    long buying = plan.buyingAt[a];
    if ((kinds & DemoPlan.CHECKOUT) != 0) {
      return random.chance(0.75 * misfit) ? buying + (long) random.exponential(4 * DAY) : 0;
    }
    if ((kinds & DemoPlan.HAND_RAISER) != 0) {
      return random.chance(0.5 * misfit) ? buying + DAY + (long) random.exponential(20 * DAY) : 0;
    }
    if ((kinds & DemoPlan.LIMIT) != 0) {
      return random.chance(0.35 * misfit) ? buying + 2 * DAY + (long) random.exponential(25 * DAY) : 0;
    }
    long started = users.signup[accounts.members[accounts.memberStart[a]]];
    if (!plan.alive[a]) {
      return random.chance(0.02) ? started + (long) random.exponential(20 * DAY) : 0;
    }
    double chance = Math.min(0.3, 0.07 * Math.pow(accounts.engagement[a], 0.6)) * misfit;
    return random.chance(chance) ? started + 14 * DAY + (long) random.exponential(60 * DAY) : 0;
  }

  /** The account's champion if it has one, else its owner. */
  private static int buyer(int a, DemoAccounts accounts, DemoUsers users) {
    for (int i = accounts.memberStart[a]; i < accounts.memberStart[a + 1]; i++) {
      if (users.champion[accounts.members[i]]) {
        return accounts.members[i];
      }
    }
    return accounts.members[accounts.memberStart[a]];
  }
}

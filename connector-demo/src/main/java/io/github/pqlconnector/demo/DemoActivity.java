package io.github.pqlconnector.demo;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Writes one user's events: the signup (with email), the scripted events of the plan, then the everyday
 * ones spread over the user's active span with a weekday and working-hours bias. Buying signals land in
 * the last four weeks, so the model's 30-day window sees them. About 15 % of events omit the account id,
 * so the connector must resolve the user's account through the traits.
 */
final class DemoActivity {
  private static final long DAY = DemoUsers.DAY;
  private static final long SALT = 0xAC71;
  private static final double[] HOUR_WEIGHT = {
    0.15, 0.1, 0.1, 0.1, 0.12, 0.2, 0.4, 0.7, 0.9, 1, 1, 0.95, 0.9, 1, 1, 1, 0.95, 0.85, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2,
  };
  private static final byte[] CHANNEL = DemoEventWriter.ascii("channel");
  private static final byte[] PATH = DemoEventWriter.ascii("path");
  private static final byte[] DOC = DemoEventWriter.ascii("docId");
  private static final byte[] NAME = DemoEventWriter.ascii("name");
  private static final byte[] PLAN = DemoEventWriter.ascii("plan");
  private static final byte[] SOURCE = DemoEventWriter.ascii("source");
  private static final byte[] LIMIT = DemoEventWriter.ascii("limit");
  private static final byte[][] CHANNELS = asciiAll(DemoNames.CHANNELS);
  private static final byte[][] PATHS = asciiAll(DemoNames.PATHS);
  private static final byte[][] INTEGRATIONS = asciiAll(DemoNames.INTEGRATIONS);
  private static final byte[][] SOURCES = asciiAll(DemoNames.SIGNUP_SOURCES);
  private static final byte[][] PLANS = asciiAll(new String[] {"team", "business"});
  private static final byte[] DOCS_LIMIT = DemoEventWriter.ascii("docs");
  private static final byte[] PRICING_PAGE = DemoEventWriter.ascii("pricing_page");
  private static final byte[][] DOC_IDS = docIds(512);

  private final DemoSpec spec;
  private final DemoAccounts accounts;
  private final DemoUsers users;
  private final DemoPlan plan;
  private final DemoEventWriter out;
  private final long now;
  private final byte[][] userIds;
  private final byte[][] accountIds;
  private DemoRandom random = new DemoRandom(0);
  private byte[] user = new byte[0];
  private byte[] account = new byte[0];

  DemoActivity(DemoSpec spec, DemoAccounts accounts, DemoUsers users, DemoPlan plan, DemoEventWriter out, long now) {
    this.spec = spec;
    this.accounts = accounts;
    this.users = users;
    this.plan = plan;
    this.out = out;
    this.now = now;
    this.userIds = asciiAll(users.ids);
    this.accountIds = asciiAll(accounts.ids);
  }

  void write(int u) throws IOException {
    random = DemoRandom.of(spec.seed(), SALT, u);
    user = userIds[u];
    account = accountIds[users.account[u]];
    long from = users.signup[u];
    if (plan.signsUp[u]) {
      out.write(DemoEvents.SIGNED_UP, from, user, account, DemoEventWriter.ascii(users.emails[u]), SOURCE,
          SOURCES[users.owner[u] ? 0 : random.nextInt(SOURCES.length)]);
    }
    writeInvites(u);
    for (int i = 0; i < DemoNames.INTEGRATIONS.length; i++) {
      if ((plan.integrations[u] & 1 << i) != 0) {
        emit(DemoEvents.INTEGRATION_INSTALLED, random.between(from, now), NAME, INTEGRATIONS[i]);
      }
    }
    long[] buying = buyingSpan(u);
    repeat(plan.pricing[u], DemoEvents.PRICING_VIEWED, buying, PLAN, PLANS[1]);
    repeat(plan.contactSales[u], DemoEvents.CONTACT_SALES, buying, SOURCE, PRICING_PAGE);
    repeat(plan.limits[u], DemoEvents.LIMIT_REACHED, buying, LIMIT, DOCS_LIMIT);
    repeat(plan.checkouts[u], DemoEvents.CHECKOUT_STARTED, buying, PLAN, PLANS[0]);
    writeEveryday(u);
  }

  /** The two weeks up to the account's buying moment; for a user who joined after it, their first days. */
  private long[] buyingSpan(int u) {
    long at = plan.buyingAt[users.account[u]];
    long from = users.signup[u];
    if (at <= from) {
      return new long[] {from, Math.min(now, from + 3 * DAY)};
    }
    return new long[] {Math.max(from, at - 14 * DAY), at};
  }

  /** Invites go out shortly before the invitee joins; invites nobody accepted go out any time. */
  private void writeInvites(int u) throws IOException {
    if (plan.invites[u] == 0) {
      return;
    }
    int a = users.account[u];
    int written = 0;
    for (int i = accounts.memberStart[a]; i < accounts.memberStart[a + 1] && written < plan.invites[u]; i++) {
      int member = accounts.members[i];
      if (plan.invitedBy[member] == u) {
        long sent = users.signup[member] - random.between(60_000, 2 * DAY);
        emit(DemoEvents.TEAMMATE_INVITED, Math.max(users.signup[u], sent), null, null);
        written++;
      }
    }
    for (; written < plan.invites[u]; written++) {
      emit(DemoEvents.TEAMMATE_INVITED, random.between(users.signup[u], now), null, null);
    }
  }

  private void repeat(int times, int event, long[] span, byte[] key, byte[] value) throws IOException {
    for (int i = 0; i < times; i++) {
      emit(event, random.between(span[0], span[1]), key, value);
    }
  }

  private void writeEveryday(int u) throws IOException {
    long count = plan.everyday[u];
    if (count == 0) {
      return;
    }
    double[] mix = DemoEvents.ORGANIC_WEIGHTS.clone();
    mix[0] *= random.logNormal(0.7);
    double[] cumulative = DemoRandom.cumulative(mix);
    int steps = users.steps[u];
    long from = users.signup[u];
    long until = Math.max(from, users.activeUntil[u]);
    int docs = 1 + (int) Math.min(DOC_IDS.length - 1, count / 20);
    for (long i = 0; i < count; i++) {
      int event = DemoEvents.ORGANIC[random.pick(cumulative)];
      if (DemoEvents.isActivationStep(event) && (steps & 1 << event) == 0) {
        event = DemoEvents.DOC_VIEWED;
      }
      long at = workingTime(from, until);
      switch (event) {
        case DemoEvents.MESSAGE_SENT -> emit(event, at, CHANNEL, CHANNELS[random.pick(DemoNames.CHANNEL_WEIGHTS)]);
        case DemoEvents.PAGE_VIEWED -> emit(event, at, PATH, PATHS[random.pick(DemoNames.PATH_WEIGHTS)]);
        case DemoEvents.SESSION_STARTED -> emit(event, at, null, null);
        default -> emit(event, at, DOC, DOC_IDS[random.nextInt(docs)]);
      }
    }
  }

  /** A time in [from, to], more often on weekdays and in (European/American) working hours. */
  private long workingTime(long from, long to) {
    long at = from;
    for (int attempt = 0; attempt < 6; attempt++) {
      at = random.between(from, to);
      long day = Math.floorDiv(at, DAY);
      boolean weekend = Math.floorMod(day + 3, 7) >= 5;
      double weight = HOUR_WEIGHT[(int) ((at - day * DAY) / 3_600_000L)] * (weekend ? 0.3 : 1);
      if (random.nextDouble() < weight) {
        return at;
      }
    }
    return at;
  }

  private void emit(int event, long at, byte @Nullable [] key,
      byte @Nullable [] value) throws IOException {
    byte[] accountId = random.nextInt(100) < 85 ? account : null;
    out.write(event, at, user, accountId, null, key, value);
  }

  private static byte[][] asciiAll(String[] values) {
    byte[][] bytes = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = DemoEventWriter.ascii(values[i]);
    }
    return bytes;
  }

  private static byte[][] docIds(int count) {
    byte[][] ids = new byte[count][];
    for (int i = 0; i < count; i++) {
      ids[i] = DemoEventWriter.ascii("d" + (1000 + i));
    }
    return ids;
  }
}

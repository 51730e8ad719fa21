package io.github.pqlconnector.demo;

import java.util.Arrays;

/**
 * How many events of each kind every user writes, so the file has exactly {@code spec.events()} lines.
 * Scripted events come first: a signup per user, invites and integrations, and the buying signals of a
 * chosen few accounts, picked with a preference for engaged ones. Everyday events fill the rest of the
 * budget in proportion to each user's intensity × active span. Picking a buying signal's champion makes
 * that user a power user ({@link DemoUsers#makeChampion}), so planning happens before the budget is shared.
 */
final class DemoPlan {
  private static final long SALT = 0x9A1A;

  /** Everyone a user invites: teammates who then joined, plus invites never accepted. */
  final int[] invites;
  /** Who invited each user, or -1 (owners, and teammates who joined through the company domain). */
  final int[] invitedBy;
  final int[] integrations;
  final int[] pricing;
  final int[] contactSales;
  final int[] limits;
  final int[] checkouts;
  final boolean[] signsUp;
  final long[] everyday;
  /** Per account: when it started looking at buying (its buying signals lead up to it), or 0. */
  final long[] buyingAt;
  /** Per account: which buying signals it shows, {@link #HAND_RAISER}, {@link #LIMIT}, {@link #CHECKOUT} bits. */
  final int[] buyerKinds;
  /** Per account: some member is still active at the end. */
  final boolean[] alive;

  static final int HAND_RAISER = 1;
  static final int LIMIT = 2;
  static final int CHECKOUT = 4;

  private DemoPlan(int users, int accounts) {
    invites = new int[users];
    invitedBy = new int[users];
    integrations = new int[users];
    pricing = new int[users];
    contactSales = new int[users];
    limits = new int[users];
    checkouts = new int[users];
    signsUp = new boolean[users];
    everyday = new long[users];
    buyingAt = new long[accounts];
    buyerKinds = new int[accounts];
    alive = new boolean[accounts];
  }

  static DemoPlan plan(DemoSpec spec, DemoAccounts accounts, DemoUsers users) {
    DemoPlan plan = new DemoPlan(users.count, accounts.count);
    DemoRandom random = DemoRandom.of(spec.seed(), SALT, 0);
    plan.scriptTeams(accounts, users, random);
    plan.scriptBuyers(accounts, users, random);
    plan.timeBuyers(spec, accounts, users, random);
    long scripted = plan.scripted();
    if (scripted > spec.events()) {
      plan.dropExtras(spec.events());
      scripted = plan.scripted();
    }
    plan.fill(spec.events() - scripted, users);
    return plan;
  }

  /**
   * One teammate in five joins on an invite from the owner or from someone who joined before them; the
   * others sign up with their work email. The owner also sends invites nobody accepts and installs the
   * account's integrations (more for bigger teams).
   */
  private void scriptTeams(DemoAccounts accounts, DemoUsers users, DemoRandom random) {
    Arrays.fill(invitedBy, -1);
    for (int a = 0; a < accounts.count; a++) {
      int size = accounts.size(a);
      if (size == 0) {
        continue;
      }
      int first = accounts.memberStart[a];
      int owner = accounts.members[first];
      for (int i = first + 1; i < accounts.memberStart[a + 1]; i++) {
        int member = accounts.members[i];
        int inviter = random.chance(0.5) ? owner : accounts.members[first + random.nextInt(size)];
        if (random.chance(0.2)) {
          invitedBy[member] = users.signup[inviter] < users.signup[member] ? inviter : owner;
          invites[invitedBy[member]]++;
        }
      }
      invites[owner] += (int) Math.floor(random.exponential(0.15 * (size - 1) + 0.1));
      int installed = Math.min(DemoNames.INTEGRATIONS.length,
          (int) Math.floor(random.exponential(0.2 + 0.25 * Math.log(size))));
      integrations[owner] = pickIntegrations(installed, random);
    }
    Arrays.fill(signsUp, true);
  }

  private static int pickIntegrations(int count, DemoRandom random) {
    int mask = 0;
    while (Integer.bitCount(mask) < count) {
      mask |= 1 << random.nextInt(DemoNames.INTEGRATIONS.length);
    }
    return mask;
  }

  /**
   * Buying signals come from accounts still using the product at the end, each at its own moment of the history
   * (see {@link #timeBuyers}). Hand-raisers (~2.5 % of accounts,
   * at least 2): the champion and up to about ten colleagues view pricing, some contact sales. Free-plan
   * limit (~5 % of free accounts, at least 2, mostly big ones): every member still active runs into it.
   * Checkout (~1 %, never business plans): the champion starts one, more likely after hitting the limit.
   */
  private void scriptBuyers(DemoAccounts accounts, DemoUsers users, DemoRandom random) {
    int n = accounts.count;
    long now = max(users.activeUntil);
    for (int u = 0; u < users.count; u++) {
      alive[users.account[u]] |= users.activeUntil[u] == now;
    }
    for (int a : DemoSample.weighted(n, Math.max(2, Math.round(n * 0.025f)),
        a -> alive[a] ? accounts.engagement[a] : 0, random)) {
      buyerKinds[a] |= HAND_RAISER;
      int champion = champion(a, accounts, users);
      double colleague = Math.min(0.4, 10.0 / accounts.size(a));
      for (int i = accounts.memberStart[a]; i < accounts.memberStart[a + 1]; i++) {
        int u = accounts.members[i];
        if (u == champion || users.activeUntil[u] == now && random.chance(colleague)) {
          pricing[u] += 1 + random.nextInt(3);
          contactSales[u] += random.chance(0.3) ? 1 : 0;
        }
      }
    }
    int free = 0;
    for (String plan : accounts.plans) {
      free += DemoAccounts.FREE.equals(plan) ? 1 : 0;
    }
    boolean[] limited = new boolean[n];
    for (int a : DemoSample.weighted(n, Math.max(2, Math.round(free * 0.05f)),
        a -> alive[a] && DemoAccounts.FREE.equals(accounts.plans[a]) ? Math.pow(accounts.engagement[a], 1.5) : 0,
        random)) {
      limited[a] = true;
      buyerKinds[a] |= LIMIT;
      limits[champion(a, accounts, users)] += 1;
      for (int i = accounts.memberStart[a]; i < accounts.memberStart[a + 1]; i++) {
        int u = accounts.members[i];
        limits[u] += users.activeUntil[u] == now ? 1 + random.nextInt(3) : 0;
      }
    }
    for (int a : DemoSample.weighted(n, Math.max(1, Math.round(n * 0.01f)),
        a -> !alive[a] || "business".equals(accounts.plans[a]) ? 0
            : Math.sqrt(accounts.engagement[a]) * (limited[a] ? 3 : 1),
        random)) {
      buyerKinds[a] |= CHECKOUT;
      checkouts[champion(a, accounts, users)] += 1;
    }
  }

  /**
   * Each buying account's moment, spread over the history so that a replay finds buyers at every date: some time
   * after its first week, once the model's 30-day window fits in the history, and before the end.
   */
  private void timeBuyers(DemoSpec spec, DemoAccounts accounts, DemoUsers users, DemoRandom random) {
    long now = max(users.activeUntil);
    long historyStart = now - spec.days() * DemoUsers.DAY;
    for (int a = 0; a < accounts.count; a++) {
      if (buyerKinds[a] != 0) {
        long started = users.signup[accounts.members[accounts.memberStart[a]]];
        long from = Math.max(started + 7 * DemoUsers.DAY, historyStart + 30 * DemoUsers.DAY);
        buyingAt[a] = random.between(Math.min(from, now - DemoUsers.DAY), now);
      }
    }
  }

  private static long max(long[] values) {
    long max = Long.MIN_VALUE;
    for (long value : values) {
      max = Math.max(max, value);
    }
    return max;
  }

  /**
   * The account's champion: its most intense member still active at the end (else the owner), made a
   * power user who has explored the whole product before talking about money.
   */
  private static int champion(int account, DemoAccounts accounts, DemoUsers users) {
    int champion = mostActive(account, accounts, users);
    users.makeChampion(champion);
    return champion;
  }

  private static int mostActive(int account, DemoAccounts accounts, DemoUsers users) {
    int best = accounts.members[accounts.memberStart[account]];
    long end = users.activeUntil[best];
    for (int i = accounts.memberStart[account]; i < accounts.memberStart[account + 1]; i++) {
      int u = accounts.members[i];
      if (users.activeUntil[u] >= end && users.intensity[u] > users.intensity[best]) {
        best = u;
      }
    }
    return best;
  }

  int scripted(int u) {
    return (signsUp[u] ? 1 : 0) + invites[u] + Integer.bitCount(integrations[u]) + pricing[u] + contactSales[u]
        + limits[u] + checkouts[u];
  }

  private long scripted() {
    long total = 0;
    for (int u = 0; u < signsUp.length; u++) {
      total += scripted(u);
    }
    return total;
  }

  /** A budget too small for the script: keep only signups, as many as fit. */
  private void dropExtras(long budget) {
    for (int u = 0; u < signsUp.length; u++) {
      invites[u] = integrations[u] = pricing[u] = contactSales[u] = limits[u] = checkouts[u] = 0;
      signsUp[u] = u < budget;
    }
  }

  /** Shares {@code budget} everyday events by intensity × active days, exactly. */
  private void fill(long budget, DemoUsers users) {
    double[] weights = new double[users.count];
    double total = 0;
    for (int u = 0; u < users.count; u++) {
      double days = Math.max(users.activeUntil[u] - users.signup[u], 3_600_000L) / (double) DemoUsers.DAY;
      weights[u] = users.intensity[u] * days;
      total += weights[u];
    }
    long given = 0;
    for (int u = 0; u < users.count; u++) {
      everyday[u] = (long) Math.floor(budget * weights[u] / total);
      given += everyday[u];
    }
    for (int u = 0; given < budget; u = (u + 1) % users.count) {
      everyday[u]++;
      given++;
    }
  }
}

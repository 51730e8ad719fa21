package io.github.pqlconnector.demo;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The users of a demo: who they are (name, title, work or personal email) and how they use the product —
 * when they signed up, when they stopped, how intensely, which activation steps they ever take. Each
 * account's first member is its owner: signs up first, invites the others and rarely leaves. Two in five of
 * the others are tourists who look around for a few days and leave; accounts that only trialled the product
 * stop altogether. Arrays indexed by user number.
 */
final class DemoUsers {
  static final long DAY = 86_400_000L;
  /** Activation steps a user takes on their own (teammate_invited comes from real invites). */
  static final int[] ORGANIC_STEPS = {DemoEvents.DOC_CREATED, DemoEvents.DOC_SHARED, DemoEvents.DOC_EDITED,
      DemoEvents.COMMENT_WRITTEN};
  private static final double[] STEP_CHANCE = {0.6, 0.3, 0.7, 0.45};
  private static final long SALT = 0x05E5;

  final int count;
  final String[] ids;
  final int[] account;
  final String[] emails;
  final String[] names;
  final String[] titles;
  final long[] signup;
  final long[] activeUntil;
  final double[] intensity;
  /** Bit i set: the user performs activation step i of the model (by event constant). */
  final int[] steps;
  final boolean[] owner;
  final boolean[] champion;

  private DemoUsers(int count) {
    this.count = count;
    ids = new String[count];
    account = new int[count];
    emails = new String[count];
    names = new String[count];
    titles = new String[count];
    signup = new long[count];
    activeUntil = new long[count];
    intensity = new double[count];
    steps = new int[count];
    owner = new boolean[count];
    champion = new boolean[count];
  }

  static DemoUsers plan(DemoSpec spec, DemoAccounts accounts, long now) {
    DemoUsers users = new DemoUsers(spec.users());
    int[] accountOf = accounts.accountOfUsers();
    String format = "u%0" + Math.max(5, String.valueOf(spec.users() - 1).length()) + "d";
    Set<String> taken = new HashSet<>();
    long start = now - spec.days() * DAY;
    for (int a = 0; a < accounts.count; a++) {
      DemoRandom random = DemoRandom.of(spec.seed(), SALT, a);
      double startShare = Math.pow(random.nextDouble(), 1.6) * 0.9;
      long accountStart = start + (long) (startShare * (now - start));
      boolean trialOnly = random.chance(Math.min(0.85, 0.8 / Math.sqrt(accounts.engagement[a])));
      long accountEnd = trialOnly ? Math.min(now, accountStart + (long) random.exponential(8 * DAY) + DAY) : now;
      for (int i = accounts.memberStart[a]; i < accounts.memberStart[a + 1]; i++) {
        int u = accounts.members[i];
        users.ids[u] = String.format(Locale.ROOT, format, u);
        users.account[u] = accountOf[u];
        users.owner[u] = i == accounts.memberStart[a];
        users.identify(u, accounts.domains[a], taken, random);
        users.schedule(u, accountStart, now, random);
        long until = Math.min(users.activeUntil[u], accountEnd);
        users.activeUntil[u] = Math.min(now, Math.max(users.signup[u] + 600_000, until));
        users.intensity[u] *= Math.pow(accounts.engagement[a], 0.5);
      }
    }
    return users;
  }

  private void identify(int u, String domain, Set<String> taken, DemoRandom random) {
    String first = DemoNames.FIRST[random.nextInt(DemoNames.FIRST.length)];
    String last = DemoNames.LAST[random.nextInt(DemoNames.LAST.length)];
    names[u] = capitalize(first) + " " + capitalize(last);
    titles[u] = owner[u] && random.chance(0.5) ? "Founder" : DemoNames.TITLES[random.pick(DemoNames.TITLE_WEIGHTS)];
    boolean personal = random.chance(0.10);
    String host = personal ? DemoNames.PERSONAL_DOMAINS[random.nextInt(DemoNames.PERSONAL_DOMAINS.length)] : domain;
    String local = first + "." + last + (personal ? String.valueOf(random.between(1, 99)) : "");
    String email = local + "@" + host;
    for (int n = 2; !taken.add(email); n++) {
      email = local + n + "@" + host;
    }
    emails[u] = email;
  }

  /** Signup, last activity, intensity and activation habits. */
  private void schedule(int u, long accountStart, long now, DemoRandom random) {
    long joined = owner[u] ? accountStart
        : accountStart + (long) random.exponential((now - accountStart) * 0.5 + DAY);
    if (joined >= now) {
      joined = random.between(accountStart, now - 1);
    }
    boolean tourist = random.chance(owner[u] ? 0.08 : 0.4);
    long until = now;
    if (tourist) {
      until = joined + (long) random.exponential(3 * DAY) + 600_000;
    } else if (!owner[u] && random.chance(0.12)) {
      until = joined + (long) random.exponential(20 * DAY) + DAY;
    }
    signup[u] = joined;
    activeUntil[u] = Math.min(now, until);
    intensity[u] = random.logNormal(1.0) * (owner[u] ? 1.5 : 1) * (tourist ? 0.04 : 1);
    int mask = 0;
    for (int s = 0; s < ORGANIC_STEPS.length; s++) {
      double chance = (STEP_CHANCE[s] + (owner[u] ? 0.25 : 0)) * (tourist ? 0.4 : 1);
      mask |= random.chance(chance) ? 1 << ORGANIC_STEPS[s] : 0;
    }
    steps[u] = mask;
  }

  /**
   * Makes a user the champion of their account's buying signal: a power user (four times the intensity)
   * who has taken every activation step they can take alone. Idempotent.
   */
  void makeChampion(int u) {
    if (!champion[u]) {
      champion[u] = true;
      intensity[u] *= 4;
      for (int step : ORGANIC_STEPS) {
        steps[u] |= 1 << step;
      }
    }
  }

  private static String capitalize(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }
}

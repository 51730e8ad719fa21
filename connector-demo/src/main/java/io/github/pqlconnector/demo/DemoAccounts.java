package io.github.pqlconnector.demo;

import java.util.Arrays;
import java.util.Locale;

/**
 * The accounts of a demo and which users belong to each: heavy-tailed engagement (Pareto), team size
 * growing with it, firmographics, and the misfits the fit rules should catch (about 8 % with fewer than
 * 10 employees, 2 % in Nigeria). Arrays indexed by account number.
 */
final class DemoAccounts {
  static final String FREE = "free";
  private static final long SALT = 0xACC0;

  final int count;
  final String[] ids;
  final String[] names;
  final String[] domains;
  final int[] employees;
  final String[] countries;
  final String[] plans;
  final String[] industries;
  /**
   * Relative usage intensity, heavy-tailed (Pareto, α = 1.1): a few accounts produce most events. Capped at
   * a twentieth of the account count, so no single account swallows the dataset.
   */
  final double[] engagement;
  /** Users of account {@code a} are {@code members[memberStart[a] .. memberStart[a + 1])}. */
  final int[] memberStart;
  final int[] members;

  private DemoAccounts(int count, int users) {
    this.count = count;
    ids = new String[count];
    names = new String[count];
    domains = new String[count];
    employees = new int[count];
    countries = new String[count];
    plans = new String[count];
    industries = new String[count];
    engagement = new double[count];
    memberStart = new int[count + 1];
    members = new int[users];
  }

  static DemoAccounts plan(DemoSpec spec) {
    DemoAccounts accounts = new DemoAccounts(spec.accounts(), spec.users());
    DemoRandom random = DemoRandom.of(spec.seed(), SALT, 0);
    accounts.nameAndWeigh(random);
    int[] accountOfUser = accounts.assignUsers(spec.users(), random);
    accounts.indexMembers(accountOfUser);
    accounts.describe(random);
    return accounts;
  }

  int size(int account) {
    return memberStart[account + 1] - memberStart[account];
  }

  /** The account of every user, in user order. */
  int[] accountOfUsers() {
    int[] accountOf = new int[members.length];
    for (int a = 0; a < count; a++) {
      for (int i = memberStart[a]; i < memberStart[a + 1]; i++) {
        accountOf[members[i]] = a;
      }
    }
    return accountOf;
  }

  private void nameAndWeigh(DemoRandom random) {
    String format = "a%0" + Math.max(4, String.valueOf(count - 1).length()) + "d";
    int[] order = identity(count);
    random.shuffle(order);
    int realistic = Math.min(DemoNames.COMPANIES.length, Math.max(1, count / 40));
    double cap = Math.max(20, count / 20.0);
    for (int a = 0; a < count; a++) {
      ids[a] = String.format(Locale.ROOT, format, a);
      names[a] = DemoNames.numberedName(a);
      domains[a] = DemoNames.numberedDomain(a);
      engagement[a] = Math.min(cap, random.pareto(1.1));
    }
    for (int i = 0; i < realistic; i++) {
      names[order[i]] = DemoNames.COMPANIES[i][0];
      domains[order[i]] = DemoNames.COMPANIES[i][1];
    }
  }

  /** One user per account first (when there are enough), the rest by team-size weight. */
  private int[] assignUsers(int users, DemoRandom random) {
    double[] weights = new double[count];
    for (int a = 0; a < count; a++) {
      weights[a] = Math.pow(engagement[a], 1.5);
    }
    double[] cumulative = DemoRandom.cumulative(weights);
    int[] slots = new int[users];
    for (int u = 0; u < users; u++) {
      slots[u] = u < count ? u : random.pick(cumulative);
    }
    random.shuffle(slots);
    return slots;
  }

  private void indexMembers(int[] accountOfUser) {
    for (int account : accountOfUser) {
      memberStart[account + 1]++;
    }
    for (int a = 0; a < count; a++) {
      memberStart[a + 1] += memberStart[a];
    }
    int[] next = Arrays.copyOf(memberStart, count);
    for (int u = 0; u < accountOfUser.length; u++) {
      members[next[accountOfUser[u]]++] = u;
    }
  }

  private void describe(DemoRandom random) {
    int[] order = identity(count);
    random.shuffle(order);
    boolean[] tiny = pickTiny(order, Math.max(1, Math.round(count * 0.08f)));
    int nigeria = Math.max(1, Math.round(count * 0.02f));
    for (int a : order) {
      employees[a] = tiny[a] ? 1 + random.nextInt(9) : firmSize(a, random);
      boolean inNigeria = !tiny[a] && nigeria > 0;
      nigeria -= inNigeria ? 1 : 0;
      countries[a] = inNigeria ? "NG" : DemoNames.COUNTRIES[random.pick(DemoNames.COUNTRY_WEIGHTS)];
      plans[a] = plan(employees[a], random);
      industries[a] = DemoNames.INDUSTRIES[random.nextInt(DemoNames.INDUSTRIES.length)];
    }
  }

  /** Tiny companies have tiny teams: picked among accounts of at most 9 users while there are some. */
  private boolean[] pickTiny(int[] order, int wanted) {
    boolean[] tiny = new boolean[count];
    int picked = 0;
    for (int pass = 0; pass < 2 && picked < wanted; pass++) {
      for (int i = 0; i < count && picked < wanted; i++) {
        int a = order[i];
        if (!tiny[a] && (pass == 1 || size(a) <= 9)) {
          tiny[a] = true;
          picked++;
        }
      }
    }
    return tiny;
  }

  /** At least 10 and at least the team using the product, heavy-tailed up to large enterprises. */
  private int firmSize(int account, DemoRandom random) {
    double size = 10 * random.pareto(0.8) + size(account) * (1 + random.nextDouble());
    return (int) Math.min(250_000, Math.round(size));
  }

  private static String plan(int employees, DemoRandom random) {
    double r = random.nextDouble();
    if (employees >= 500) {
      return r < 0.25 ? FREE : r < 0.6 ? "team" : "business";
    }
    return r < 0.62 ? FREE : r < 0.9 ? "team" : "business";
  }

  private static int[] identity(int n) {
    int[] values = new int[n];
    for (int i = 0; i < n; i++) {
      values[i] = i;
    }
    return values;
  }
}

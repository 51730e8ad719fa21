package io.github.pqlconnector.salesforce;

import java.util.Random;

/**
 * Picks {@code share} of the calls, spread evenly (one in five for 0.2) with the seed choosing where the pattern
 * starts: a run of a dozen calls meets its faults, which independent draws would often miss.
 */
final class EvenShare {
  private double share;
  private double phase;
  private long count;

  void set(double value, long seed) {
    share = value;
    phase = new Random(seed).nextDouble();
    count = 0;
  }

  boolean next() {
    long n = count++;
    return share > 0 && Math.floor((n + 1) * share + phase) > Math.floor(n * share + phase);
  }
}

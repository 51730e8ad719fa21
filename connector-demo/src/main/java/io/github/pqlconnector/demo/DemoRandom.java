package io.github.pqlconnector.demo;

/**
 * SplitMix64 with the few distributions the demo needs. Written out (not {@code java.util.Random}) so the
 * stream is fixed forever and so every user gets its own cheap, independent stream: the same seed gives
 * the same files on every JDK. Not thread-safe.
 */
final class DemoRandom {
  private static final double UNIT = 0x1.0p-53;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private long state;

  DemoRandom(long seed) {
    this.state = seed;
  }

  /** An independent stream for one purpose ({@code salt}) and one entity ({@code index}). */
  static DemoRandom of(long seed, long salt, long index) {
    return new DemoRandom(mix(mix(seed ^ salt * GOLDEN) + index * GOLDEN));
  }

  long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * UNIT;
  }

  /** Uniform in [0, bound); bound ≥ 1. */
  int nextInt(int bound) {
    return (int) ((nextLong() >>> 33) * bound >>> 31);
  }

  /** Uniform in [from, to]; from ≤ to. */
  long between(long from, long to) {
    return from + (long) (nextDouble() * (to - from + 1));
  }

  boolean chance(double probability) {
    return nextDouble() < probability;
  }

  /** Pareto with scale 1: heavy-tailed, ≥ 1; smaller {@code alpha} means a heavier tail. */
  double pareto(double alpha) {
    return Math.pow(1 - nextDouble(), -1 / alpha);
  }

  /** Log-normal with median 1. */
  double logNormal(double sigma) {
    return Math.exp(sigma * gaussian());
  }

  /** Exponential with the given mean. */
  double exponential(double mean) {
    return -mean * Math.log(1 - nextDouble());
  }

  double gaussian() {
    double u = 1 - nextDouble();
    double v = nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** An index drawn from cumulative weights (ascending, last = total). */
  int pick(double[] cumulative) {
    double target = nextDouble() * cumulative[cumulative.length - 1];
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] > target) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  /** Fisher–Yates shuffle in place. */
  void shuffle(int[] values) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }

  static double[] cumulative(double... weights) {
    double[] sums = new double[weights.length];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      total += weights[i];
      sums[i] = total;
    }
    return sums;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

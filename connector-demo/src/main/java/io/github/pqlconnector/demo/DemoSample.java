package io.github.pqlconnector.demo;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/** Weighted sampling without replacement (Efraimidis–Spirakis keys), deterministic for a random stream. */
final class DemoSample {
  private DemoSample() {}

  /** Up to {@code k} distinct indices in [0, n), each more likely the larger its weight; weight 0 never. */
  static int[] weighted(int n, int k, IntToDoubleFunction weight, DemoRandom random) {
    double[] keys = new double[n];
    Integer[] order = new Integer[n];
    int eligible = 0;
    for (int i = 0; i < n; i++) {
      double w = weight.applyAsDouble(i);
      double r = random.nextDouble();
      keys[i] = w > 0 ? Math.log(1 - r) / w : Double.NEGATIVE_INFINITY;
      eligible += w > 0 ? 1 : 0;
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(keys[y], keys[x]));
    int taken = Math.min(k, eligible);
    int[] picked = new int[taken];
    for (int i = 0; i < taken; i++) {
      picked[i] = order[i];
    }
    return picked;
  }
}

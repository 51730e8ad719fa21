package io.github.pqlconnector.demo;

/**
 * The size of a generated demo dataset: how many accounts, users and event lines, over how many days before
 * "now", and the seed that makes it reproducible.
 */
public record DemoSpec(int accounts, int users, long events, int days, long seed) {

  public DemoSpec {
    if (accounts < 1 || users < 1) {
      throw new IllegalArgumentException("a demo needs at least one account and one user");
    }
    if (events < 0 || days < 1) {
      throw new IllegalArgumentException("events must be ≥ 0 and days ≥ 1");
    }
  }

  /**
   * What {@code pql demo} generates: big enough to look real, small enough to run in seconds, with seven months of
   * history so that weekly replays over half a year find PQLs and their deals.
   */
  public static DemoSpec demo() {
    return new DemoSpec(3_000, 25_000, 2_000_000, 210, 42);
  }

  /** What the end-to-end benchmark reads: ten million events. */
  public static DemoSpec benchmark() {
    return new DemoSpec(10_000, 100_000, 10_000_000, 60, 7);
  }
}

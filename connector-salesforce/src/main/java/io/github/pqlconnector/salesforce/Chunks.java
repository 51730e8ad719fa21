package io.github.pqlconnector.salesforce;

import java.util.ArrayList;
import java.util.List;

/** Consecutive slices of at most {@code size} elements. */
final class Chunks {
  private Chunks() {}

  static <T> List<List<T>> of(List<T> all, int size) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += size) {
      chunks.add(all.subList(from, Math.min(all.size(), from + size)));
    }
    return chunks;
  }
}

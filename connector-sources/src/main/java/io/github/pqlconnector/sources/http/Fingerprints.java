package io.github.pqlconnector.sources.http;

import java.util.Arrays;

/**
 * A set of 64-bit fingerprints (open addressing, 16 bytes per entry at most): dedupes records by a vendor's
 * insert id within one export request without keeping the ids themselves. Two different records share a
 * fingerprint with probability about n²/2⁶⁵ (10⁻⁶ at 6 million records).
 */
public final class Fingerprints {
  private long[] slots = new long[1 << 10];
  private int size;

  /** True the first time {@code fingerprint} is added. */
  public boolean add(long fingerprint) {
    long key = fingerprint == 0 ? 1 : fingerprint;   // 0 marks an empty slot
    int mask = slots.length - 1;
    int i = (int) mix(key) & mask;
    while (slots[i] != 0) {
      if (slots[i] == key) {
        return false;
      }
      i = (i + 1) & mask;
    }
    slots[i] = key;
    if (++size * 2 > slots.length) {
      grow();
    }
    return true;
  }

  public int size() {
    return size;
  }

  /** A 64-bit hash of several strings (FNV-1a per char, then mixed), null-safe. */
  public static long of(String... parts) {
    long hash = 0xcbf29ce484222325L;
    for (String part : parts) {
      String text = part == null ? "\u0000" : part;
      for (int i = 0; i < text.length(); i++) {
        hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
      }
      hash = (hash ^ 0x1f) * 0x100000001b3L;   // separator, so ("ab","c") differs from ("a","bc")
    }
    return mix(hash);
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    int mask = slots.length - 1;
    for (long key : old) {
      if (key != 0) {
        int i = (int) mix(key) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = key;
      }
    }
    Arrays.fill(old, 0);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}

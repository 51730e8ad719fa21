package io.github.pqlconnector.sources.file;

import java.util.Arrays;

/**
 * Interns event names straight from the parser's character buffer: one String per distinct name,
 * none allocated per event, and the engine's lookups by name hit a cached hash and compare by identity.
 * Not thread-safe.
 */
final class StringPool {
  private String[] table = new String[1 << 12];
  private int[] hashes = new int[1 << 12];
  private int size;

  String intern(char[] chars, int offset, int length) {
    int hash = 0;
    for (int i = offset; i < offset + length; i++) {
      hash = 31 * hash + chars[i];
    }
    int mask = table.length - 1;
    int index = mix(hash) & mask;
    while (table[index] != null) {
      if (hashes[index] == hash && sameChars(table[index], chars, offset, length)) {
        return table[index];
      }
      index = (index + 1) & mask;
    }
    String value = new String(chars, offset, length);
    table[index] = value;
    hashes[index] = hash;
    if (++size * 2 > table.length) {
      grow();
    }
    return value;
  }

  private static boolean sameChars(String value, char[] chars, int offset, int length) {
    if (value.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (value.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }

  private void grow() {
    String[] oldTable = table;
    int[] oldHashes = hashes;
    table = new String[oldTable.length * 2];
    hashes = new int[oldTable.length * 2];
    int mask = table.length - 1;
    for (int i = 0; i < oldTable.length; i++) {
      if (oldTable[i] != null) {
        int index = mix(oldHashes[i]) & mask;
        while (table[index] != null) {
          index = (index + 1) & mask;
        }
        table[index] = oldTable[i];
        hashes[index] = oldHashes[i];
      }
    }
    Arrays.fill(oldTable, null);
  }

  private static int mix(int hash) {
    return hash ^ (hash >>> 16);
  }
}

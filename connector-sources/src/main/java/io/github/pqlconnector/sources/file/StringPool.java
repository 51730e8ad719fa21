package io.github.pqlconnector.sources.file;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Interns event names and ids straight from the parser's buffer (Jackson's characters, or the line's ASCII bytes):
 * one String per distinct value, none allocated per event, and the engine's lookups hit a cached hash and compare
 * by identity. Both kinds of buffer hash alike (ASCII bytes are their chars), so a value interned from either is
 * the same String. Each ASCII entry also keeps its bytes, so a lookup from bytes is one vectorised comparison.
 * Not thread-safe.
 */
final class StringPool {
  private String[] table = new String[1 << 12];
  private byte @Nullable [][] keys = new byte[1 << 12][];
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
    boolean ascii = value.chars().allMatch(c -> c < 0x80);
    return add(index, hash, value, ascii ? value.getBytes(StandardCharsets.ISO_8859_1) : null);
  }

  /** The same for ASCII bytes (the caller has checked that every byte is below 0x80). */
  String intern(byte[] bytes, int offset, int length) {
    int hash = 0;
    for (int i = offset; i < offset + length; i++) {
      hash = 31 * hash + bytes[i];
    }
    int mask = table.length - 1;
    int index = mix(hash) & mask;
    while (table[index] != null) {
      byte[] key = keys[index];
      if (hashes[index] == hash && key != null && Arrays.equals(key, 0, key.length, bytes, offset, offset + length)) {
        return table[index];
      }
      index = (index + 1) & mask;
    }
    byte[] key = Arrays.copyOfRange(bytes, offset, offset + length);
    return add(index, hash, new String(key, StandardCharsets.ISO_8859_1), key);
  }

  private String add(int index, int hash, String value, byte @Nullable [] key) {
    table[index] = value;
    keys[index] = key;
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
    byte[][] oldKeys = keys;
    int[] oldHashes = hashes;
    table = new String[oldTable.length * 2];
    keys = new byte[oldTable.length * 2][];
    hashes = new int[oldTable.length * 2];
    int mask = table.length - 1;
    for (int i = 0; i < oldTable.length; i++) {
      if (oldTable[i] != null) {
        int index = mix(oldHashes[i]) & mask;
        while (table[index] != null) {
          index = (index + 1) & mask;
        }
        table[index] = oldTable[i];
        keys[index] = oldKeys[i];
        hashes[index] = oldHashes[i];
      }
    }
  }

  private static int mix(int hash) {
    return hash ^ (hash >>> 16);
  }
}

package io.github.pqlconnector.sources.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the warehouse loaders turn a property name into a column name, so a model can name {@code itemCount} and
 * the preset finds the {@code item_count} column. Segment: {@code segmentio/go-snakecase} (schema.md: "All schemas
 * convert collection and property names from CamelCase to snake_case"); RudderStack: {@code transformName} in
 * {@code rudder-transformer/src/warehouse/v1/util.js} (lodash snake case, a leading digit gets {@code _}).
 * Only ASCII letters and digits survive either rule.
 */
final class SnakeCase {
  /** lodash's ASCII words: an upper-case run not followed by lower case, a capitalised word, a digit run. */
  private static final Pattern LODASH_WORD = Pattern.compile("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+");

  private SnakeCase() {}

  /**
   * go-snakecase: a leading run of lower case, digits and single underscores stays as it is; after it, each word
   * is a run of upper case and digits followed by a run of lower case and digits, words joined by {@code _}.
   */
  static String segment(String name) {
    int kept = 0;
    while (kept < name.length() && keeps(name, kept)) {
      kept++;
    }
    if (kept == name.length()) {
      return name;
    }
    if (kept > 0 && isDigit(name.charAt(kept - 1))) {
      kept--;   // a digit before an upper-case letter starts the next word
    }
    StringBuilder out = new StringBuilder(name.substring(0, kept));
    int i = kept;
    while (i < name.length()) {
      if (!isAlphanumeric(name.charAt(i))) {
        i++;
        continue;
      }
      if (!out.isEmpty()) {
        out.append('_');
      }
      while (i < name.length() && (isUpper(name.charAt(i)) || isDigit(name.charAt(i)))) {
        out.append(Character.toLowerCase(name.charAt(i++)));
      }
      while (i < name.length() && (isLower(name.charAt(i)) || isDigit(name.charAt(i)))) {
        out.append(name.charAt(i++));
      }
    }
    return out.toString();
  }

  /** RudderStack: leading underscores kept, lodash words of the rest joined by {@code _}, a leading digit escaped. */
  static String rudderstack(String name) {
    int underscores = 0;
    while (underscores < name.length() && name.charAt(underscores) == '_') {
      underscores++;
    }
    List<String> words = new ArrayList<>();
    Matcher word = LODASH_WORD.matcher(name.substring(underscores));
    while (word.find()) {
      words.add(word.group().toLowerCase(Locale.ROOT));
    }
    String key = name.substring(0, underscores) + String.join("_", words);
    return !key.isEmpty() && isDigit(key.charAt(0)) ? "_" + key : key;
  }

  private static boolean keeps(String name, int i) {
    char c = name.charAt(i);
    if (isLower(c) || isDigit(c)) {
      return true;
    }
    return c == '_' && i + 1 < name.length() && (isLower(name.charAt(i + 1)) || isDigit(name.charAt(i + 1)));
  }

  private static boolean isAlphanumeric(char c) {
    return isLower(c) || isUpper(c) || isDigit(c);
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}

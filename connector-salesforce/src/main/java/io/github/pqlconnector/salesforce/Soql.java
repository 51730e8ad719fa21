package io.github.pqlconnector.salesforce;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * SOQL text: quoted literals (backslash escapes for {@code '} and {@code \}, plus {@code %} and {@code _} inside
 * {@code LIKE}) and statements split so that each URL-encoded query string stays under a length. Salesforce caps a
 * request's URI plus headers at 16,384 bytes (HTTP 414/431 beyond) and advises far shorter URIs; the default
 * {@link #MAX_ENCODED} leaves room for the host, path and headers.
 */
final class Soql {
  static final int MAX_ENCODED = 8_000;

  private Soql() {}

  static String literal(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** {@code 2026-11-03T10:15:30Z}: a dateTime literal, unquoted and to the second as SOQL's formats have it. */
  static String dateTime(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** {@code '%acme.com%'}: the value anywhere, its own wildcards escaped. */
  static String containsLiteral(String value) {
    String escaped = value.replace("\\", "\\\\").replace("'", "\\'").replace("%", "\\%").replace("_", "\\_");
    return "'%" + escaped + "%'";
  }

  /**
   * Statements {@code head + parts joined by joiner + tail}, as few as fit {@code maxEncoded} each; every part lands
   * in exactly one statement. A single part too long on its own still gets a statement (Salesforce will refuse it).
   */
  static List<String> chunked(String head, List<String> parts, String joiner, String tail, int maxEncoded) {
    List<String> statements = new ArrayList<>();
    int fixed = encodedLength(head) + encodedLength(tail);
    int joinLength = encodedLength(joiner);
    StringBuilder current = new StringBuilder();
    int length = fixed;
    for (String part : parts) {
      int partLength = encodedLength(part);
      if (current.length() > 0 && length + joinLength + partLength > maxEncoded) {
        statements.add(head + current + tail);
        current.setLength(0);
        length = fixed;
      }
      if (current.length() > 0) {
        current.append(joiner);
        length += joinLength;
      }
      current.append(part);
      length += partLength;
    }
    if (current.length() > 0) {
      statements.add(head + current + tail);
    }
    return statements;
  }

  /** The length of {@code q=<text>} as OkHttp sends it (spaces as %20, so count them as three characters). */
  static int encodedLength(String text) {
    String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8);
    return encoded.length() + 2 * (int) encoded.chars().filter(c -> c == '+').count();
  }
}

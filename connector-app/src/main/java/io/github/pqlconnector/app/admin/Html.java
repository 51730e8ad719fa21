package io.github.pqlconnector.app.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A page being written. Every value from outside (names, ids, reasons, messages) goes through {@link #text} or an
 * attribute helper and is escaped; only the console's own markup is appended raw, so nothing a source or a CRM
 * returns can become markup or script.
 */
final class Html {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);
  private final StringBuilder out = new StringBuilder(8192);

  static String escape(@Nullable Object value) {
    String text = value == null ? "" : value.toString();
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  static String time(@Nullable Instant at) {
    return at == null ? "–" : TIME.format(at);
  }

  static String duration(@Nullable Instant from, @Nullable Instant to) {
    if (from == null || to == null) {
      return "–";
    }
    Duration d = Duration.between(from, to);
    return d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s"
        : String.format("%.1f s", d.toMillis() / 1000.0);
  }

  /** Our own markup, appended as it is. */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  Html text(@Nullable Object value) {
    out.append(escape(value));
    return this;
  }

  /** {@code <tag>text</tag>} with the text escaped. */
  Html el(String tag, @Nullable Object value) {
    return raw("<" + tag + ">").text(value).raw("</" + tag.split(" ")[0] + ">");
  }

  Html link(String href, @Nullable Object label) {
    return raw("<a href=\"").text(href).raw("\">").text(label).raw("</a>");
  }

  /** A badge whose class is derived from the value (run status, PQL status), for colour and screen readers alike. */
  Html badge(@Nullable String value) {
    String v = value == null ? "none" : value;
    return raw("<span class=\"badge b-" + escape(v.toLowerCase(java.util.Locale.ROOT)) + "\">").text(v).raw("</span>");
  }

  /** A table row of escaped cells. */
  Html row(Object... cells) {
    raw("<tr>");
    for (Object cell : cells) {
      el("td", cell);
    }
    return raw("</tr>");
  }

  Html hidden(String name, @Nullable String value) {
    return raw("<input type=\"hidden\" name=\"").text(name).raw("\" value=\"").text(value).raw("\">");
  }

  /** A one-button POST form carrying the CSRF token. */
  Html button(String action, String csrf, String label, String cssClass, Map<String, String> fields) {
    raw("<form method=\"post\" class=\"inline\" action=\"").text(action).raw("\">");
    hidden(Access.CSRF_FIELD, csrf);
    fields.forEach(this::hidden);
    return raw("<button type=\"submit\" class=\"" + cssClass + "\">").text(label).raw("</button></form>");
  }

  /** A labelled text input. */
  Html input(String id, String label, @Nullable String value, String extra) {
    raw("<div class=\"field\"><label for=\"" + id + "\">").text(label).raw("</label>");
    return raw("<input id=\"" + id + "\" name=\"" + id + "\" value=\"").text(value).raw("\" " + extra + "></div>");
  }

  /** A labelled drop-down of values, the current one selected; "" is "any". */
  Html select(String id, String label, @Nullable String current, Iterable<String> values) {
    raw("<div class=\"field\"><label for=\"" + id + "\">").text(label).raw("</label><select id=\"" + id + "\" name=\""
        + id + "\">");
    raw("<option value=\"\">any</option>");
    for (String v : values) {
      raw("<option value=\"").text(v).raw(v.equals(current) ? "\" selected>" : "\">").text(v).raw("</option>");
    }
    return raw("</select></div>");
  }

  @Override
  public String toString() {
    return out.toString();
  }
}

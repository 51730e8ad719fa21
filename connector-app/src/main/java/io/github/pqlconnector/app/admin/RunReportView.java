package io.github.pqlconnector.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A run's report (rejected input with {@code file:line}, unmatched records, failures, what is still refused, the
 * destination's notes) as sections of tables. It is read as JSON so that reports written by older versions, with
 * fewer parts, show what they have.
 */
final class RunReportView {
  private static final Map<String, String> TITLES = Map.of(
      "rejectedSamples", "Rejected input (samples)",
      "unmatchedSamples", "Not found in the CRM (samples)",
      "noMatchKeySamples", "No match key (samples)",
      "failureSamples", "Failures (samples)",
      "stillFailing", "Still refused after this run",
      "destinationNotes", "Destination notes");
  private static final List<String> ORDER = List.of("rejectedSamples", "failureSamples", "stillFailing",
      "unmatchedSamples", "noMatchKeySamples", "destinationNotes");

  private RunReportView() {}

  static void render(Html page, @Nullable JsonNode report) {
    page.raw("<h2>Report</h2>");
    if (report == null || !report.isObject()) {
      page.raw("<p>This run has no report.</p>");
      return;
    }
    boolean any = false;
    for (String part : ORDER) {
      JsonNode items = report.path(part);
      if (items.isArray() && !items.isEmpty()) {
        page.raw("<h3>").text(TITLES.get(part)).raw("</h3>");
        section(page, items);
        any = true;
      }
    }
    if (!any) {
      page.raw("<p>Nothing was rejected, unmatched or refused.</p>");
    }
  }

  private static void section(Html page, JsonNode items) {
    if (!items.get(0).isObject()) {
      page.raw("<ul class=\"samples\">");
      items.forEach(item -> page.el("li", item.asText()));
      page.raw("</ul>");
      return;
    }
    List<String> columns = new ArrayList<>();
    items.get(0).fieldNames().forEachRemaining(columns::add);
    page.raw("<div class=\"scroll\"><table><thead><tr>");
    columns.forEach(c -> page.el("th scope=\"col\"", heading(c)));
    page.raw("</tr></thead><tbody>");
    for (JsonNode item : items) {
      page.raw("<tr>");
      for (Iterator<String> it = columns.iterator(); it.hasNext(); ) {
        JsonNode value = item.path(it.next());
        page.el("td", cell(value));
      }
      page.raw("</tr>");
    }
    page.raw("</tbody></table></div>");
  }

  /** {@code firstFailedAt} as "First failed at". */
  static String heading(String field) {
    String words = field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** A value as text; an instant as every page shows times. */
  static String cell(JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return "";
    }
    if (!value.isValueNode()) {
      return value.toString();
    }
    try {
      return value.isTextual() ? Html.time(Instant.parse(value.asText())) : value.asText();
    } catch (DateTimeParseException notAnInstant) {
      return value.asText();
    }
  }
}

package io.github.pqlconnector.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV of Bulk API 2.0 (RFC 4180, LF line endings): every value quoted, quotes doubled, so reasons with commas
 * and line breaks survive. Results come back in the same dialect with {@code sf__Id}, {@code sf__Created} or
 * {@code sf__Error} columns before the uploaded ones.
 */
final class BulkCsv {
  private BulkCsv() {}

  static String write(List<String> header, List<List<String>> rows) {
    StringBuilder csv = new StringBuilder();
    line(csv, header);
    rows.forEach(row -> line(csv, row));
    return csv.toString();
  }

  /** Each data row as column → value; an empty body (no header) is no rows. */
  static List<Map<String, String>> parse(String csv) {
    List<List<String>> lines = lines(csv);
    List<Map<String, String>> rows = new ArrayList<>();
    if (lines.isEmpty()) {
      return rows;
    }
    List<String> header = lines.get(0);
    for (List<String> line : lines.subList(1, lines.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), i < line.size() ? line.get(i) : "");
      }
      rows.add(row);
    }
    return rows;
  }

  private static void line(StringBuilder csv, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      csv.append(i == 0 ? "" : ",").append('"').append(values.get(i).replace("\"", "\"\"")).append('"');
    }
    csv.append('\n');
  }

  private static List<List<String>> lines(String csv) {
    List<List<String>> lines = new ArrayList<>();
    List<String> line = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        line.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
          i++;
        }
        line.add(field.toString());
        field.setLength(0);
        lines.add(line);
        line = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !line.isEmpty()) {
      line.add(field.toString());
      lines.add(line);
    }
    return lines;
  }
}

package io.github.pqlconnector.app.report;

import java.util.List;
import java.util.Locale;

/** A small vertical bar chart as inline SVG, labelled with its values: enough for a report, no library needed. */
final class SvgBars {
  private static final int HEIGHT = 160;
  private static final int BAR = 34;
  private static final int GAP = 10;
  private static final int LEFT = 50;   // room for the slanted labels, which run down to the left of their bar

  private SvgBars() {}

  static String chart(String title, List<String> labels, List<Double> values) {
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    int width = Math.max(200, LEFT + labels.size() * (BAR + GAP) + GAP);
    StringBuilder svg = new StringBuilder("<figure><figcaption>").append(ReportHtml.esc(title))
        .append("</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(width)
        .append("\" height=\"").append(HEIGHT + 80).append("\">");
    if (labels.isEmpty()) {
      svg.append("<text x=\"10\" y=\"40\" fill=\"#777\">no data</text>");
    }
    for (int i = 0; i < labels.size(); i++) {
      double value = values.get(i);
      int h = max <= 0 ? 0 : (int) Math.round(value / max * HEIGHT);
      int x = LEFT + i * (BAR + GAP);
      svg.append(String.format(Locale.US, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\">"
          + "<title>%s: %s</title></rect>", x, 20 + HEIGHT - h, BAR, h, ReportHtml.esc(labels.get(i)), number(value)));
      svg.append(String.format(Locale.US, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
          x + BAR / 2, 16 + HEIGHT - h, number(value)));
      svg.append(String.format(Locale.US, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\" "
          + "transform=\"rotate(-40 %d %d)\">%s</text>", x + BAR / 2, HEIGHT + 34, x + BAR / 2, HEIGHT + 34,
          ReportHtml.esc(labels.get(i))));
    }
    return svg.append("</svg></figure>").toString();
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.format(Locale.US, "%,d", (long) value)
        : String.format(Locale.US, "%.1f", value);
  }
}

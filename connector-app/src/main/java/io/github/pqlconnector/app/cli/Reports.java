package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.app.report.ReportHtml;
import io.github.pqlconnector.core.http.WireJson;
import io.github.pqlconnector.core.report.ConversionReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Where a report goes: text tables or JSON on standard output, and the HTML page when asked for. */
final class Reports {
  private Reports() {}

  static void write(PrintWriter out, ConversionReport report, boolean json, @Nullable Path html) throws IOException {
    if (json) {
      out.println(WireJson.create().writerWithDefaultPrettyPrinter().writeValueAsString(report));
    } else {
      ReportText.print(out, report);
    }
    if (html != null) {
      Files.writeString(html, ReportHtml.page(report), StandardCharsets.UTF_8);
      if (!json) {
        out.println("\nwrote " + html);
      }
    }
  }
}

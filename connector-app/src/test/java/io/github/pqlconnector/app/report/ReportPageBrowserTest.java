package io.github.pqlconnector.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.app.browser.Chromium;
import io.github.pqlconnector.core.report.ConversionReport;
import io.github.pqlconnector.core.report.ConversionReport.Funnel;
import io.github.pqlconnector.core.report.ConversionReport.LevelReport;
import io.github.pqlconnector.core.report.ConversionReport.TierRow;
import io.github.pqlconnector.core.report.ConversionReport.TypeRow;
import io.github.pqlconnector.core.report.ConversionReport.WeekRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The HTML report opened in headless Chromium, as a RevOps engineer opens the file: tables and four charts a level. */
class ReportPageBrowserTest {
  @TempDir Path dir;

  @Test
  void thePageRendersTheTablesAndEveryChartWithoutTheNetwork() throws IOException {
    Path page = dir.resolve("report.html");
    Files.writeString(page, ReportHtml.page(sample()));
    ChromeDriver browser = Chromium.start();
    try {
      browser.get(page.toUri().toString());

      assertThat(browser.getTitle()).isEqualTo("PQL conversion report: product-to-hubspot");
      List<WebElement> rows = browser.findElements(By.cssSelector("table.tiers tr"));
      assertThat(rows).hasSize(6);
      assertThat(rows.get(1).getText()).isEqualTo("pql 120 36 10 30.0 % 14.5");
      assertThat(rows.get(3).getText()).isEqualTo("cold 2,000 80 100 4.0 % 33.0");
      assertThat(browser.findElements(By.cssSelector("table.types tr"))).extracting(WebElement::getText)
          .containsExactly("pql by signal type entered converted rate", "usage 80 28 35.0 %", "hand_raiser 40 8 20.0 %");
      assertThat(browser.findElement(By.className("lift")).getText()).isEqualTo("Lift of pql over the rest: 6.0×");
      assertThat(browser.findElements(By.tagName("figure"))).extracting(WebElement::getText)
          .allSatisfy(text -> assertThat(text).isNotBlank()).hasSize(4);
      assertThat(browser.findElements(By.cssSelector("figure svg rect.bar"))).hasSize(4 + 4 + 2 + 11);
      WebElement tallest = browser.findElements(By.cssSelector("figure svg rect.bar")).get(0);
      assertThat(Integer.parseInt(tallest.getAttribute("height"))).as("pql converts best: the full height")
          .isEqualTo(160);
      Path shot = Path.of("target", "report-page.png");
      Files.createDirectories(shot.getParent());
      Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
    } finally {
      browser.quit();
    }
  }

  private static ConversionReport sample() {
    List<TierRow> tiers = List.of(new TierRow("pql", 120, 36, 10, 0.30, 14.5), new TierRow("warm", 300, 30, 20, 0.10,
        21.0), new TierRow("cold", 2000, 80, 100, 0.04, 33.0), new TierRow("not_fit", 500, 5, 20, 0.01, 40.0));
    LevelReport users = new LevelReport("user", tiers, 6.0, new TierRow("rest", 2800, 140, 140, 0.05, 30.0),
        List.of(new TypeRow("usage", 80, 28, 0.35), new TypeRow("hand_raiser", 40, 8, 0.2)),
        new Funnel(2920, 900, 120, 176), List.of(new WeekRow(LocalDate.parse("2026-11-16"), 50),
            new WeekRow(LocalDate.parse("2026-11-23"), 70)), List.of(900, 700, 500, 300, 200, 100, 80, 60, 40, 30, 10));
    return new ConversionReport("product-to-hubspot", "verdict history", Instant.parse("2026-09-02T00:00:00Z"),
        Instant.parse("2026-11-30T12:00:00Z"), 90, List.of(users));
  }
}

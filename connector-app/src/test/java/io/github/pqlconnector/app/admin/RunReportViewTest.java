package io.github.pqlconnector.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RunReportViewTest {
  @Test
  void fieldNamesReadAsWordsAndInstantsAsEveryPageShowsTimes() throws Exception {
    Html page = new Html();
    RunReportView.render(page, new ObjectMapper().readTree("""
        {"rejectedSamples": ["events.jsonl:7: not JSON"],
         "stillFailing": [{"entity": "user:u3", "firstFailedAt": "2026-12-04T18:23:29.475467Z", "attempts": 1,
                           "lastError": "<b>VALIDATION_ERROR</b>"}]}"""));
    String html = page.toString();
    assertThat(html).contains("<h3>Rejected input (samples)</h3>").contains("<li>events.jsonl:7: not JSON</li>")
        .contains("<th scope=\"col\">First failed at</th>").contains("<th scope=\"col\">Last error</th>")
        .contains("<td>2026-12-04 18:23:29 UTC</td>").contains("<td>1</td>")
        .contains("&lt;b&gt;VALIDATION_ERROR&lt;/b&gt;").doesNotContain("<b>");
  }

  @Test
  void aRunWithoutReportSaysSo() {
    Html page = new Html();
    RunReportView.render(page, null);
    assertThat(page.toString()).contains("This run has no report.");
  }
}

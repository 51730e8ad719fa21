package io.github.pqlconnector.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

class CallFailuresTest {
  private static final ObjectReader MAP_READER = WireJson.create().readerFor(Map.class);
  private static final MediaType JSON = MediaType.get("application/json");

  @Test
  void theMessageNamesOperationStatusCategoryAndCodeAndLeavesOutAMissingCode() {
    assertThat(CallFailures.message("CrmApi.batch", 503, ErrorCategory.RATE_LIMITED, "QUERY_LIMIT_EXCEEDED",
        "Too many requests")).isEqualTo("CrmApi.batch: HTTP 503 RATE_LIMITED QUERY_LIMIT_EXCEEDED: Too many requests");
    assertThat(CallFailures.message("CrmApi.batch", 401, ErrorCategory.AUTH, null, "expired"))
        .isEqualTo("CrmApi.batch: HTTP 401 AUTH: expired");
    assertThat(CallFailures.message("CrmApi.batch", 401, ErrorCategory.AUTH, "", "expired"))
        .isEqualTo("CrmApi.batch: HTTP 401 AUTH: expired");
  }

  @Test
  void noResponseIsTransientWithoutStatusAndSaysWhatHappenedInWords() {
    VendorException timeout = CallFailures.noResponse("crm", "CrmApi.read", new SocketTimeoutException("timeout"));
    assertThat(timeout.category()).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(timeout.httpStatus()).isZero();
    assertThat(timeout.getMessage())
        .isEqualTo("crm: CrmApi.read: TRANSIENT: no response in time (SocketTimeoutException)");
    assertThat(CallFailures.describe(new ConnectException("Failed to connect to host/10.0.0.1:443")))
        .isEqualTo("connection failed (ConnectException: Failed to connect to host/10.0.0.1:443)");
  }

  @Test
  void aBodyThatIsNotJsonIsDescribedByItsPositionNeverByAnExcerpt() {
    IOException notJson = new JsonParseException(null, "Unexpected character ('<' (code 60)): secret-ish body");
    assertThat(CallFailures.describe(notJson)).startsWith("response body is not the expected JSON (JsonParseException")
        .doesNotContain("secret-ish");
  }

  @Test
  void noResponsePassesItsMessageThroughTheRedactor() {
    VendorException e = CallFailures.noResponse("crm", "CrmApi.read",
        new ConnectException("Failed to connect to /rest/1/s3cr3t/"), m -> m.replace("s3cr3t", "***"));
    assertThat(e.getMessage()).contains("/rest/1/***/").doesNotContain("s3cr3t");
  }

  @Test
  void anErrorBodyThatIsMissingEmptyOrNotJsonReadsAsTheEmptyValue() {
    Map<?, ?> empty = Map.of();
    assertThat(CallFailures.readBody(null, MAP_READER, empty)).isSameAs(empty);
    assertThat(CallFailures.readBody(ResponseBody.create("", JSON), MAP_READER, empty)).isSameAs(empty);
    assertThat(CallFailures.readBody(ResponseBody.create("<html>502</html>", JSON), MAP_READER, empty)).isSameAs(empty);
    assertThat(CallFailures.readBody(ResponseBody.create("{\"error\":\"x\"}", JSON), MAP_READER, empty))
        .isEqualTo(Map.of("error", "x"));
  }

  @Test
  void bodyTextIsEmptyWhenThereIsNoBody() {
    assertThat(CallFailures.bodyText(null)).isEmpty();
    assertThat(CallFailures.bodyText(ResponseBody.create("plain text", JSON))).isEqualTo("plain text");
  }
}

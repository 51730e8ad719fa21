package io.github.pqlconnector.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.CODE;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.fixture;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.json;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.path;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.userUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.MatchKey;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The webhook code never reaches a log line (HTTP logging at DEBUG), an exception message or a fixture. */
@WireMockTest
class Bitrix24SecretsContractTest {
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final List<String> messages = new ArrayList<>();
  private final Bitrix24Stubs.FakeTime time = new Bitrix24Stubs.FakeTime();
  private Level previous;

  @BeforeEach
  void captureEverything() {
    previous = root.getLevel();
    root.setLevel(Level.DEBUG);
    captured.start();
    root.addAppender(captured);
  }

  @AfterEach
  void restore() {
    root.detachAppender(captured);
    root.setLevel(previous);
  }

  @Test
  void theWebhookCodeIsInNoLogLineAndNoExceptionMessage(WireMockRuntimeInfo wireMock) {
    Bitrix24Destination destination = Bitrix24Stubs.destination(Bitrix24Stubs.config(wireMock, false, null), time);
    stubFor(post(urlEqualTo(path("crm.item.list"))).willReturn(json(401, fixture("errors/401-no-auth-found.json"))));
    stubFor(post(urlEqualTo(path("batch"))).withRequestBody(containing("findbycomm"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    stubFor(post(urlEqualTo(path("batch"))).withRequestBody(containing("userfield.list"))
        .willReturn(json(200, "{\"result\": not json")));

    messages.add(destination.check().message());
    attempt(() -> destination.match(EntityLevel.USER, List.of(new MatchKey("email", "ana@example.com"))));
    attempt(() -> destination.upsert(EntityLevel.USER, List.of(userUpdate("ana@example.com", "501"))));
    attempt(() -> destination.match(EntityLevel.ACCOUNT, List.of(new MatchKey("domain", "acme.example"))));
    Bitrix24Destination unreachable = Bitrix24Stubs.destination(new Bitrix24Config(
        new Secret("http://127.0.0.1:1/rest/1/" + CODE + "/"), null, null, null, null, false, null, null), time);
    messages.add(unreachable.check().message());

    List<String> lines = captured.list.stream().map(Bitrix24SecretsContractTest::render).toList();
    assertThat(lines).anyMatch(line -> line.contains("--> POST") && line.contains("/rest/1/██/batch"))
        .anyMatch(line -> line.contains("<-- 401"));
    assertThat(lines).noneMatch(line -> line.contains(CODE));
    assertThat(messages).hasSize(5).allSatisfy(m -> assertThat(m).isNotBlank().doesNotContain(CODE));
  }

  @Test
  void noFixtureHoldsTheCodeOrAWebhookShapedUrl() throws IOException, URISyntaxException {
    Path fixtures = Path.of(Bitrix24SecretsContractTest.class.getResource("/bitrix24").toURI());
    try (Stream<Path> files = Files.walk(fixtures)) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      assertThat(all).hasSizeGreaterThan(30);
      for (Path file : all) {
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString()).doesNotContain(CODE)
            .doesNotContainPattern("/rest/\\d+/[A-Za-z0-9]{8,}");
      }
    }
  }

  private void attempt(Runnable call) {
    try {
      call.run();
      messages.add("no failure");
    } catch (RuntimeException e) {
      messages.add(e.getMessage());
      captured.list.add(new ch.qos.logback.classic.spi.LoggingEvent("test", root, Level.ERROR, "failed", e, null));
    }
  }

  private static String render(ILoggingEvent event) {
    String thrown = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
    return event.getFormattedMessage() + " " + thrown;
  }
}

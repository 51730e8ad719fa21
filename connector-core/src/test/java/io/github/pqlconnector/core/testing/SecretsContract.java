package io.github.pqlconnector.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What every CRM module promises about its secrets: with all logging at DEBUG (HTTP logging included), none
 * reaches a log line, a stack trace or an exception message, and no fixture holds one. A module's test extends
 * this and gives its secrets, calls that fail in every way its vendor can (each through {@link #attempt}), and
 * what its log must show, so that "no secret in the log" is never said of an empty log.
 */
@WireMockTest
public abstract class SecretsContract {
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  /** What a person may read: one per attempt (its exception's message, or "no failure"), and check() messages. */
  protected final List<String> messages = new ArrayList<>();
  /** The exceptions the attempts threw. */
  protected final List<RuntimeException> failures = new ArrayList<>();
  private Level previous;

  /** A call to the vendor that is expected to fail. */
  @FunctionalInterface
  protected interface Call {
    void run();
  }

  /** Stubs the vendor to fail in every way it can and makes the calls, each through {@link #attempt}. */
  protected abstract void failInEveryWay(WireMockRuntimeInfo wireMock) throws Exception;

  /** The secrets in play; asked after {@link #failInEveryWay}, which may make some (a generated key). */
  protected abstract List<String> secrets();

  /** The module's own checks on what was logged and said, such as the HTTP lines its calls must leave. */
  protected abstract void assertWhatWasLoggedAndSaid(List<String> lines);

  /** Where the module's fixtures are and what none of them may hold. */
  protected abstract Fixtures fixtures();

  /**
   * The fixtures: the classpath {@code folder} holding them ({@code /hubspot}), more than {@code moreThan} of them
   * (fewer means it was not the folder meant), and what none may hold: secrets a fixture could carry, the shapes
   * of any secret.
   */
  public record Fixtures(String folder, int moreThan, List<Pattern> mustNotHold) {}

  @BeforeEach
  void captureEverything() {
    previous = root.getLevel();
    root.setLevel(Level.DEBUG);
    captured.start();
    root.addAppender(captured);
  }

  @AfterEach
  void restoreLogging() {
    root.detachAppender(captured);
    root.setLevel(previous);
  }

  @Test
  void noSecretReachesALogLineAStackTraceOrAnExceptionMessage(WireMockRuntimeInfo wireMock) throws Exception {
    failInEveryWay(wireMock);
    List<String> lines = captured.list.stream().map(SecretsContract::render).toList();
    assertWhatWasLoggedAndSaid(lines);
    for (String secret : secrets()) {
      assertThat(lines).as(secret).noneMatch(line -> line.contains(secret));
      assertThat(messages).as(secret).noneMatch(message -> message != null && message.contains(secret));
    }
  }

  @Test
  void noFixtureHoldsASecret() throws Exception {
    Fixtures fixtures = fixtures();
    try (Stream<Path> files = Files.walk(Path.of(getClass().getResource(fixtures.folder()).toURI()))) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      assertThat(all).hasSizeGreaterThan(fixtures.moreThan());
      for (Path file : all) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        fixtures.mustNotHold().forEach(secret -> assertThat(text).as(file.toString()).doesNotContainPattern(secret));
      }
    }
  }

  /** Runs a call; what it throws is kept, said in {@link #messages} and logged with its stack trace. */
  protected final void attempt(Call call) {
    try {
      call.run();
      messages.add("no failure");
    } catch (RuntimeException e) {
      failures.add(e);
      messages.add(e.getMessage());
      captured.list.add(new LoggingEvent("test", root, Level.ERROR, "failed", e, null));
    }
  }

  /** A fixture pattern matching {@code text} as it is. */
  protected static Pattern literally(String text) {
    return Pattern.compile(Pattern.quote(text));
  }

  /** The text and MDC of a log event, and its stack trace: where a secret could hide. */
  private static String render(ILoggingEvent event) {
    String thrown = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
    return event.getFormattedMessage() + " " + event.getMDCPropertyMap() + " " + thrown;
  }
}

package io.github.pqlconnector.app.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * {@code --log-format json}: stderr gets one JSON object per log line (Logback's {@link JsonEncoder}: {@code
 * timestamp} in epoch milliseconds, {@code level}, {@code threadName}, {@code loggerName}, {@code mdc} with {@code
 * sync} and {@code run}, {@code formattedMessage}, {@code throwable}), for log shippers.
 */
enum LogFormat {
  text, json;

  /** The encoder {@code json} replaced, put back by {@code text} (tests run both in one process). */
  private static Encoder<ILoggingEvent> replaced;

  synchronized void apply() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ConsoleAppender<ILoggingEvent> console = console(context.getLogger(Logger.ROOT_LOGGER_NAME));
    if (console == null) {
      return;
    }
    if (this == json && replaced == null) {
      replaced = console.getEncoder();
      swap(console, json(context));
    } else if (this == text && replaced != null) {
      swap(console, replaced);
      replaced = null;
    }
  }

  private static @Nullable ConsoleAppender<ILoggingEvent> console(Logger root) {
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof ConsoleAppender<ILoggingEvent> console) {
        return console;
      }
    }
    return null;
  }

  private static void swap(ConsoleAppender<ILoggingEvent> console, Encoder<ILoggingEvent> encoder) {
    console.stop();
    console.setEncoder(encoder);
    console.start();
  }

  private static JsonEncoder json(LoggerContext context) {
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithFormattedMessage(true);   // the line as a person reads it, not its template and arguments
    encoder.setWithMessage(false);
    encoder.setWithArguments(false);
    encoder.setWithContext(false);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.start();
    return encoder;
  }
}

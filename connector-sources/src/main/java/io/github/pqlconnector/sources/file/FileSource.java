package io.github.pqlconnector.sources.file;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.SourceException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.core.spi.ReadResult;
import io.github.pqlconnector.core.spi.TraitsSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads events from a JSON Lines file and traits from CSV/JSON Lines files. The whole file is read on every
 * run (no cursor), streaming: memory grows with entities, never with events. Malformed lines are rejected
 * with {@code file:line} and the read goes on.
 */
final class FileSource implements AnalyticsSource {
  private final FileSourceConfig config;

  FileSource(FileSourceConfig config) {
    this.config = config;
  }

  @Override
  public CheckResult check() {
    for (String file : new String[] {config.events(), config.users(), config.accounts()}) {
      if (file != null && !Files.isReadable(Path.of(file))) {
        return new CheckResult(CheckResult.Status.INVALID, "cannot read " + file);
      }
    }
    return CheckResult.ok("files are readable");
  }

  @Override
  public ReadResult readEvents(ReadRequest request, EventSink sink) {
    if (config.events() == null) {
      return new ReadResult(null, 0);
    }
    Path file = Path.of(config.events());
    long count = 0;
    TimestampRange range = TimestampRange.endingAt(request.to());
    try (BackgroundParser parser = new BackgroundParser(Inputs.open(file),
        () -> new EventLineParser(request.properties(), range), file.getFileName().toString())) {
      parser.start();
      for (BackgroundParser.Batch batch = parser.next(); batch != null; batch = parser.next()) {
        batch.rejected().forEach(r -> sink.reject(r[0], r[1]));
        batch.events().forEach(sink::accept);
        count += batch.events().size();
        if (batch.failure() != null) {
          throw readerFailure(file, batch.failure());
        }
      }
    } catch (NoSuchFileException e) {
      throw new SourceException(ErrorCategory.NOT_FOUND, "events file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new SourceException(ErrorCategory.TRANSIENT, "cannot read events file " + file + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException(ErrorCategory.TRANSIENT, "reading " + file + " was interrupted", e);
    }
    return new ReadResult(null, count);
  }

  /** An I/O error is the file's; anything else that stopped the reader (memory, a bug) fails the run with its cause. */
  private static IOException readerFailure(Path file, Throwable failure) {
    if (failure instanceof IOException io) {
      return io;
    }
    String what = failure instanceof OutOfMemoryError ? "ran out of memory (raise -Xmx)" : failure.toString();
    throw new IllegalStateException("reading events file " + file + " failed: " + what, failure);
  }

  @Override
  public void readTraits(EntityLevel level, TraitsSink sink) {
    String file = level == EntityLevel.USER ? config.users() : config.accounts();
    if (file == null) {
      return;
    }
    try {
      TraitsFileReader.read(Path.of(file), level, sink);
    } catch (NoSuchFileException e) {
      throw new SourceException(ErrorCategory.NOT_FOUND, level.id() + " traits file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new SourceException(ErrorCategory.TRANSIENT, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {}
}

package io.github.pqlconnector.core.testing;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.SourceException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.core.spi.ReadResult;
import io.github.pqlconnector.core.spi.TraitsSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link JsonLinesSource} behaving as an incremental source: it says {@code incremental() == true} and hands
 * over exactly the events whose time is in the request's [from, to), refusing a {@code from} that is not on a
 * UTC day boundary. A test can make the next read fail after some events, as a source dying mid-export would.
 */
public final class IncrementalJsonLinesSource implements AnalyticsSource {
  /** Shared between the test and the sources a provider creates: requests seen, a failure to inject. */
  public static final class Control {
    public final List<ReadRequest> requests = new ArrayList<>();
    /** When ≥ 0, the next read throws a {@link SourceException} after handing over this many events. */
    public int failNextReadAfter = -1;
  }

  private final JsonLinesSource files;
  private final Duration lateData;
  private final Control control;

  public IncrementalJsonLinesSource(Path directory, Duration lateData, Control control) {
    this.files = new JsonLinesSource(directory);
    this.lateData = lateData;
    this.control = control;
  }

  public IncrementalJsonLinesSource(Path directory, Duration lateData) {
    this(directory, lateData, new Control());
  }

  @Override
  public boolean incremental() {
    return true;
  }

  @Override
  public Duration lateDataWindow() {
    return lateData;
  }

  @Override
  public CheckResult check() {
    return CheckResult.ok("incremental test source");
  }

  @Override
  public ReadResult readEvents(ReadRequest request, EventSink sink) {
    if (request.from().toEpochMilli() % Duration.ofDays(1).toMillis() != 0) {
      throw new IllegalArgumentException("from is not on a UTC day boundary: " + request.from());
    }
    control.requests.add(request);
    int failAfter = control.failNextReadAfter;
    control.failNextReadAfter = -1;
    List<Event> inRange = new ArrayList<>();
    files.readEvents(request, new EventSink() {
      @Override
      public void accept(Event event) {
        if (event.timestampMillis() >= request.from().toEpochMilli()
            && event.timestampMillis() < request.to().toEpochMilli()) {
          inRange.add(event);
        }
      }

      @Override
      public void reject(String location, String problem) {
        sink.reject(location, problem);
      }
    });
    // Handed over outside the file loop, which would take a failure for a bad line.
    for (int i = 0; i < inRange.size(); i++) {
      if (i == failAfter) {
        throw new SourceException(ErrorCategory.TRANSIENT, "test source: connection reset mid-export");
      }
      sink.accept(inRange.get(i));
    }
    return new ReadResult(null, inRange.size());
  }

  @Override
  public void readTraits(EntityLevel level, TraitsSink sink) {
    files.readTraits(level, sink);
  }

  @Override
  public void close() {}
}

package io.github.pqlconnector.sources.http;

import io.github.pqlconnector.core.spi.AnalyticsSource;
import java.time.Duration;

/**
 * What every HTTP analytics source is: incremental (exactly the events of the request's [from, to), re-read over
 * its configured late-data window), on the process's HTTP pool (nothing of its own to release on close).
 */
public abstract class HttpSource implements AnalyticsSource {
  private final Duration lateData;

  protected HttpSource(Duration lateData) {
    this.lateData = lateData;
  }

  @Override
  public final boolean incremental() {
    return true;
  }

  @Override
  public final Duration lateDataWindow() {
    return lateData;
  }

  @Override
  public void close() {}
}

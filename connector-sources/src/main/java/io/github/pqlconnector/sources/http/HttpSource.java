package io.github.pqlconnector.sources.http;

import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import java.time.Duration;

/**
 * What every HTTP analytics source is: incremental (exactly the events of the request's [from, to), re-read over
 * its configured late-data window) and the owner of its own {@link HttpClients} root, shut down on close.
 */
public abstract class HttpSource implements AnalyticsSource {
  private final HttpClients http;
  private final Duration lateData;

  protected HttpSource(HttpClients http, Duration lateData) {
    this.http = http;
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
  public void close() {
    http.shutdown();
  }
}

package io.github.pqlconnector.core.report;

import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.spi.EventSink;
import java.util.List;

/** One read of the source into several sinks (a champion's and a challenger's day partials); rejects counted once. */
final class TeeSink implements EventSink {
  private final List<? extends EventSink> sinks;

  TeeSink(List<? extends EventSink> sinks) {
    this.sinks = List.copyOf(sinks);
  }

  @Override
  public void accept(Event event) {
    for (EventSink sink : sinks) {
      sink.accept(event);
    }
  }

  @Override
  public void reject(String location, String problem) {
    sinks.get(0).reject(location, problem);
  }
}

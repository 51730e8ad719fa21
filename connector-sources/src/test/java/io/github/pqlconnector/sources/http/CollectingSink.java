package io.github.pqlconnector.sources.http;

import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.core.spi.TraitsSink;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a source hands over, for assertions. */
public final class CollectingSink implements EventSink, TraitsSink {
  public final List<Event> events = new ArrayList<>();
  public final List<Traits> traits = new ArrayList<>();
  public final List<String> rejects = new ArrayList<>();

  @Override
  public void accept(Event event) {
    events.add(event);
  }

  @Override
  public void accept(Traits t) {
    traits.add(t);
  }

  @Override
  public void reject(String location, String problem) {
    rejects.add(location + ": " + problem);
  }
}

package io.github.pqlconnector.sources.jdbc;

import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.core.spi.TraitsSink;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a source sent: events, traits and rejections ({@code location: problem}). */
final class Recorded implements EventSink, TraitsSink {
  final List<Event> events = new ArrayList<>();
  final List<Traits> traits = new ArrayList<>();
  final List<String> rejected = new ArrayList<>();

  @Override
  public void accept(Event event) {
    events.add(event);
  }

  @Override
  public void accept(Traits traits) {
    this.traits.add(traits);
  }

  @Override
  public void reject(String location, String problem) {
    rejected.add(location + ": " + problem);
  }
}

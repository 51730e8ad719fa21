package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.EntityMetrics;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.core.spi.MetricPushdown;
import io.github.pqlconnector.core.spi.PushdownRequest;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.core.spi.ReadResult;
import io.github.pqlconnector.core.spi.TraitsSink;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A sync's source whose traits come from several sources in priority order (a sync's {@code traits:}): each trait of
 * an entity is taken from the first source that has a value for it, so a firmographics table can fill in what the
 * product analytics lack. Events, pushdown and cursors are the event source's. {@link #origins} says where each of an
 * entity's traits came from, for {@code pql explain}.
 */
public final class LayeredTraits implements AnalyticsSource, MetricPushdown {
  /** One source of traits and its name in the config. */
  public record Provider(String name, AnalyticsSource source) {}

  private final AnalyticsSource events;
  private final List<Provider> providers;

  /** {@code providers} in priority order; closes those that are not {@code events} with it. */
  public LayeredTraits(AnalyticsSource events, List<Provider> providers) {
    this.events = events;
    this.providers = List.copyOf(providers);
  }

  /**
   * A provider that finds records by the other providers' traits (the CRM: an entity's email or domain is its match
   * key), so it reads after them and is given what they had.
   */
  interface MatchingProvider {
    void readTraits(EntityLevel level, TraitsSink sink, MergedTraits known);
  }

  @Override
  public void readTraits(EntityLevel level, TraitsSink sink) {
    MergedTraits traits = new MergedTraits(providers.size());
    for (int i = 0; i < providers.size(); i++) {
      if (!(providers.get(i).source() instanceof MatchingProvider)) {
        traits.set(i, read(providers.get(i).source(), level, sink, null));
      }
    }
    for (int i = 0; i < providers.size(); i++) {
      if (providers.get(i).source() instanceof MatchingProvider) {
        traits.set(i, read(providers.get(i).source(), level, sink, traits));
      }
    }
    traits.forEach((id, values) -> sink.accept(new Traits(new EntityRef(level, id), values)));
  }

  private static Map<String, Map<String, String>> read(AnalyticsSource source, EntityLevel level, TraitsSink sink,
      @Nullable MergedTraits known) {
    Map<String, Map<String, String>> values = new LinkedHashMap<>();
    TraitsSink collect = new TraitsSink() {
      @Override
      public void accept(Traits traits) {
        values.computeIfAbsent(traits.entity().id(), id -> new HashMap<>()).putAll(nonBlank(traits.values()));
      }

      @Override
      public void reject(String location, String problem) {
        sink.reject(location, problem);
      }
    };
    if (known == null) {
      source.readTraits(level, collect);
    } else {
      ((MatchingProvider) source).readTraits(level, collect, known);
    }
    return values;
  }

  /** The name of the provider each of {@code entity}'s traits came from, by trait. */
  public Map<String, String> origins(EntityRef entity) {
    Map<String, String> origins = new LinkedHashMap<>();
    for (int i = providers.size() - 1; i >= 0; i--) {
      String name = providers.get(i).name();
      providers.get(i).source().readTraits(entity.level(), new TraitsSink() {
        @Override
        public void accept(Traits traits) {
          if (traits.entity().id().equals(entity.id())) {
            nonBlank(traits.values()).keySet().forEach(trait -> origins.put(trait, name));
          }
        }

        @Override
        public void reject(String location, String problem) {}
      });
    }
    return origins;
  }

  /** A blank cell is no value: it must not hide a lower provider's. */
  private static Map<String, String> nonBlank(Map<String, String> values) {
    Map<String, String> kept = new HashMap<>();
    values.forEach((k, v) -> {
      if (v != null && !v.isBlank()) {
        kept.put(k, v);
      }
    });
    return kept;
  }

  @Override
  public CheckResult check() {
    for (Provider provider : providers) {
      if (provider.source() != events) {
        CheckResult result = provider.source().check();
        if (!result.isOk()) {
          return result;
        }
      }
    }
    return events.check();
  }

  @Override
  public ReadResult readEvents(ReadRequest request, EventSink sink) {
    return events.readEvents(request, sink);
  }

  @Override
  public boolean incremental() {
    return events.incremental();
  }

  @Override
  public Duration lateDataWindow() {
    return events.lateDataWindow();
  }

  @Override
  public boolean pushdownEnabled() {
    return events instanceof MetricPushdown pushdown && pushdown.pushdownEnabled();
  }

  @Override
  public void aggregate(PushdownRequest request, Consumer<EntityMetrics> sink) {
    ((MetricPushdown) events).aggregate(request, sink);
  }

  @Override
  public void close() {
    providers.stream().map(Provider::source).filter(s -> s != events).forEach(AnalyticsSource::close);
    events.close();
  }
}

package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.core.spi.ReadResult;
import io.github.pqlconnector.core.spi.TraitsSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Traits from several sources: each trait from the first source that has a value for it. */
class LayeredTraitsTest {
  private final TraitsOnly product = new TraitsOnly(Map.of("a1", Map.of("domain", "acme.io", "employees", "")));
  private final TraitsOnly firmo = new TraitsOnly(Map.of(
      "a1", Map.of("employees", "120", "country", "DE", "domain", "acme.com"),
      "a2", Map.of("employees", "8")));

  @Test
  void eachTraitComesFromTheFirstSourceThatHasAValue() {
    LayeredTraits layered = new LayeredTraits(product, List.of(new LayeredTraits.Provider("product", product),
        new LayeredTraits.Provider("firmo", firmo)));

    Map<String, Map<String, String>> read = read(layered);

    assertThat(read.get("a1")).as("the blank employees of product does not hide firmo's")
        .containsExactlyInAnyOrderEntriesOf(Map.of("domain", "acme.io", "employees", "120", "country", "DE"));
    assertThat(read.get("a2")).containsExactlyEntriesOf(Map.of("employees", "8"));
    assertThat(layered.origins(new EntityRef(EntityLevel.ACCOUNT, "a1")))
        .containsExactlyInAnyOrderEntriesOf(Map.of("domain", "product", "employees", "firmo", "country", "firmo"));
  }

  @Test
  void eventsComeFromTheEventSourceAndEveryOtherSourceIsClosedWithIt() {
    LayeredTraits layered = new LayeredTraits(product, List.of(new LayeredTraits.Provider("firmo", firmo),
        new LayeredTraits.Provider("product", product)));

    assertThat(layered.readEvents(new ReadRequest(null, null, null, java.util.Set.of()), null).eventsRead())
        .isEqualTo(7);
    assertThat(layered.pushdownEnabled()).isFalse();
    layered.close();
    assertThat(product.closed).isEqualTo(1);
    assertThat(firmo.closed).isEqualTo(1);
  }

  private static Map<String, Map<String, String>> read(AnalyticsSource source) {
    Map<String, Map<String, String>> read = new HashMap<>();
    source.readTraits(EntityLevel.ACCOUNT, new TraitsSink() {
      @Override
      public void accept(Traits traits) {
        read.put(traits.entity().id(), traits.values());
      }

      @Override
      public void reject(String location, String problem) {}
    });
    return read;
  }

  /** A source of account traits that says it read 7 events. */
  private static final class TraitsOnly implements AnalyticsSource {
    final Map<String, Map<String, String>> accounts;
    int closed;

    TraitsOnly(Map<String, Map<String, String>> accounts) {
      this.accounts = accounts;
    }

    @Override
    public CheckResult check() {
      return CheckResult.ok("ok");
    }

    @Override
    public ReadResult readEvents(ReadRequest request, EventSink sink) {
      return new ReadResult(null, 7);
    }

    @Override
    public void readTraits(EntityLevel level, TraitsSink sink) {
      new ArrayList<>(accounts.keySet()).forEach(id -> sink.accept(new Traits(new EntityRef(level, id),
          accounts.get(id))));
    }

    @Override
    public void close() {
      closed++;
    }
  }
}

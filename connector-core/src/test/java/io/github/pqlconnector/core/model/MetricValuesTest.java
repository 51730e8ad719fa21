package io.github.pqlconnector.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compact maps behave as the unmodifiable maps they replace; fit outcomes worded lazily equal worded ones. */
class MetricValuesTest {
  @Test
  void isTheOrderedMapItCopiesAndSharesItsNames() {
    Map<String, Double> source = new LinkedHashMap<>();
    source.put("messages_sent", 12.0);
    source.put("seats", 3.0);
    source.put("activation_pct", 40.0);
    Map<String, Double> compact = MetricValues.copyOf(source);
    assertThat(compact).isEqualTo(source).hasSameHashCodeAs(source);
    assertThat(source).isEqualTo(compact);
    assertThat(List.copyOf(compact.keySet())).containsExactly("messages_sent", "seats", "activation_pct");
    assertThat(compact.get("seats")).isEqualTo(3.0);
    assertThat(compact.get("missing")).isNull();
    assertThat(compact.containsKey("activation_pct")).isTrue();
    assertThat(compact).hasToString(source.toString());
    assertThat(MetricValues.copyOf(compact)).isSameAs(compact);
    Map<String, Double> other = MetricValues.copyOf(new LinkedHashMap<>(Map.of("messages_sent", 1.0)));
    Map<String, Double> again = MetricValues.copyOf(new LinkedHashMap<>(Map.of("messages_sent", 2.0)));
    assertThat(((MetricValues) other).sharesNamesWith((MetricValues) again)).isTrue();
    assertThat(other).isNotEqualTo(again);
    assertThat(MetricValues.copyOf(new LinkedHashMap<>(source))).isEqualTo(compact).hasSameHashCodeAs(compact);
    assertThatThrownBy(() -> compact.put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void traitsKeepTheirValuesInACompactMapEqualToTheOneRead() {
    Map<String, String> read = new LinkedHashMap<>();
    read.put("email", "a@b.io");
    read.put("title", "Founder");
    Traits traits = new Traits(EntityRef.user("u1"), read);
    assertThat(traits.values()).isEqualTo(Map.of("email", "a@b.io", "title", "Founder"))
        .hasSameHashCodeAs(Map.of("email", "a@b.io", "title", "Founder"));
    assertThat(traits.values().get("title")).isEqualTo("Founder");
    assertThat(traits.values().get("plan")).isNull();
    assertThat(traits).isEqualTo(new Traits(EntityRef.user("u1"), Map.of("title", "Founder", "email", "a@b.io")));
    assertThat(new Traits(EntityRef.user("u2"), Map.of()).values()).isEmpty();
    Map<String, String> withNull = new LinkedHashMap<>();
    withNull.put("plan", null);
    assertThatThrownBy(() -> new Traits(EntityRef.user("u3"), withNull)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> traits.values().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void valuesComeBackExactlyWhetherOrNotAFloatHoldsThem() {
    Map<String, Double> source = new LinkedHashMap<>();
    source.put("count", 16_777_217.0);
    source.put("sum", 0.1);
    source.put("small", 2.5);
    source.put("negativeZero", -0.0);
    assertThat(MetricValues.copyOf(source)).isEqualTo(source);
    assertThat(MetricValues.copyOf(Map.of("count", 12.0)).get("count")).isEqualTo(12.0);
  }

  @Test
  void aNullValueKeepsAnOrderedCopy() {
    Map<String, Double> source = new LinkedHashMap<>();
    source.put("a", null);
    assertThat(MetricValues.copyOf(source)).isEqualTo(source);
  }

  @Test
  void aFitOutcomeWordedLaterEqualsOneWordedAlready() {
    FitOutcome lazy = FitOutcome.ruled(EntityLevel.ACCOUNT, "employees", true, "132", "≥ 10");
    FitOutcome worded = new FitOutcome(EntityLevel.ACCOUNT, "employees", true, "employees is 132 (rule: ≥ 10)");
    assertThat(lazy.explanation()).isEqualTo("employees is 132 (rule: ≥ 10)");
    assertThat(lazy).isEqualTo(worded).hasSameHashCodeAs(worded).hasToString(worded.toString());
  }
}

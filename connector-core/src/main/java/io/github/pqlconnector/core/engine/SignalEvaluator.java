package io.github.pqlconnector.core.engine;

import io.github.pqlconnector.core.config.Durations;
import io.github.pqlconnector.core.config.ModelConfig;
import io.github.pqlconnector.core.config.SignalSpec;
import java.util.Map;

/**
 * Decides whether a signal fires and words the reason with its number: "Sent 2,143 messages (≥ 2,000)".
 * A missed signal says what was needed, for {@code explain}.
 */
final class SignalEvaluator {
  private final String defaultWindow;

  SignalEvaluator(ModelConfig model) {
    this.defaultWindow = Durations.format(model.window());
  }

  /** With {@code explainMissed} false, a signal that did not fire gets no text (nobody will read it). */
  Outcome evaluateMetric(SignalSpec signal, Map<String, Double> metrics, boolean explainMissed) {
    Double value = metrics.get(signal.metric());
    if (value == null) {
      return new Outcome(false, explainMissed ? signal.name() + ": no data for " + signal.metric() : "");
    }
    boolean fired = (signal.gte() == null || value >= signal.gte())
        && (signal.lte() == null || value <= signal.lte());
    if (!fired && !explainMissed) {
      return Outcome.MISSED;
    }
    String unit = ModelConfig.ACTIVATION_PCT.equals(signal.metric()) ? "%" : "";
    String shown = Numbers.format(value) + unit;
    String bound = bound(signal, unit);
    if (!fired) {
      return new Outcome(false, signal.name() + ": " + signal.metric() + " is " + shown + " (needs " + bound + ")");
    }
    String lead = signal.reason() != null
        ? signal.reason().replace("{value}", shown)
        : signal.name() + ": " + signal.metric() + " " + shown;
    return new Outcome(true, lead + " (" + bound + ")");
  }

  Outcome evaluateAnyEvent(SignalSpec signal, double count, boolean explainMissed) {
    if (count < 1 && !explainMissed) {
      return Outcome.MISSED;
    }
    String events = String.join("/", signal.anyEvent());
    String counted = Numbers.format(count) + "× " + events + " in " + defaultWindow;
    if (count < 1) {
      return new Outcome(false, signal.name() + ": no " + events + " in " + defaultWindow);
    }
    String lead = signal.reason() != null ? signal.reason().replace("{value}", Numbers.format(count)) : signal.name();
    return new Outcome(true, lead + " (" + counted + ")");
  }

  private static String bound(SignalSpec signal, String unit) {
    if (signal.gte() != null && signal.lte() != null) {
      return "between " + Numbers.format(signal.gte()) + unit + " and " + Numbers.format(signal.lte()) + unit;
    }
    return signal.gte() != null ? "≥ " + Numbers.format(signal.gte()) + unit : "≤ " + Numbers.format(signal.lte()) + unit;
  }

  record Outcome(boolean fired, String text) {
    static final Outcome MISSED = new Outcome(false, "");
  }
}

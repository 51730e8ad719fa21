package io.github.pqlconnector.core.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code pql_alerts_total{kind,outcome}}: alerts queued, throttled, sent, retried (an attempt failed and will be
 * repeated) and failed (given up), by kind.
 */
public final class AlertMetrics {
  private final MeterRegistry registry;

  public AlertMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void count(String kind, String outcome) {
    Counter.builder("pql.alerts").description("alerts by kind and what became of them")
        .tag("kind", kind).tag("outcome", outcome).register(registry).increment();
  }
}

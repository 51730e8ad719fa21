package io.github.pqlconnector.core.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code pql_alerts_total{kind,outcome}}, by kind: alerts {@code queued} or {@code throttled} (one each, whatever the
 * number of receivers), and deliveries (one per receiver) {@code sent}, {@code retried} (an attempt failed and will
 * be repeated) and {@code failed} (given up).
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

package io.github.pqlconnector.core.sync;

import java.time.Instant;
import java.util.Random;

/**
 * A seeded, messy event stream for equivalence tests: every metric kind over 7, 14 and 30 day windows, users
 * that switch accounts, events with only a user or only an account, times anywhere in the day, out of order.
 */
final class MixedEvents {
  static final String MODEL = """
      model:
        levels: [account, user]
        window: 30d
        metrics:
          sent_7:     { count: message_sent, window: 7d }
          sent:       { count: message_sent }
          value:      { sum: { event: conversion, property: value } }
          channels:   { distinct: { event: message_sent, property: channel }, window: 14d }
          active_14:  { activeDays: "*", window: 14d }
          seats:      { distinctUsers: "*" }
          seats_7:    { distinctUsers: "*", window: 7d }
          first_seen: { firstSeen: "*" }
          last_seen:  { lastSeen: message_sent, window: 36h }
        activation: { steps: [doc_created, teammate_invited, doc_shared] }
        signals:
          - { name: "Heavy", metric: sent_7, gte: 5, points: 40, type: usage }
          - { name: "Asked", anyEvent: [pricing_viewed], points: 40, type: hand_raiser }
          - { name: "Active", metric: active_14, gte: 4, points: 30, type: engagement }
      """;
  private static final String[] EVENTS = {"message_sent", "message_sent", "conversion", "doc_created",
      "teammate_invited", "doc_shared", "pricing_viewed", "page_viewed"};

  private MixedEvents() {}

  static String lines(Instant from, Instant to, int count) {
    Random random = new Random(42);
    long span = to.toEpochMilli() - from.toEpochMilli();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      Instant at = Instant.ofEpochMilli(from.toEpochMilli() + (long) (random.nextDouble() * span));
      String event = EVENTS[random.nextInt(EVENTS.length)];
      int user = random.nextInt(12);
      out.append("{\"event\":\"").append(event).append("\",\"timestamp\":\"").append(at).append('"');
      if (user < 11) {
        out.append(",\"userId\":\"u").append(user).append('"');
      }
      if (user >= 10 || random.nextInt(3) > 0) {
        out.append(",\"accountId\":\"a").append((user + random.nextInt(2)) % 5).append('"');
      }
      out.append(",\"properties\":{\"channel\":\"c").append(random.nextInt(6))
          .append("\",\"value\":").append(random.nextInt(100) / 4.0).append("}}\n");
    }
    return out.toString();
  }
}

package io.github.pqlconnector.core.engine;

/** How a metric folds events: numbers kept in a slot, or sets of values. */
enum MetricKind {
  COUNT(false),
  SUM(false),
  FIRST_SEEN(false),
  LAST_SEEN(false),
  DISTINCT(true),
  DISTINCT_USERS(true),
  ACTIVE_DAYS(true);

  final boolean usesSet;

  MetricKind(boolean usesSet) {
    this.usesSet = usesSet;
  }
}

package io.github.pqlconnector.core.sync;

import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers of one run. {@code changed} were queued this run; {@code pushed}, {@code failed} and
 * {@code unmatched} count what the drain did with the whole outbox (earlier leftovers included). After the
 * run: {@code stillFailing} records and {@code tasksStillFailing} tasks are refused and wait for their next
 * attempt, {@code stillUnmatched} records are remembered as not found until their re-check, and
 * {@code outboxLeft} is the backlog still to push (neither of those).
 */
public record RunCounts(long eventsRead, long rejected, int evaluated, Map<String, Integer> byStatus,
    int changed, int unchanged, int noMatchKey, int pushed, int failed, int unmatched, int tasksQueued,
    int tasksCreated, int tasksFailed, long outboxLeft, long stillFailing, long tasksStillFailing,
    long stillUnmatched) {

  public RunCounts {
    byStatus = new TreeMap<>(byStatus);
  }

  /** True when some record or task failed for good in this run. */
  public boolean hasFailures() {
    return failed > 0 || tasksFailed > 0;
  }
}

package io.github.pqlconnector.app.scheduler;

import java.time.Duration;

/**
 * Scheduler tuning that is not in the YAML file: worker threads, the id of this node, how late a fire may
 * be before it counts as missed, how often cluster nodes check in (and so how soon a dead node's work is
 * taken over), and how long shutdown waits for a running batch.
 */
public record SchedulerSettings(String instanceId, int threads, Duration misfireThreshold, Duration checkinInterval,
    Duration shutdownWait) {

  public static SchedulerSettings defaults() {
    return new SchedulerSettings("AUTO", 4, Duration.ofSeconds(60), Duration.ofSeconds(7), Duration.ofSeconds(30));
  }
}

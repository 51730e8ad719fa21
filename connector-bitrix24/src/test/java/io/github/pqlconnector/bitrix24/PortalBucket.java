package io.github.pqlconnector.bitrix24;

/**
 * The portal's leaky bucket (crm-apis.md, b24restdocs {@code limits.md}): each request adds 1 to a counter that
 * drains {@code drainPerSecond} continuously, and a request that would lift it above {@code burst} is refused with 503
 * {@code QUERY_LIMIT_EXCEEDED} and not counted. Off by default (burst 0): the module's tests pace on fake time.
 */
final class PortalBucket {
  private double drainPerSecond;
  private int burst;
  private double level;
  private long levelAt = System.nanoTime();

  synchronized void set(double drainPerSecond, int burst) {
    this.drainPerSecond = drainPerSecond;
    this.burst = burst;
    this.level = 0;
    this.levelAt = System.nanoTime();
  }

  /** True when the bucket takes the request (or is off). */
  synchronized boolean admit(long now) {
    if (burst <= 0) {
      return true;
    }
    level = Math.max(0, level - (now - levelAt) / 1e9 * drainPerSecond);
    levelAt = now;
    if (level + 1 > burst) {
      return false;
    }
    level += 1;
    return true;
  }
}

package io.github.pqlconnector.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Heap and GC figures around one measured run, two ways. {@code poolPeaks}: the sum of every heap pool's
 * peak usage since {@link #start()} — an upper bound, since eden, survivor and old peak at different
 * moments, and it can exceed {@code -Xmx}. {@code beforeGcPeak}: the largest whole-heap usage seen just
 * before a collection (from GC notifications) or at the end — the heap's real high-water mark.
 */
final class HeapMeter {
  private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
  private final Set<String> heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName)
      .collect(Collectors.toSet());
  private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
  private final AtomicLong beforeGcPeak = new AtomicLong();
  private long gcCountAtStart;
  private long gcMillisAtStart;

  /** What one run cost: heap high-water marks (bytes), collections and their accumulated time. */
  record Usage(long poolPeaksBytes, long beforeGcPeakBytes, long gcCount, long gcMillis) {}

  HeapMeter() {
    for (GarbageCollectorMXBean collector : collectors) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener((notification, handback) -> onGc(notification), null, null);
      }
    }
  }

  /** Collects garbage left by earlier runs, then resets the peaks and remembers the GC counters. */
  void start() {
    System.gc();
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    beforeGcPeak.set(0);
    gcCountAtStart = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    gcMillisAtStart = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  Usage stop() {
    long poolPeaks = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    long now = heapPools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    long count = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    long millis = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    return new Usage(poolPeaks, Math.max(now, beforeGcPeak.get()), count - gcCountAtStart, millis - gcMillisAtStart);
  }

  /** Heap in use after a full collection: what the run's results keep alive. */
  long retainedBytes() {
    System.gc();
    return heapPools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
  }

  String collectorNames() {
    return String.join(" + ", collectors.stream().map(GarbageCollectorMXBean::getName).toList());
  }

  private void onGc(Notification notification) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
        (CompositeData) notification.getUserData());
    long before = 0;
    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
      before += heapPoolNames.contains(pool.getKey()) ? pool.getValue().getUsed() : 0;
    }
    beforeGcPeak.accumulateAndGet(before, Math::max);
  }
}

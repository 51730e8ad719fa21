package io.github.pqlconnector.salesforce;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the fake org takes per call, in ms, scaled by {@code scale}: a fixed part per request, a part per record
 * saved by sObject Collections and per row a query returns, and per 1,000 characters of a Bulk upload or result
 * download; a closed Bulk job waits {@code bulkQueueMs} in the queue, then processes {@code bulkRecordsPerSecond}.
 * Salesforce publishes no such figures: {@link #realistic} is an assumption (an org with some automation on Contact),
 * not a measurement. {@link #NONE}, the default, answers at once and completes a Bulk job on close.
 */
public record SalesforceFakeLatency(double scale, int requestMs, double collectionMsPerRecord, double queryMsPerRow,
    double transferMsPerThousandChars, int bulkQueueMs, int bulkRecordsPerSecond) {
  public static final SalesforceFakeLatency NONE = new SalesforceFakeLatency(0, 0, 0, 0, 0, 0, 1);
  private static final Pattern TOTAL_SIZE = Pattern.compile("\"totalSize\":(\\d+)");

  /** 150 ms a request, +4 ms a Collections record, +0.05 ms a query row, +0.1 ms per KB; Bulk 2 s queue, 1,000/s. */
  public static SalesforceFakeLatency realistic(double scale) {
    return new SalesforceFakeLatency(scale, 150, 4.0, 0.05, 0.1, 2_000, 1_000);
  }

  /** The server time of one answered call of {@code operation} (as {@link SalesforceFakeTraffic} names it). */
  long serverMs(String operation, String request, String answer) {
    double ms = requestMs + switch (operation) {
      case "collections" -> collectionMsPerRecord * count(request, "\"attributes\"");
      case "query" -> queryMsPerRow * totalSize(answer);
      case "bulk upload" -> transferMsPerThousandChars * request.length() / 1000.0;
      case "bulk results" -> transferMsPerThousandChars * answer.length() / 1000.0;
      default -> 0.0;
    };
    return Math.round(ms * scale);
  }

  /** How long a closed Bulk job of {@code rows} records stays {@code InProgress}. */
  long bulkProcessingMs(long rows) {
    return Math.round((bulkQueueMs + 1000.0 * rows / bulkRecordsPerSecond) * scale);
  }

  private static int count(String text, String needle) {
    int count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
      count++;
    }
    return count;
  }

  private static long totalSize(String answer) {
    Matcher m = TOTAL_SIZE.matcher(answer);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }
}

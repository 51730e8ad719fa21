package io.github.pqlconnector.bench;

/**
 * One synthetic product event per index, in each vendor's export shape (keys as the vendors document them, values
 * invented): 50,000 users in 3,000 accounts, all on 2025-11-01 UTC, a dozen properties like real exports carry.
 */
final class BenchEvents {
  static final long DAY_START = 1761955200000L;   // 2025-11-01T00:00:00Z
  private static final java.time.format.DateTimeFormatter AMPLITUDE_TIME = java.time.format.DateTimeFormatter
      .ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(java.time.ZoneOffset.UTC);
  private static final String[] NAMES = {"report_created", "message_sent", "page_viewed", "pricing_viewed"};

  private BenchEvents() {}

  static long time(long i) {
    return DAY_START + (i * 7919) % 86_400_000L;
  }

  static String mixpanel(long i) {
    long t = time(i);
    return "{\"event\":\"" + NAMES[(int) (i % 4)] + "\",\"properties\":{\"time\":" + t + ",\"distinct_id\":\"user-"
        + (i % 50_000) + "\",\"$insert_id\":\"ins-" + i + "\",\"mp_processing_time_ms\":" + (t + 1500)
        + ",\"company_id\":[\"account-" + (i % 3_000) + "\"],\"plan\":\"trial\",\"$browser\":\"Chrome\","
        + "\"$os\":\"Mac OS X\",\"$current_url\":\"https://app.example.com/reports/" + i + "\",\"mp_lib\":\"web\"}}\n";
  }

  static String amplitude(long i) {
    long t = time(i);
    String when = AMPLITUDE_TIME.format(java.time.Instant.ofEpochMilli(t));
    return "{\"$insert_id\":\"ins-" + i + "\",\"amplitude_id\":" + (1_000_000 + i % 50_000) + ",\"app\":1,"
        + "\"device_id\":\"dev-" + (i % 50_000) + "\",\"event_type\":\"" + NAMES[(int) (i % 4)] + "\",\"event_time\":\""
        + when + "\",\"server_upload_time\":\"" + when + "\",\"user_id\":\"user-" + (i % 50_000)
        + "\",\"session_id\":" + t + ",\"event_properties\":{\"plan\":\"trial\",\"path\":\"/reports/" + i + "\"},"
        + "\"user_properties\":{\"plan\":\"trial\"},\"groups\":{\"company_id\":\"account-" + (i % 3_000) + "\"},"
        + "\"group_properties\":{},\"platform\":\"Web\",\"os_name\":\"Chrome\",\"country\":\"Germany\",\"uuid\":\""
        + uuid(i) + "\"}\n";
  }

  static String posthog(long i) {
    return "[\"" + uuid(i) + "\",\"" + NAMES[(int) (i % 4)] + "\"," + (DAY_START + i) + ",\"person-" + (i % 50_000)
        + "\",\"account-" + (i % 3_000) + "\",\"{\\\"plan\\\": \\\"trial\\\", \\\"$browser\\\": \\\"Chrome\\\", "
        + "\\\"$current_url\\\": \\\"https://app.example.com/reports/" + i + "\\\"}\"]";
  }

  private static String uuid(long i) {
    String digits = Long.toString(i);
    return "01932f5e-0000-7000-8000-" + "000000000000".substring(digits.length()) + digits;
  }
}

package io.github.pqlconnector.app.scheduler;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;
import org.quartz.CronExpression;

/**
 * A Quartz cron in words for the admin console, and its next fire times. The common shapes (every N seconds,
 * minutes or hours; a time every day, on weekdays or on a day of the month) are described; anything else reads
 * "cron <expression>". Times are in the zone Quartz fires in, the machine's ({@link #SCHEDULER_ZONE}), and say so.
 */
public final class CronText {
  /** The zone the scheduler's cron triggers use: Quartz's default, the machine's. */
  public static final ZoneId SCHEDULER_ZONE = ZoneId.systemDefault();

  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  private static final List<String> DAY_NAMES =
      List.of("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday");

  private CronText() {}

  /** E.g. "every 30 minutes", "every day at 06:00 UTC", "at 06:00 UTC on Monday to Friday". */
  public static String describe(String quartzCron) {
    return describe(quartzCron, SCHEDULER_ZONE);
  }

  public static String describe(String quartzCron, ZoneId zone) {
    String[] fields = quartzCron.trim().toUpperCase(Locale.ROOT).split("\\s+");
    boolean everyYear = fields.length == 6 || fields.length == 7 && fields[6].equals("*");
    String words = everyYear && fields[4].equals("*") ? words(fields, zoneName(zone)) : null;
    return words != null ? words : "cron " + quartzCron.trim();
  }

  /** The next {@code n} fire times after {@code after} as the scheduler computes them; fewer if it stops firing. */
  public static List<Instant> nextFires(String quartzCron, int n, Instant after) {
    return nextFires(quartzCron, n, after, SCHEDULER_ZONE);
  }

  public static List<Instant> nextFires(String quartzCron, int n, Instant after, ZoneId zone) {
    CronExpression expression;
    try {
      expression = new CronExpression(quartzCron);
    } catch (ParseException e) {
      throw new IllegalArgumentException("invalid cron expression \"" + quartzCron + "\": " + e.getMessage(), e);
    }
    expression.setTimeZone(TimeZone.getTimeZone(zone));
    List<Instant> fires = new ArrayList<>();
    Date next = expression.getNextValidTimeAfter(Date.from(after));
    while (next != null && fires.size() < n) {
      fires.add(next.toInstant());
      next = expression.getNextValidTimeAfter(next);
    }
    return fires;
  }

  private static @Nullable String words(String[] f, String zone) {
    boolean everyDay = any(f[3]) && any(f[5]);
    boolean everyHour = f[2].equals("*") && everyDay;
    if (f[0].equals("*") && f[1].equals("*") && everyHour) {
      return "every second";
    }
    Integer step = step(f[0], 60);
    if (step != null && f[1].equals("*") && everyHour) {
      return every(step, "second");
    }
    if (!f[0].equals("0")) {
      return null;
    }
    step = step(f[1], 60);
    if ((f[1].equals("*") || step != null) && everyHour) {
      return every(step == null ? 1 : step, "minute");
    }
    Integer minute = number(f[1], 59);
    return minute == null ? null : hourly(f, minute, everyDay, zone);
  }

  private static @Nullable String hourly(String[] f, int minute, boolean everyDay, String zone) {
    String past = minute == 0 ? "" : " at minute " + minute;
    Integer step = step(f[2], 24);
    if ((f[2].equals("*") || step != null) && everyDay) {
      return every(step == null ? 1 : step, "hour") + past;
    }
    Integer hour = number(f[2], 23);
    return hour == null ? null : days(f[3], f[5], "%02d:%02d %s".formatted(hour, minute, zone));
  }

  private static @Nullable String days(String dayOfMonth, String dayOfWeek, String at) {
    if (any(dayOfMonth) && any(dayOfWeek)) {
      return "every day at " + at;
    }
    if (any(dayOfMonth)) {
      String days = weekdays(dayOfWeek);
      return days == null ? null : "at " + at + " on " + days;
    }
    if (!any(dayOfWeek)) {
      return null;
    }
    if (dayOfMonth.equals("L")) {
      return "at " + at + " on the last day of every month";
    }
    Integer day = number(dayOfMonth, 31);
    return day == null || day < 1 ? null : "at " + at + " on day " + day + " of every month";
  }

  /** "Monday to Friday", "Monday, Wednesday"; null for shapes such as {@code 6#3} or {@code 5L}. */
  private static @Nullable String weekdays(String dayOfWeek) {
    List<String> parts = new ArrayList<>();
    for (String part : dayOfWeek.split(",")) {
      String[] range = part.split("-", -1);
      String from = range.length <= 2 ? dayName(range[0]) : null;
      String to = range.length == 2 ? dayName(range[1]) : from;
      if (from == null || to == null) {
        return null;
      }
      parts.add(range.length == 2 ? from + " to " + to : from);
    }
    return String.join(", ", parts);
  }

  private static @Nullable String dayName(String day) {
    int named = DAYS.indexOf(day);
    Integer number = named >= 0 ? Integer.valueOf(named + 1) : number(day, 7);
    return number == null || number < 1 ? null : DAY_NAMES.get(number - 1);
  }

  private static boolean any(String field) {
    return field.equals("*") || field.equals("?");
  }

  /**
   * N of {@code * /N} or {@code 0/N} (written without the space) when N divides the period, so that "every N" holds
   * across the hour or day; {@code * /7} minutes fires at :56 and then :00, and is left to the fallback.
   */
  private static @Nullable Integer step(String field, int period) {
    boolean stepped = field.startsWith("*/") || field.startsWith("0/");
    Integer n = stepped ? number(field.substring(2), period) : null;
    return n == null || n < 1 || period % n != 0 ? null : n;
  }

  private static String every(int n, String unit) {
    return n == 1 ? "every " + unit : "every " + n + " " + unit + "s";
  }

  private static @Nullable Integer number(String text, int max) {
    if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int value = Integer.parseInt(text);
    return value > max ? null : value;
  }

  private static String zoneName(ZoneId zone) {
    return zone.normalized().equals(ZoneOffset.UTC) || zone.getId().equals("Etc/UTC") ? "UTC" : zone.getId();
  }
}

package io.github.pqlconnector.core.config;

import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.quartz.CronExpression;

/**
 * Checks a Quartz cron expression before Quartz sees it. Quartz reads some out-of-range values silently (seconds
 * {@code 99} fires every second), so every field is range-checked here first; then the expression must fire at
 * least once after now (a past year or the 30th of February never does).
 */
public final class CronCheck {
  private record Field(String name, int min, int max, List<String> names) {
    Field(String name, int min, int max) {
      this(name, min, max, List.of());
    }
  }

  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  private static final List<Field> FIELDS = List.of(new Field("seconds", 0, 59), new Field("minutes", 0, 59),
      new Field("hours", 0, 23), new Field("day of month", 1, 31), new Field("month", 1, 12, MONTHS),
      new Field("day of week", 1, 7, DAYS), new Field("year", 1970, 2099));

  private CronCheck() {}

  /** Why {@code cron} cannot be used, or empty when it is a valid expression that fires after {@code now}. */
  public static Optional<String> problem(String cron, Instant now) {
    String[] fields = cron.trim().split("\\s+");
    if (fields.length < 6 || fields.length > 7) {
      return Optional.of("Quartz cron has 6 or 7 fields (seconds first), got " + fields.length
          + "; e.g. \"0 */30 * * * ?\"");
    }
    for (int i = 0; i < fields.length; i++) {
      Optional<String> wrong = checkField(FIELDS.get(i), fields[i].toUpperCase(Locale.ROOT));
      if (wrong.isPresent()) {
        return wrong;
      }
    }
    CronExpression expression;
    try {
      expression = new CronExpression(cron);
    } catch (ParseException e) {
      return Optional.of(e.getMessage().trim() + " (position " + e.getErrorOffset() + ")");
    }
    if (expression.getNextValidTimeAfter(Date.from(now)) == null) {
      return Optional.of("never fires: no time after now matches it");
    }
    return Optional.empty();
  }

  /** The next {@code count} fire times after {@code after} (fewer when it stops firing), for {@code pql validate}. */
  public static List<Instant> nextFires(String cron, Instant after, int count) {
    List<Instant> fires = new ArrayList<>();
    try {
      CronExpression expression = new CronExpression(cron);
      Date next = expression.getNextValidTimeAfter(Date.from(after));
      while (next != null && fires.size() < count) {
        fires.add(next.toInstant());
        next = expression.getNextValidTimeAfter(next);
      }
    } catch (ParseException e) {
      // validation reported it
    }
    return fires;
  }

  private static Optional<String> checkField(Field field, String text) {
    for (String part : text.split(",", -1)) {
      Optional<String> wrong = checkPart(field, part);
      if (wrong.isPresent()) {
        return wrong;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> checkPart(Field field, String part) {
    String base = part;
    int slash = part.indexOf('/');
    if (slash >= 0) {
      base = part.substring(0, slash);
      Integer step = number(part.substring(slash + 1));
      if (step == null || step < 1 || step > field.max() - field.min() + 1) {
        return Optional.of(field.name() + " step must be 1-" + (field.max() - field.min() + 1) + ", got \""
            + part.substring(slash + 1) + "\"");
      }
    }
    if (base.isEmpty() && slash >= 0 || base.equals("*") || base.equals("?")) {
      return Optional.empty();
    }
    base = stripSpecials(field, base);
    if (base.isEmpty()) {
      return Optional.empty();
    }
    for (String bound : base.split("-", -1)) {
      Optional<String> wrong = checkValue(field, bound);
      if (wrong.isPresent()) {
        return wrong;
      }
    }
    return Optional.empty();
  }

  /** Day-of-month {@code L}, {@code LW}, {@code 15W}, {@code L-3}; day-of-week {@code 5L}, {@code 6#3}. */
  private static String stripSpecials(Field field, String base) {
    if (field.name().equals("day of month")) {
      if (base.startsWith("L")) {
        return base.startsWith("L-") ? base.substring(2) : base.substring(1).replace("W", "");
      }
      return base.endsWith("W") ? base.substring(0, base.length() - 1) : base;
    }
    if (field.name().equals("day of week")) {
      int hash = base.indexOf('#');
      String day = hash >= 0 ? base.substring(0, hash) : base;
      return day.equals("L") ? "" : day.endsWith("L") ? day.substring(0, day.length() - 1) : day;
    }
    return base;
  }

  private static Optional<String> checkValue(Field field, String value) {
    int named = field.names().indexOf(value);
    if (named >= 0) {
      return Optional.empty();
    }
    Integer number = number(value);
    if (number == null && !field.names().isEmpty()) {
      return Optional.of(field.name() + " must be " + field.min() + "-" + field.max() + " or "
          + field.names().get(0) + "-" + field.names().get(field.names().size() - 1) + ", got \"" + value + "\"");
    }
    if (number == null || number < field.min() || number > field.max()) {
      return Optional.of(field.name() + " must be " + field.min() + "-" + field.max() + ", got " + value);
    }
    return Optional.empty();
  }

  private static Integer number(String text) {
    if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Integer.parseInt(text);
  }
}

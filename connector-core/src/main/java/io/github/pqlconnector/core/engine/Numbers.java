package io.github.pqlconnector.core.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as sales reps read them: grouped thousands, at most two decimals, no needless zeros ("2,143",
 * "12.5"). Hand-rolled for whole numbers because it runs for every signal of every entity.
 */
public final class Numbers {
  private Numbers() {}

  public static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return grouped((long) value);
    }
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    long whole = rounded.longValue();
    String fraction = rounded.abs().remainder(BigDecimal.ONE).toPlainString();
    String sign = value < 0 && whole == 0 ? "-" : "";
    return sign + grouped(whole) + (fraction.equals("0") ? "" : fraction.substring(1));
  }

  private static String grouped(long value) {
    String digits = Long.toString(Math.abs(value));
    StringBuilder out = new StringBuilder(digits.length() + 6);
    if (value < 0) {
      out.append('-');
    }
    int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    out.append(digits, 0, lead);
    for (int i = lead; i < digits.length(); i += 3) {
      out.append(',').append(digits, i, i + 3);
    }
    return out.toString();
  }
}

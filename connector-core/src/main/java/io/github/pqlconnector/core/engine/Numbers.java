package io.github.pqlconnector.core.engine;

import java.util.Locale;

/** Numbers as sales reps read them: grouped thousands, no needless decimals ("2,143", "12.5"). */
public final class Numbers {
  private Numbers() {}

  public static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.US, "%,d", (long) value);
    }
    String text = String.format(Locale.US, "%,.2f", value);
    return text.replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}

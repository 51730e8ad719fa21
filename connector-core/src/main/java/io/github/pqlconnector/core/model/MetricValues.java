package io.github.pqlconnector.core.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An entity's metric values as an immutable, ordered map backed by primitives: the names are one array shared by
 * every result with the same metrics (a model gives only a handful of such sets), the values one {@code double[]}.
 * A {@code LinkedHashMap} of boxed doubles cost about 400 bytes per entity; this costs about 100. Equal to, and
 * hashing like, any other map with the same entries.
 */
public final class MetricValues extends NamedValues<Double> {
  /** A {@code float[]} when every value is one exactly (counts, most sums), else a {@code double[]}: half the bytes. */
  private final Object values;

  private MetricValues(String[] names, double[] values) {
    super(names);
    this.values = narrowed(values);
  }

  private static Object narrowed(double[] values) {
    float[] narrow = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      narrow[i] = (float) values[i];
      if (narrow[i] != values[i] && !Double.isNaN(values[i])) {
        return values;
      }
    }
    return narrow;
  }

  @Override
  Double value(int i) {
    return raw(i);
  }

  private double raw(int i) {
    return values instanceof float[] narrow ? narrow[i] : ((double[]) values)[i];
  }

  /**
   * {@code metrics} itself when already compact, else a compact copy in its iteration order; a map with a null value
   * (no engine gives one) stays an unmodifiable ordered copy.
   */
  public static Map<String, Double> copyOf(Map<String, Double> metrics) {
    if (metrics instanceof MetricValues compact) {
      return compact;
    }
    if (hasNullValue(metrics)) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
    String[] names = new String[metrics.size()];
    double[] values = new double[metrics.size()];
    int i = 0;
    for (Map.Entry<String, Double> entry : metrics.entrySet()) {
      names[i] = entry.getKey();
      values[i++] = entry.getValue();
    }
    return new MetricValues(shared(names), values);
  }

  /** Not {@code containsValue(null)}: an immutable map ({@code Map.of}) throws on that question. */
  private static boolean hasNullValue(Map<String, Double> metrics) {
    for (Double value : metrics.values()) {
      if (value == null) {
        return true;
      }
    }
    return false;
  }

  /** {@code Map.hashCode()}'s sum of entry hashes, without boxing: the engine shares equal values by hash. */
  @Override
  public int hashCode() {
    int hash = 0;
    for (int i = 0; i < names.length; i++) {
      hash += names[i].hashCode() ^ Double.hashCode(raw(i));
    }
    return hash;
  }

  /** Same names (shared arrays) and same values compare without boxing; anything else as any two maps. */
  @Override
  public boolean equals(@Nullable Object other) {
    if (other instanceof MetricValues that && that.names == names && that.values.getClass() == values.getClass()) {
      return values instanceof float[] narrow ? Arrays.equals(narrow, (float[]) that.values)
          : Arrays.equals((double[]) values, (double[]) that.values);
    }
    return super.equals(other);
  }

  /** Whether two instances share their names array (what keeps many results small). */
  boolean sharesNamesWith(MetricValues other) {
    return names == other.names;
  }
}

package org.tanji.core.uncertainty;

import java.util.Arrays;

/**
 * What a sample of Monte Carlo outputs says: mean, standard deviation (n − 1), median, the
 * 2.5 % and 97.5 % percentiles (linear interpolation between order statistics, Hyndman and Fan's
 * type 7, as R and NumPy compute them by default) and the coefficient of variation (sd / |mean|,
 * 0 when the mean is 0).
 */
public record Summary(double mean, double sd, double median, double p2_5, double p97_5, double cv) {

  /** The summary of values (not changed; sorted in a copy). */
  public static Summary of(double[] values) {
    int n = values.length;
    if (n < 2) {
      throw new IllegalArgumentException("a summary needs two values or more, not " + n);
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / (n - 1));
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return new Summary(mean, sd, percentile(sorted, 0.5), percentile(sorted, 0.025), percentile(sorted, 0.975),
        mean == 0 ? 0 : sd / Math.abs(mean));
  }

  /** The p-quantile of sorted values, type 7. */
  static double percentile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** The same summary for the values divided by a positive number (a total per declared unit). */
  public Summary dividedBy(double d) {
    return new Summary(mean / d, sd / d, median / d, p2_5 / d, p97_5 / d, cv);
  }
}

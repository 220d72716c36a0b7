package org.tanji.core.uncertainty;

import org.tanji.core.model.Uncertainty;

/**
 * The ecoinvent v3 pedigree matrix: the variance of the underlying normal that each indicator's
 * score adds, by score 1 … 5. σ² = basic + the five; GSD = exp(√σ²).
 */
public final class Pedigree {

  // rows: reliability, completeness, temporal, geographical, technological; columns: score 1 … 5
  private static final double[][] VARIANCE = {
      {0, 0.0006, 0.002, 0.008, 0.04},
      {0, 0.0001, 0.0006, 0.002, 0.008},
      {0, 0.0002, 0.002, 0.008, 0.04},
      {0, 0.000025, 0.0001, 0.0006, 0.002},
      {0, 0.0006, 0.008, 0.04, 0.12},
  };

  /** Basic variance of combustion CO₂ and energy inputs (ecoinvent). */
  public static final double BASIC_ENERGY = 0.0006;
  /** Basic variance of transport services (ecoinvent). */
  public static final double BASIC_TRANSPORT = 0.12;

  private Pedigree() {}

  /** σ² of the underlying normal: the basic variance plus the five indicators' (scores 1–5). */
  public static double variance(Uncertainty.PedigreeScores scores, double basic) {
    int[] s = scores.toArray();
    double v = basic;
    for (int i = 0; i < s.length; i++) {
      v += VARIANCE[i][s[i] - 1];
    }
    return v;
  }

  /** The geometric standard deviation exp(√σ²). */
  public static double gsd(Uncertainty.PedigreeScores scores, double basic) {
    return StrictMath.exp(StrictMath.sqrt(variance(scores, basic)));
  }
}

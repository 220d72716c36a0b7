package org.tanji.core.quality;

import java.util.Optional;

/**
 * The seed reports' data-quality method: a line scores the mean of its three points, the study
 * scores the emission-weighted sum of line scores, and the score maps to a grade.
 */
public final class Scoring {

  private Scoring() {}

  /** Grade 1 for ≥ 5.0, 2 for ≥ 4.0, 3 for ≥ 3.0, 4 for ≥ 2.0, else 5. */
  public static int grade(double score) {
    if (score >= 5.0) {
      return 1;
    }
    if (score >= 4.0) {
      return 2;
    }
    if (score >= 3.0) {
      return 3;
    }
    if (score >= 2.0) {
      return 4;
    }
    return 5;
  }

  /**
   * Each line's weight in the study's score: its share of emissions taken by magnitude
   * (|emissions| over Σ|emissions|), so that a credit line with negative emissions weighs as much
   * as it contributes and the score stays within 1 to 6; without negative lines these are exactly
   * the lines' shares.
   *
   * @return one weight per line, summing to 1; all 0 when no line carries emissions
   */
  public static double[] weights(double[] emissions) {
    double magnitude = 0;
    for (double e : emissions) {
      magnitude += Math.abs(e);
    }
    double[] weights = new double[emissions.length];
    for (int i = 0; i < emissions.length; i++) {
      weights[i] = magnitude == 0 ? 0 : Math.abs(emissions[i]) / magnitude;
    }
    return weights;
  }

  /**
   * The study's score: line scores weighted as {@link #weights} gives.
   *
   * @return empty when no line carries emissions
   * @throws IllegalArgumentException when there are not as many scores as emissions
   */
  public static Optional<DataQuality> weighted(double[] lineScores, double[] emissions) {
    if (lineScores.length != emissions.length) {
      throw new IllegalArgumentException(lineScores.length + " scores for " + emissions.length + " lines");
    }
    double[] weights = weights(emissions);
    double score = 0;
    double total = 0;
    for (int i = 0; i < lineScores.length; i++) {
      score += lineScores[i] * weights[i];
      total += weights[i];
    }
    return total == 0 ? Optional.empty() : Optional.of(new DataQuality(score, grade(score)));
  }
}

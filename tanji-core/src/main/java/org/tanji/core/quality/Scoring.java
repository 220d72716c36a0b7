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
   * The study's score: line scores weighted by each line's share of emissions. Shares are taken by
   * magnitude (|emissions| over Σ|emissions|), so that a credit line with negative emissions
   * weighs as much as it contributes and the score stays within 1 to 6; without negative lines
   * this is exactly Σ score × share.
   *
   * @return empty when no line carries emissions
   */
  public static Optional<DataQuality> weighted(double[] lineScores, double[] emissions) {
    double magnitude = 0;
    for (double e : emissions) {
      magnitude += Math.abs(e);
    }
    if (magnitude == 0) {
      return Optional.empty();
    }
    double score = 0;
    for (int i = 0; i < lineScores.length; i++) {
      score += lineScores[i] * Math.abs(emissions[i]) / magnitude;
    }
    return Optional.of(new DataQuality(score, grade(score)));
  }
}

package org.tanji.core.quality;

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
   * The study's score from line scores and emission shares (both indexed alike).
   *
   * @return the score and grade, or null when no line carries emissions (shares all zero)
   */
  public static DataQuality weighted(double[] lineScores, double[] shares) {
    double score = 0;
    double weight = 0;
    for (int i = 0; i < lineScores.length; i++) {
      score += lineScores[i] * shares[i];
      weight += shares[i];
    }
    if (weight == 0) {
      return null;
    }
    return new DataQuality(score, grade(score));
  }
}

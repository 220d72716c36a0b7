package org.tanji.core.quality;

/**
 * The three data-quality points of one inventory line, each 1 to 6.
 *
 * @param activity how the activity data was obtained
 * @param factor the emission factor's class
 * @param calibration instrument calibration
 */
public record Points(int activity, int factor, int calibration) {

  /** The line's score: the mean of its three points. */
  public double score() {
    return (activity + factor + calibration) / 3.0;
  }
}

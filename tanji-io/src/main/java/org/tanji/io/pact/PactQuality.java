package org.tanji.io.pact;

import org.tanji.core.model.Period;

/**
 * PACT's data-quality ratings (1 very good … 5 very poor) from what a Tanji study records. The
 * study scores a line's factor by its class (measured 6 … international 1); PACT rates the factor's
 * technological, geographical and temporal fit. docs/pact.md gives the reasoning.
 */
final class PactQuality {

  private PactQuality() {}

  /**
   * Technological and geographical representativeness from a factor's points: the class ladder
   * (measured at the site, same process, supplier, region, nation, world) is one of both
   * specificity to the process and to the place, so 6 points rate 1 and 1 point rates 5, evenly.
   */
  static double representativeness(int factorPoints) {
    if (factorPoints < 1 || factorPoints > 6) {
      throw new IllegalArgumentException("factor points run from 1 to 6, not " + factorPoints);
    }
    return 1 + (6 - factorPoints) * 0.8;
  }

  /**
   * Temporal representativeness: 1 for a factor of a year the study period covers, one more for
   * each year away from it, 5 at most; 5 for a factor whose year is not known.
   */
  static double temporal(Integer factorYear, Period period) {
    if (factorYear == null) {
      return 5;
    }
    int from = period.start().getYear();
    int to = period.end().getYear();
    int off = factorYear < from ? from - factorYear : factorYear > to ? factorYear - to : 0;
    return Math.min(5, 1 + off);
  }
}

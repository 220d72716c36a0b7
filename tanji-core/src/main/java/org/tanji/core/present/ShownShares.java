package org.tanji.core.present;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tanji.core.i18n.Numbers;

/**
 * A column of shares as shown: each rounded half up to two decimals of a percent, never bent to
 * make the column add up (seed 003 printed 89.69 % for 89.697 % so that it would).
 *
 * @param percents each share in percent, as shown
 * @param sum the sum of the shown percents
 */
public record ShownShares(List<BigDecimal> percents, BigDecimal sum) {

  private static final BigDecimal HUNDRED = new BigDecimal("100.00");

  public ShownShares {
    percents = List.copyOf(percents);
    if (sum == null) {
      throw new IllegalArgumentException("shown shares need their sum");
    }
  }

  /** The shares (fractions, 0–1) of one column. */
  public static ShownShares of(List<Double> fractions) {
    List<BigDecimal> shown = new ArrayList<>(fractions.size());
    BigDecimal sum = BigDecimal.ZERO.setScale(2);
    for (double f : fractions) {
      BigDecimal p = percent(f);
      shown.add(p);
      sum = sum.add(p);
    }
    return new ShownShares(shown, sum);
  }

  /** A fraction as the percent shown for it: 0.896973 → 89.70 (the one rule, {@link Numbers#percentValue}). */
  public static BigDecimal percent(double fraction) {
    return Numbers.percentValue(fraction);
  }

  /**
   * The sum, when the column needs a note saying it does not add up to 100.00 %. Empty when it
   * does, and for an empty or all-zero column (a study whose total is zero has no shares to add).
   */
  public Optional<BigDecimal> roundingNote() {
    return sum.compareTo(HUNDRED) == 0 || sum.signum() == 0 ? Optional.empty() : Optional.of(sum);
  }
}

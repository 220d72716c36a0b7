package org.tanji.core.present;

import org.tanji.core.i18n.Numbers;

/**
 * A figure as people read it, with the value it stands for.
 *
 * @param value the unrounded value
 * @param text the value as shown, without thousands separators ({@link Numbers#readable}): two
 *     decimals from 1 up, four significant digits below 1, so that 0.00046 never shows as 0.00
 */
public record Figure(double value, String text) {

  public Figure {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("a figure needs its text");
    }
  }

  /** The readable figure of {@code value}. */
  public static Figure of(double value) {
    return new Figure(value, Numbers.readable(value));
  }

  /** The text with thousands separators, as tables and pages show it: {@code 2,821.88}. */
  public String grouped() {
    return Numbers.grouped(text);
  }
}

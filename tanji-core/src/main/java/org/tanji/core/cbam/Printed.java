package org.tanji.core.cbam;

import java.util.OptionalDouble;
import org.tanji.core.i18n.Numbers;

/**
 * CBAM figures as the Commission's communication template prints them: specific emissions with
 * three decimals ({@code 0.000}), emissions in whole tonnes ({@code #,##0}), shares as percent
 * with two decimals. Rounding half away from zero, as a spreadsheet does.
 */
public final class Printed {

  private Printed() {}

  /** A specific figure (t CO₂e/t, MWh/t): {@code 1.539}; "—" when unknown. */
  public static String specific(OptionalDouble v) {
    return v.isPresent() ? Numbers.fixed(v.getAsDouble(), 3) : "—";
  }

  /** Emissions in whole tonnes with thousands separators: {@code 7,866,044}; "—" when not computable (NaN). */
  public static String tonnes(double v) {
    return Double.isNaN(v) ? "—" : Numbers.grouped(Numbers.fixed(v, 0));
  }

  /** A share 0–1 as percent with two decimals: {@code 12.50 %}; "—" when unknown. */
  public static String percent(OptionalDouble v) {
    return v.isPresent() ? Numbers.percent(v.getAsDouble()) : "—";
  }
}

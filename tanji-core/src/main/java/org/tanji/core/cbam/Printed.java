package org.tanji.core.cbam;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * CBAM figures as the Commission's communication template prints them: specific emissions with
 * three decimals ({@code 0.000}), emissions in whole tonnes ({@code #,##0}), shares as percent
 * with two decimals. Rounding half away from zero, as a spreadsheet does.
 */
public final class Printed {

  private Printed() {}

  /** A specific figure (t CO₂e/t, MWh/t): {@code 1.539}; "—" when unknown. */
  public static String specific(OptionalDouble v) {
    return v.isPresent() ? decimals(v.getAsDouble(), 3) : "—";
  }

  /** Emissions in whole tonnes with thousands separators: {@code 7,866,044}; "—" when not computable (NaN). */
  public static String tonnes(double v) {
    if (Double.isNaN(v)) {
      return "—";
    }
    DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(v);
  }

  /** A share 0–1 as percent with two decimals: {@code 12.50 %}; "—" when unknown. */
  public static String percent(OptionalDouble v) {
    return v.isPresent() ? decimals(v.getAsDouble() * 100, 2) + " %" : "—";
  }

  private static String decimals(double v, int scale) {
    return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }
}

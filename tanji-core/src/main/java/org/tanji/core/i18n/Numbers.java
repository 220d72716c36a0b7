package org.tanji.core.i18n;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting: plain digits for messages, grouped for tables and pages; rounding half up. */
public final class Numbers {

  private Numbers() {}

  /** {@code value} with exactly {@code decimals} decimals. */
  public static String fixed(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }

  /**
   * A readable figure: two decimals from 1 up, four significant digits below 1 (so that 0.00046
   * stays visible), trailing zeros kept only where they carry the fixed decimals.
   */
  public static String readable(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    if (value == 0) {
      return fixed(value, 2);
    }
    // rounded first, so that binary noise (0.9999999999999999 for 1) does not decide the format
    BigDecimal significant = new BigDecimal(value).round(new java.math.MathContext(4, RoundingMode.HALF_UP));
    if (significant.abs().compareTo(BigDecimal.ONE) >= 0) {
      return fixed(value, 2);
    }
    return significant.stripTrailingZeros().toPlainString();
  }

  /**
   * A plain decimal number without padding zeros: {@code 3544.00} → {@code 3544}, {@code 43585.40}
   * → {@code 43585.4}, so that a figure reads like the quantity typed beside it; anything else as it is.
   */
  public static String trimmed(String plain) {
    if (!plain.matches("-?\\d+\\.\\d+")) {
      return plain;
    }
    return new BigDecimal(plain).stripTrailingZeros().toPlainString();
  }

  /**
   * A plain decimal number ({@link #fixed}, {@link #readable}) with thousands separators:
   * {@code 107375.25} → {@code 107,375.25}; anything else ({@code Infinity}) as it is.
   */
  public static String grouped(String plain) {
    if (!plain.matches("-?\\d+(\\.\\d+)?")) {
      return plain;
    }
    boolean negative = plain.startsWith("-");
    String digits = negative ? plain.substring(1) : plain;
    int dot = digits.indexOf('.');
    String whole = dot < 0 ? digits : digits.substring(0, dot);
    StringBuilder sb = new StringBuilder(plain.length() + whole.length() / 3);
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        sb.append(',');
      }
      sb.append(whole.charAt(i));
    }
    return (negative ? "-" : "") + sb + (dot < 0 ? "" : digits.substring(dot));
  }

  /** A fraction as a percentage with two decimals: 0.873020 → {@code 87.30 %}. */
  public static String percent(double fraction) {
    return Double.isFinite(fraction) ? percentValue(fraction).toPlainString() + " %" : fixed(fraction, 2);
  }

  /**
   * A fraction as the percentage shown, rounded half up to two decimals: 0.873025 → 87.30 (the
   * number {@link #percent} writes).
   *
   * @throws IllegalArgumentException for a fraction that is not finite
   */
  public static BigDecimal percentValue(double fraction) {
    if (!Double.isFinite(fraction)) {
      throw new IllegalArgumentException("a share is a finite number, not " + fraction);
    }
    return BigDecimal.valueOf(fraction * 100).setScale(2, RoundingMode.HALF_UP);
  }
}

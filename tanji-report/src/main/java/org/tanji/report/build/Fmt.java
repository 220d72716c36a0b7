package org.tanji.report.build;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.tanji.core.i18n.Numbers;
import org.tanji.core.model.Period;
import org.tanji.core.present.Figure;
import org.tanji.core.present.PrintForm;
import org.tanji.core.present.ShownShares;
import org.tanji.core.units.Quantity;

/**
 * How the report writes numbers, units and dates in its language. Rounding is half up and happens
 * here only; figures are never adjusted to make a column add up.
 */
final class Fmt {

  private final boolean chinese;

  Fmt(Locale locale) {
    this.chinese = locale.getLanguage().equals("zh");
  }

  /** {@code value} with {@code decimals} decimals and thousands separators: 107,375.25. */
  String fixed(double value, int decimals) {
    return Numbers.grouped(Numbers.fixed(value, decimals));
  }

  /**
   * A figure as {@link Numbers#readable}: two decimals from 1 up, four significant digits below 1
   * (so that 0.00046 does not print as 0.00), with thousands separators.
   */
  String figure(double value) {
    return Figure.of(value).grouped();
  }

  /** A figure as {@link #figure} without padding zeros: 3,544 and 43,585.4, where figure gives 3,544.00. */
  String trimmed(double value) {
    return Numbers.grouped(Numbers.trimmed(Numbers.readable(value)));
  }

  /** A tabulated constant as it is written: 27.9, 273 (no padding zeros). */
  String plain(double value) {
    return group(BigDecimal.valueOf(value).stripTrailingZeros());
  }

  /** A fraction as a percentage with two decimals: {@code 89.70 %} (Chinese: {@code 89.70%}). */
  String percent(double fraction) {
    return percentText(ShownShares.percent(fraction));
  }

  /** A sum of displayed percentages. */
  String percentText(BigDecimal percent) {
    return group(percent.setScale(2, RoundingMode.HALF_UP)) + (chinese ? "%" : " %");
  }

  /** A quantity as {@link PrintForm#quantity} writes it ({@code 44,369.94 t}), or a dash for none. */
  String quantity(Quantity q) {
    return q == null ? "—" : PrintForm.quantity(q);
  }

  /** A date: {@code 2024年11月27日} or {@code 27 November 2024}. */
  String date(LocalDate date) {
    if (date == null) {
      return "—";
    }
    return chinese ? date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日"
        : date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
  }

  /** A period: {@code 2023年1月1日至2023年12月31日} or {@code 1 January 2023 to 31 December 2023}. */
  String period(Period p) {
    if (p == null) {
      return "—";
    }
    return date(p.start()) + (chinese ? "至" : " to ") + date(p.end());
  }

  private static String group(BigDecimal value) {
    return Numbers.grouped(value.toPlainString());
  }
}

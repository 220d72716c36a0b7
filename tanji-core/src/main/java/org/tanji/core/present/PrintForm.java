package org.tanji.core.present;

import java.math.BigDecimal;
import org.tanji.core.i18n.Numbers;
import org.tanji.core.units.Quantity;
import org.tanji.core.units.QuantityFormatException;
import org.tanji.core.units.Units;

/** Quantities and units as printed for people: the number as typed, grouped; CO₂, ·, m³. */
public final class PrintForm {

  private PrintForm() {}

  /** A unit in print form: {@code kgCO2e/(t*km)} → {@code kgCO₂e/(t·km)}. */
  public static String unit(String symbol) {
    return symbol.strip()
        .replace("CO2", "CO₂")
        .replace("*", "·")
        .replace("m3", "m³")
        .replace("m2", "m²");
  }

  /** A quantity as typed, its number with separators and its unit in print form: {@code 44,369.94 t}. */
  public static String quantity(Quantity q) {
    String[] parts = parts(q);
    return parts[1].isEmpty() ? number(parts[0]) : number(parts[0]) + " " + unit(parts[1]);
  }

  /** The unit of a quantity as typed, in print form: {@code t} for {@code 1 t}. */
  public static String unitOf(Quantity q) {
    return unit(parts(q)[1]);
  }

  /** Number and unit as typed; a quantity made by the program (no typed text) shows its value and symbol. */
  private static String[] parts(Quantity q) {
    try {
      return Units.split(q.text());
    } catch (QuantityFormatException e) {
      return new String[] {BigDecimal.valueOf(q.value()).toPlainString(), q.unit().symbol()};
    }
  }

  /** A number as typed (the quantity pattern admits only forms BigDecimal reads), grouped: 1e3 → 1,000. */
  private static String number(String typed) {
    return Numbers.grouped(new BigDecimal(typed).toPlainString());
  }
}

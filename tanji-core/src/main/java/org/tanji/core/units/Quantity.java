package org.tanji.core.units;

import java.util.Objects;

/**
 * A number with a unit, together with the text the user typed for it.
 *
 * <p>The text is kept so that reports and messages show what the user entered, not a
 * re-formatted double.
 *
 * @throws IllegalArgumentException if the value is NaN or infinite
 */
public record Quantity(double value, Unit unit, String text) {

  public Quantity {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(text, "text");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("quantity value must be finite: " + text);
    }
  }

  /** A quantity whose text is formed from value and unit. */
  public static Quantity of(double value, Unit unit) {
    return new Quantity(value, unit, stripZeros(value) + " " + unit.symbol());
  }

  public Dimension dimension() {
    return unit.dimension();
  }

  /** The value in the base unit of its dimension (kg, m, J, kgCO₂e …). */
  public double inBase() {
    return value * unit.scale();
  }

  /** The value expressed in another unit of the same dimension. */
  public double in(Unit other) {
    if (!other.dimension().equals(unit.dimension())) {
      throw new IllegalArgumentException(
          "cannot express " + text + " in " + other.symbol() + ": different dimensions");
    }
    return value * (unit.scale() / other.scale());
  }

  private static String stripZeros(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  @Override
  public String toString() {
    return text;
  }
}

package org.tanji.core.units;

import java.util.Objects;

/**
 * A unit: its symbol as written, its dimension and its scale to the base unit of that dimension
 * (kg, m, m³, J, Nm³, piece, kgCO₂e).
 *
 * @param symbol the unit as the user wrote it (or the canonical symbol of a table entry)
 * @param scale how many base units one of this unit is
 * @param dimension what it measures
 * @param co2Only true when a CO₂ unit ({@code kgCO2}) stands in for CO₂e: the factor covers CO₂ only
 */
public record Unit(String symbol, double scale, Dimension dimension, boolean co2Only) {

  public Unit {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(dimension, "dimension");
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("unit scale must be positive and finite: " + scale);
    }
  }

  /** The product of two units, written {@code a*b}. */
  public Unit times(Unit o) {
    return new Unit(symbol + "*" + o.symbol, scale * o.scale, dimension.times(o.dimension),
        co2Only || o.co2Only);
  }

  /** The quotient of two units, written {@code a/b}. */
  public Unit dividedBy(Unit o) {
    return new Unit(symbol + "/" + o.symbol, scale / o.scale, dimension.dividedBy(o.dimension),
        co2Only || o.co2Only);
  }

  /** The same unit under the symbol the user typed. */
  public Unit withSymbol(String typed) {
    return new Unit(typed, scale, dimension, co2Only);
  }

  @Override
  public String toString() {
    return symbol;
  }
}

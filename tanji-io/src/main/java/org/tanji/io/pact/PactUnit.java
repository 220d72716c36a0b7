package org.tanji.io.pact;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tanji.core.units.Dimension;
import org.tanji.core.units.Quantity;
import org.tanji.core.units.Unit;
import org.tanji.core.units.Units;

/**
 * PACT's declared units, with the size of one in Tanji's base units. A footprint is exported per
 * one PACT unit ({@code declaredUnitAmount} 1): a study per tonne becomes a footprint per kilogram
 * with the per-kg figure, as PACT asks for products sold in bulk.
 */
enum PactUnit {
  // in the order of PACT's own list
  LITER("liter", "L", true),
  KILOGRAM("kilogram", "kg", true),
  CUBIC_METER("cubic meter", "m3", true),
  KILOWATT_HOUR("kilowatt hour", "kWh", false),
  MEGAJOULE("megajoule", "MJ", false),
  TON_KILOMETER("ton kilometer", "t·km", false),
  SQUARE_METER("square meter", "m2", true),
  PIECE("piece", "piece", true);

  /**
   * PACT's other declared units: time and data volume are no dimension of Tanji's unit table, so
   * no inventory line could use a footprint declared in them.
   */
  static final List<String> UNSUPPORTED = List.of("hour", "megabit second");

  private final String pactName;
  private final Unit unit;
  private final boolean needsMass;

  PactUnit(String pactName, String symbol, boolean needsMass) {
    this.pactName = pactName;
    this.unit = Units.parseUnit(symbol);
    this.needsMass = needsMass;
  }

  /** The name PACT writes in {@code declaredUnitOfMeasurement}. */
  String pactName() {
    return pactName;
  }

  /** Tanji's unit of the same size, in which an imported footprint's factor is written. */
  Unit unit() {
    return unit;
  }

  /** The unit PACT names so, if Tanji can use it. */
  static Optional<PactUnit> named(String pactName) {
    return Arrays.stream(values()).filter(u -> u.pactName.equals(pactName)).findFirst();
  }

  /** True when PACT wants the product's mass per unit; energy and transport work carry 0. */
  boolean needsMass() {
    return needsMass;
  }

  /**
   * The PACT unit for a study's declared unit: the one of its dimension, and of two (litre and
   * cubic metre, kWh and MJ) the one nearer to how the study counts.
   *
   * @return empty for a dimension PACT has no unit for (a length, a currency, a gas volume)
   */
  static Optional<PactUnit> of(Quantity declared) {
    if (declared == null) {
      return Optional.empty();
    }
    Dimension d = declared.dimension();
    if (d.equals(Dimension.VOLUME)) {
      return Optional.of(declared.inBase() < 1 ? LITER : CUBIC_METER);
    }
    if (d.equals(Dimension.ENERGY)) {
      return Optional.of(declared.unit().symbol().endsWith("J") ? MEGAJOULE : KILOWATT_HOUR);
    }
    return Arrays.stream(values()).filter(u -> u.unit.dimension().equals(d)).findFirst();
  }

  /** Every name Tanji reads and writes, for messages. */
  static List<String> names() {
    return Arrays.stream(values()).map(PactUnit::pactName).toList();
  }

  /** A figure per declared unit of the study, per one of this unit instead. */
  BigDecimal perPactUnit(double perDeclaredUnit, Quantity declared) {
    return BigDecimal.valueOf(perDeclaredUnit).multiply(BigDecimal.valueOf(unit.scale()))
        .divide(BigDecimal.valueOf(declared.inBase()), MathContext.DECIMAL64);
  }
}

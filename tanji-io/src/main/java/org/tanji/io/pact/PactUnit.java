package org.tanji.io.pact;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tanji.core.units.Dimension;
import org.tanji.core.units.Quantity;

/**
 * PACT's declared units, with the size of one in Tanji's base units. A footprint is exported per
 * one PACT unit ({@code declaredUnitAmount} 1): a study per tonne becomes a footprint per kilogram
 * with the per-kg figure, as PACT asks for products sold in bulk.
 */
enum PactUnit {
  KILOGRAM("kilogram", Dimension.MASS, 1, true),
  LITER("liter", Dimension.VOLUME, 1e-3, true),
  CUBIC_METER("cubic meter", Dimension.VOLUME, 1, true),
  KILOWATT_HOUR("kilowatt hour", Dimension.ENERGY, 3.6e6, false),
  MEGAJOULE("megajoule", Dimension.ENERGY, 1e6, false),
  TON_KILOMETER("ton kilometer", Dimension.TRANSPORT_WORK, 1e6, false),
  SQUARE_METER("square meter", Dimension.AREA, 1, true),
  PIECE("piece", Dimension.COUNT, 1, true);

  private final String pactName;
  private final Dimension dimension;
  private final double size;
  private final boolean needsMass;

  PactUnit(String pactName, Dimension dimension, double size, boolean needsMass) {
    this.pactName = pactName;
    this.dimension = dimension;
    this.size = size;
    this.needsMass = needsMass;
  }

  /** The name PACT writes in {@code declaredUnitOfMeasurement}. */
  String pactName() {
    return pactName;
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
    return Arrays.stream(values()).filter(u -> u.dimension.equals(d)).findFirst();
  }

  /** Every name PACT knows, for messages. */
  static List<String> names() {
    return Arrays.stream(values()).map(PactUnit::pactName).toList();
  }

  /** A figure per declared unit of the study, per one of this unit instead. */
  BigDecimal perPactUnit(double perDeclaredUnit, Quantity declared) {
    return BigDecimal.valueOf(perDeclaredUnit).multiply(BigDecimal.valueOf(size))
        .divide(BigDecimal.valueOf(declared.inBase()), MathContext.DECIMAL64);
  }
}

package org.tanji.core.model;

import java.math.BigDecimal;
import org.tanji.core.units.Quantity;

/**
 * Figures a published report states for the whole study, to be checked against the recomputed
 * ones. Each may be null.
 *
 * @param total total emissions of the period, a CO₂e mass
 * @param perUnit footprint per declared unit: a CO₂e mass, or CO₂e per a unit of the declared
 *     unit's dimension ({@code kgCO2e/t})
 * @param dataQuality the stated data-quality score, with the decimals it was printed with
 */
public record Claims(Quantity total, Quantity perUnit, BigDecimal dataQuality) {
  public static Claims none() {
    return new Claims(null, null, null);
  }
}

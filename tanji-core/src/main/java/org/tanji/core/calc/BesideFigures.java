package org.tanji.core.calc;

import java.util.List;

/**
 * The figures reported beside the footprint, in kg, for the period and per declared unit; never
 * part of the total. Each figure is null when the study does not give it.
 *
 * @param biogenicEmissionsKgCO2e biogenic CO₂ emitted over the period
 * @param biogenicRemovalsKgCO2e CO₂ removed by biomass over the period (a positive figure)
 * @param biogenicCarbonKg biogenic carbon in one declared unit (kg C)
 * @param avoided emissions avoided elsewhere, by name, over the period
 * @param offsets offsets bought, by name, over the period
 * @param declaredUnitsMade what the period figures are divided by for the per-unit ones
 */
public record BesideFigures(Double biogenicEmissionsKgCO2e, Double biogenicRemovalsKgCO2e, Double biogenicCarbonKg,
    List<Named> avoided, List<Named> offsets, double declaredUnitsMade) {

  public static final BesideFigures NONE = new BesideFigures(null, null, null, List.of(), List.of(), 1);

  public BesideFigures {
    avoided = List.copyOf(avoided);
    offsets = List.copyOf(offsets);
  }

  /** True when nothing is reported beside the footprint. */
  public boolean isEmpty() {
    return biogenicEmissionsKgCO2e == null && biogenicRemovalsKgCO2e == null && biogenicCarbonKg == null
        && avoided.isEmpty() && offsets.isEmpty();
  }

  /** A period figure per declared unit. */
  public double perUnit(double kg) {
    return Footprint.perUnit(kg, declaredUnitsMade);
  }

  /** The CO₂ the biogenic carbon of one declared unit stands for: 44/12 times its mass. */
  public Double biogenicCarbonAsCo2Kg() {
    return biogenicCarbonKg == null ? null : biogenicCarbonKg * 44.0 / 12.0;
  }

  /** A named figure: what was avoided or offset, in kgCO₂e over the period. */
  public record Named(String name, double kgCO2e) {}
}

package org.tanji.core.calc;

import org.tanji.core.units.Quantity;

/**
 * The arithmetic of a product carbon footprint, and nothing else: CF = Σ Mᵢ × Nᵢ.
 *
 * <p>Every figure is in kgCO₂e. Dimensions are checked before these methods are called (by the
 * {@link Calculator}), so here a quantity's base unit is all that matters: kg, m, J, m³, Nm³,
 * piece, and kgCO₂e for CO₂e masses.
 */
public final class Footprint {

  private Footprint() {}

  /** Emissions of one line: activity amount Mᵢ times emission factor Nᵢ. */
  public static double emissions(Quantity amount, Quantity factor) {
    // scales first, so that prefixes cancel (kWh × tCO2e/MWh: 0.9999999999999999) before the
    // large activity values are multiplied
    return emissions(amount.value(), factor.value(), amount.unit().scale() * factor.unit().scale());
  }

  /**
   * Emissions of one line from the numbers as typed: amount times factor times the product of
   * their units' scales (computed once, see {@link #emissions(Quantity, Quantity)}).
   */
  public static double emissions(double amount, double factor, double scales) {
    return amount * factor * scales;
  }

  /** Transport work in kg·m: mass moved times distance. */
  public static double transportWork(Quantity mass, Quantity distance) {
    return transportWork(mass.value(), mass.unit().scale(), distance.value(), distance.unit().scale());
  }

  /** Transport work in kg·m from the numbers as typed and their units' scales. */
  public static double transportWork(double mass, double massScale, double distance, double distanceScale) {
    return mass * massScale * (distance * distanceScale);
  }

  /** Emissions of transport work (kg·m) with a factor per transport work. */
  public static double transportEmissions(double workKgM, Quantity factor) {
    return transportEmissions(workKgM, factor.value(), factor.unit().scale());
  }

  /** Emissions of transport work (kg·m) with a factor as typed and its unit's scale. */
  public static double transportEmissions(double workKgM, double factor, double factorScale) {
    return workKgM * (factor * factorScale);
  }

  /** CO₂e of a direct gas emission: its mass in kg times its GWP. */
  public static double gasEmissions(Quantity gasMass, double gwp) {
    return gasMass.inBase() * gwp;
  }

  /** The part of shared emissions that falls to the studied product. */
  public static double allocate(double kgCO2e, double share) {
    return kgCO2e * share;
  }

  /** A part's share of a whole: 0 when the whole is 0, so that an empty study has no shares. */
  public static double share(double part, double whole) {
    return whole == 0 ? 0 : part / whole;
  }

  /** The product's allocation share: its mass (or value) over the total of all products. */
  public static double allocationShare(double product, double allProducts) {
    return product / allProducts;
  }

  /** How many declared units the period's output is: 43585.4 t ÷ 1 t, or 2 t ÷ 1000 kg = 2. */
  public static double declaredUnitsMade(Quantity output, Quantity declaredUnit) {
    return output.inBase() / declaredUnit.inBase();
  }

  /** Footprint per declared unit: the period's total over the number of declared units made. */
  public static double perUnit(double totalKgCO2e, double declaredUnitsMade) {
    return totalKgCO2e / declaredUnitsMade;
  }

  /** Footprint per kg of product: the period's total over the mass made. */
  public static double perKg(double totalKgCO2e, double productMassKg) {
    return totalKgCO2e / productMassKg;
  }
}

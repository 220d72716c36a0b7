package org.tanji.core.present;

/** The unit emission tables are written in: tonnes for large studies, kilograms for small ones. */
public enum EmissionUnit {
  KG("kgCO₂e", 1),
  TONNE("tCO₂e", 1000);

  /**
   * From this total on (10 t) tables show tCO₂e. Below it, tonnes would print a small study's
   * lines as 0.00 and hide them; above it, kilograms would give eight-digit columns.
   */
  public static final double TONNES_FROM_KG = 10_000;

  private final String symbol;
  private final double kgPerUnit;

  EmissionUnit(String symbol, double kgPerUnit) {
    this.symbol = symbol;
    this.kgPerUnit = kgPerUnit;
  }

  /** The unit for a study whose total is {@code totalKgCO2e} (by magnitude, so credits count too). */
  public static EmissionUnit forTotal(double totalKgCO2e) {
    return Math.abs(totalKgCO2e) >= TONNES_FROM_KG ? TONNE : KG;
  }

  /** The symbol in print form: {@code tCO₂e}. */
  public String symbol() {
    return symbol;
  }

  /** Emissions as a table shows them in this unit: {@code 107,375.25}, never {@code 0.00} for 0.074. */
  public Figure figure(double kgCO2e) {
    return Figure.of(of(kgCO2e));
  }

  /** How many kgCO₂e one of this unit is (1 for kg, 1,000 for t). */
  public double kgPerUnit() {
    return kgPerUnit;
  }

  /** {@code kgCO2e} expressed in this unit. */
  public double of(double kgCO2e) {
    return kgCO2e / kgPerUnit;
  }
}

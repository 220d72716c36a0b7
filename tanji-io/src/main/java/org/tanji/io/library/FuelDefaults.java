package org.tanji.io.library;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tanji.core.units.Quantity;
import org.tanji.core.units.Units;

/**
 * The GB/T 32151 default parameters of common fossil fuels (net calorific value, carbon content
 * per energy, oxidation rate), from the same bundled table the library's {@code cn-fuel-*}
 * factors are derived from.
 */
public final class FuelDefaults {

  /**
   * One fuel's defaults.
   *
   * @param ncv net calorific value per unit of fuel ({@code 28.435 GJ/t})
   * @param factor CO₂ per energy: carbon content per TJ × 44/12, as GB/T 32151 defines it
   * @param oxidation oxidation rate, a fraction
   */
  public record Fuel(String id, String name, Quantity ncv, Quantity factor, double oxidation, String source) {}

  private static final Map<String, Fuel> FUELS = load();

  private FuelDefaults() {}

  /** The defaults of a fuel by its id in the table ({@code coke}, {@code natural-gas} …). */
  public static Optional<Fuel> find(String id) {
    return Optional.ofNullable(FUELS.get(id));
  }

  /** The fuel ids, in the table's order. */
  public static Iterable<String> ids() {
    return FUELS.keySet();
  }

  private static Map<String, Fuel> load() {
    Map<String, Fuel> out = new LinkedHashMap<>();
    for (CsvRows.Row r : FactorLibrary.csv("cn-fuel-defaults.csv").rows) {
      Quantity ncv = Units.parseQuantity(r.get("ncv") + " " + r.get("ncvUnit"));
      double carbon = Double.parseDouble(r.get("carbonContent_tC_per_TJ"));
      Quantity factor = Quantity.of(carbon * 44 / 12, Units.parseUnit("tCO2/TJ"));
      out.put(r.get("fuel"), new Fuel(r.get("fuel"), r.get("name"), ncv, factor,
          Double.parseDouble(r.get("oxidationRate")), r.get("source")));
    }
    return Collections.unmodifiableMap(out);
  }
}

package org.tanji.core.cbam;

import java.util.List;
import java.util.Objects;
import org.tanji.core.units.Quantity;

/**
 * A production process of the installation (sheet {@code D_Processes}): what it makes, how much,
 * the energy flows that correct its direct emissions, the electricity it uses and the precursors
 * it consumes. Quantities the file leaves out are null.
 *
 * @param id the key other entries refer to it by
 * @param name as the user names it
 * @param category the aggregated goods category it produces
 * @param production total production in the period (a mass): the denominator of its specific emissions
 * @param heatImported measurable heat imported, with its emission factor, or null
 * @param heatExported measurable heat exported, with its emission factor, or null
 * @param wasteGasImported energy content of waste gases imported (an energy), or null
 * @param wasteGasExported energy content of waste gases exported (an energy), or null
 * @param electricity electricity consumed (an energy), or null when none
 * @param electricityFactor its emission factor (CO₂ per energy), or null
 * @param electricitySource where that factor comes from, as the template asks ({@code Mix}, {@code D.4(b)} …)
 * @param electricityExported electricity exported from the process, with its factor, or null
 * @param precursors the precursors it consumes, produced in the installation or purchased
 * @param where the key path of the process in its file
 */
public record ProductionProcess(String id, String name, GoodsCategory category, Quantity production,
    EnergyFlow heatImported, EnergyFlow heatExported, Quantity wasteGasImported, Quantity wasteGasExported,
    Quantity electricity, Quantity electricityFactor, String electricitySource, EnergyFlow electricityExported,
    List<PrecursorUse> precursors, String where) {

  /** An amount of energy (heat, electricity) with the emission factor of that energy. */
  public record EnergyFlow(Quantity amount, Quantity factor, String where) {
    public EnergyFlow {
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(factor, "factor");
      Objects.requireNonNull(where, "where");
    }
  }

  /**
   * A precursor consumed by the process.
   *
   * @param precursor the id of a production process of the installation or of a purchased precursor
   * @param amount the mass consumed in the period
   */
  public record PrecursorUse(String precursor, Quantity amount, String where) {
    public PrecursorUse {
      Objects.requireNonNull(precursor, "precursor");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(where, "where");
    }
  }

  public ProductionProcess {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(production, "production");
    Objects.requireNonNull(where, "where");
    precursors = List.copyOf(precursors);
  }
}

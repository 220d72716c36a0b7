package org.tanji.core.model;

import java.util.List;
import java.util.Objects;
import org.tanji.core.units.Quantity;

/**
 * What a study reports beside its footprint and never in it (ISO 14067 7.2, PACT v3): biogenic CO₂
 * emissions and removals, the biogenic carbon in the product, emissions avoided elsewhere and
 * offsets bought. None is added to or subtracted from the total.
 *
 * @param biogenicEmissions biogenic CO₂ emitted over the period (burning wood), a CO₂e mass, or null
 * @param biogenicRemovals CO₂ taken up by biomass over the period, a CO₂e mass given as a positive
 *     amount, or null
 * @param biogenicCarbon the biogenic carbon in one declared unit of product (a mass of C), or null
 * @param avoided emissions avoided elsewhere ("118 t avoided by recycling"), named
 * @param offsets offsets or credits bought, named
 */
public record Beside(Quantity biogenicEmissions, Quantity biogenicRemovals, Quantity biogenicCarbon,
    List<Credit> avoided, List<Credit> offsets) {

  public Beside {
    avoided = List.copyOf(avoided);
    offsets = List.copyOf(offsets);
  }

  public static Beside none() {
    return new Beside(null, null, null, List.of(), List.of());
  }

  /** True when the study reports nothing beside its footprint. */
  public boolean isEmpty() {
    return biogenicEmissions == null && biogenicRemovals == null && biogenicCarbon == null && avoided.isEmpty()
        && offsets.isEmpty();
  }

  /**
   * A named amount of CO₂e avoided or offset.
   *
   * @param name what it is ("recycling of scrap")
   * @param amount a CO₂e mass, or null when it could not be read (the reader said why)
   */
  public record Credit(String name, Quantity amount) {
    public Credit {
      Objects.requireNonNull(name, "name");
    }
  }
}

package org.tanji.core.check;

import java.util.Optional;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Finding;

/**
 * Catches footprints whose magnitude cannot be right: per kg of product, anything below 0.05 or
 * above 1000 kgCO₂e/kg. Cradle-to-gate steel is typically 1.5–3 kgCO₂e/kg; a figure a thousand
 * times smaller is usually tCO₂e printed as kgCO₂e.
 */
public final class Plausibility {

  public static final String CODE = "IMPLAUSIBLE_INTENSITY";
  public static final double MIN_PER_KG = 0.05; // written out in the message below as "0.05"
  public static final double MAX_PER_KG = 1000; // and "1000": no locale may group its digits

  private Plausibility() {}

  /** True when a per-kg footprint lies within the plausible range. */
  public static boolean plausible(double perKg) {
    return perKg >= MIN_PER_KG && perKg <= MAX_PER_KG;
  }

  /**
   * A warning when the per-kg figure is implausible.
   *
   * @param whose what the figure is (the recomputed result, or a claim)
   * @param perKgText the figure, formatted
   */
  public static Optional<Finding> check(String where, Text whose, double perKg, String perKgText) {
    if (plausible(perKg)) {
      return Optional.empty();
    }
    Text direction = perKg < MIN_PER_KG
        ? Text.of("plausibility.low", "0.05")
        : Text.of("plausibility.high", "1000");
    return Optional.of(Finding.warning(CODE, where, Text.of("plausibility", whose, perKgText, direction)));
  }
}

package org.tanji.core.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tanji.core.units.Quantity;

/**
 * Figures a published report states for the whole study, to be checked against the recomputed
 * ones. Each may be null; the maps may be empty.
 *
 * @param total total emissions of the period, a CO₂e mass
 * @param perUnit footprint per declared unit: a CO₂e mass, or CO₂e per a unit of the declared
 *     unit's dimension ({@code kgCO2e/t})
 * @param dataQuality the stated data-quality score, with the decimals it was printed with
 * @param stages the stated emissions of life-cycle stages (subtotals), CO₂e masses
 * @param stageShares the stated shares of stages in the total, as printed ({@code 57.04 %})
 */
public record Claims(Quantity total, Quantity perUnit, BigDecimal dataQuality, Map<Stage, Quantity> stages,
    Map<Stage, Share> stageShares) {

  public Claims {
    stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages == null ? Map.of() : stages));
    stageShares = Collections.unmodifiableMap(new LinkedHashMap<>(stageShares == null ? Map.of() : stageShares));
  }

  /** Claims on the total, the per-unit figure and the data quality only. */
  public Claims(Quantity total, Quantity perUnit, BigDecimal dataQuality) {
    this(total, perUnit, dataQuality, Map.of(), Map.of());
  }

  public static Claims none() {
    return new Claims(null, null, null);
  }

  /**
   * A share as a report prints it: {@code 57.04 %}.
   *
   * @param text as printed, for its decimals
   * @param percent the number, in percent
   */
  public record Share(String text, double percent) {
    public Share {
      java.util.Objects.requireNonNull(text, "text");
      if (!Double.isFinite(percent)) {
        throw new IllegalArgumentException("a share must be a finite number: " + text);
      }
    }
  }
}

package org.tanji.core.calc;

import java.util.Optional;
import org.tanji.core.model.Stage;
import org.tanji.core.quality.Points;
import org.tanji.core.units.ExchangeRate;

/**
 * One inventory line's part of the result.
 *
 * @param index position in the study's inventory, from 0
 * @param name the line's name
 * @param stage its life-cycle stage
 * @param kgCO2e emissions attributed to the studied product (after allocation; 0 when excluded)
 * @param share fraction of the study's total, 0–1 (0 when the total is 0)
 * @param excluded true for a cut-off line
 * @param score the line's data-quality score, or null for an excluded line
 * @param points the three data-quality points, or null for an excluded line
 * @param factor the factor key the line uses, or null
 * @param allocated true when allocation applied to this line (coproducts and not dedicated)
 * @param unallocatedKgCO2e the line's emissions before allocation (activity × factor); equals
 *     {@code kgCO2e} when no allocation applied
 * @param exchangeRate the study's rate the line's amount was converted with into its factor's
 *     currency; empty when no currencies met
 */
public record LineResult(
    int index,
    String name,
    Stage stage,
    double kgCO2e,
    double share,
    boolean excluded,
    Double score,
    Points points,
    String factor,
    boolean allocated,
    double unallocatedKgCO2e,
    Optional<ExchangeRate> exchangeRate) {

  public LineResult {
    java.util.Objects.requireNonNull(exchangeRate, "exchangeRate");
  }

  /** A line computed without an exchange rate. */
  public LineResult(int index, String name, Stage stage, double kgCO2e, double share, boolean excluded, Double score,
      Points points, String factor, boolean allocated, double unallocatedKgCO2e) {
    this(index, name, stage, kgCO2e, share, excluded, score, points, factor, allocated, unallocatedKgCO2e,
        Optional.empty());
  }
}

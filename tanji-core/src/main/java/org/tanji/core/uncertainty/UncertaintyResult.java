package org.tanji.core.uncertainty;

import java.util.List;
import org.tanji.core.calc.Formula;
import org.tanji.core.model.Stage;
import org.tanji.core.model.Uncertainty;

/**
 * What a Monte Carlo simulation of a study found.
 *
 * @param runs how many runs
 * @param seed the seed they were drawn from
 * @param deterministicTotal the study's total as computed without draws, kgCO₂e
 * @param deterministicPerUnit per declared unit, kgCO₂e
 * @param total the spread of the total, kgCO₂e
 * @param perUnit the spread per declared unit, kgCO₂e (the total's divided by the declared units made)
 * @param stages the spread of each stage's total, in order of first appearance
 * @param histogram the runs per declared unit, in equal bins from the smallest to the largest
 * @param inputs every input with a distribution, in order of first use
 * @param contributions the inputs' contributions to variance (squared rank correlation,
 *     normalised over the inputs ranked), largest first
 * @param tornado one-at-a-time sensitivity of the inputs with the largest deterministic
 *     contributions, widest first
 * @param fixed the lines none of whose numbers has a distribution, with their share of the total
 * @param fixedShare their shares together
 */
public record UncertaintyResult(
    int runs,
    long seed,
    double deterministicTotal,
    double deterministicPerUnit,
    Summary total,
    Summary perUnit,
    List<StageSpread> stages,
    Histogram histogram,
    List<InputSpread> inputs,
    List<Contribution> contributions,
    List<Sensitivity> tornado,
    List<FixedLine> fixed,
    double fixedShare) {

  public UncertaintyResult {
    stages = List.copyOf(stages);
    inputs = List.copyOf(inputs);
    contributions = List.copyOf(contributions);
    tornado = List.copyOf(tornado);
    fixed = List.copyOf(fixed);
  }

  /** A stage's total: as computed and its spread, kgCO₂e. */
  public record StageSpread(Stage stage, double deterministic, Summary kgCO2e) {}

  /**
   * Counts of runs per declared unit in equal bins.
   *
   * @param lower where the first bin starts (the smallest run), kgCO₂e per declared unit
   * @param width each bin's width (0 when all runs are equal: then one bin holds them all)
   * @param counts runs per bin
   */
  public record Histogram(double lower, double width, List<Integer> counts) {
    public Histogram {
      counts = List.copyOf(counts);
    }
  }

  /**
   * An input with a distribution.
   *
   * @param input the number in the study
   * @param distribution as written, or as derived from the quality levels
   * @param fromQuality true when derived from the quality levels ({@code fromQuality: true})
   * @param gsd the geometric standard deviation of a lognormal (also one from a pedigree), else NaN
   * @param truncated draws beyond zero that were set to zero (normal distributions only)
   */
  public record InputSpread(Formula.Input input, Uncertainty distribution, boolean fromQuality, double gsd,
      long truncated) {}

  /**
   * An input's part of the spread.
   *
   * @param rankCorrelation Spearman's rank correlation of its draws with the total
   * @param share its squared rank correlation over the sum of all ranked inputs' (0–1)
   */
  public record Contribution(Formula.Input input, double rankCorrelation, double share) {}

  /**
   * The footprint per declared unit with one input at 90 % and at 110 % of its value, the others
   * as typed.
   */
  public record Sensitivity(Formula.Input input, double lowPerUnit, double highPerUnit) {}

  /** A line without any distribution: its index, name and share of the deterministic total. */
  public record FixedLine(int index, String name, double share) {}
}

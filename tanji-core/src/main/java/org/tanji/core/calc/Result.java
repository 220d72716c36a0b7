package org.tanji.core.calc;

import java.util.List;
import org.tanji.core.model.Factor;
import org.tanji.core.model.Finding;
import org.tanji.core.quality.DataQuality;

/**
 * What a study computes to. When the study has errors the figures are null, the lists are empty
 * and the findings say why.
 *
 * @param totalKgCO2e emissions attributed to the studied product over the period
 * @param perUnitKgCO2e per declared unit
 * @param perKgKgCO2e per kg of product, null when the product's mass is unknown
 * @param allocationShare the studied product's share of shared inputs (1 without coproducts)
 * @param stages emissions by stage, in order of first appearance
 * @param lines emissions by inventory line, in file order
 * @param dataQuality score and grade, null when nothing carries emissions
 * @param findings everything the reader and the checks found, in the order found
 * @param factors the factors the lines use, in order of first use, with their provenance
 * @param allocationBasis what the shared inputs were divided by: the studied product's measure,
 *     then each coproduct's, in kg for mass allocation or in money for economic allocation; empty
 *     without coproducts
 * @param beside what is reported beside the footprint and not in it (biogenic carbon, avoided
 *     emissions, offsets); empty when the study gives none or has errors
 */
public record Result(
    Double totalKgCO2e,
    Double perUnitKgCO2e,
    Double perKgKgCO2e,
    Double allocationShare,
    List<StageResult> stages,
    List<LineResult> lines,
    DataQuality dataQuality,
    List<Finding> findings,
    List<Factor> factors,
    List<Double> allocationBasis,
    BesideFigures beside) {

  /** A result with nothing reported beside the footprint. */
  public Result(Double totalKgCO2e, Double perUnitKgCO2e, Double perKgKgCO2e, Double allocationShare,
      List<StageResult> stages, List<LineResult> lines, DataQuality dataQuality, List<Finding> findings,
      List<Factor> factors, List<Double> allocationBasis) {
    this(totalKgCO2e, perUnitKgCO2e, perKgKgCO2e, allocationShare, stages, lines, dataQuality, findings, factors,
        allocationBasis, BesideFigures.NONE);
  }

  public Result {
    stages = List.copyOf(stages);
    lines = List.copyOf(lines);
    findings = List.copyOf(findings);
    factors = List.copyOf(factors);
    allocationBasis = List.copyOf(allocationBasis);
    java.util.Objects.requireNonNull(beside, "beside");
  }

  /** A result with no figures, only findings: the study could not be computed. */
  public static Result failed(List<Finding> findings) {
    return new Result(null, null, null, null, List.of(), List.of(), null, findings, List.of(), List.of());
  }

  /** True when any finding is an error, so the figures are null. */
  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.isError());
  }
}

package org.tanji.io;

import java.util.List;
import java.util.Optional;
import org.tanji.core.calc.Calculator;
import org.tanji.core.calc.Result;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Study;
import org.tanji.core.uncertainty.Simulation;

/**
 * A study as read from a file, and what the reader found. The study is null only when the file
 * could not be parsed at all.
 */
public record ReadResult(Study study, List<Finding> findings) {

  public ReadResult {
    findings = List.copyOf(findings);
  }

  /** Computes the study, carrying the reader's findings; a study that could not be read yields them alone. */
  public Result calculate() {
    return study == null ? Result.failed(findings) : Calculator.calculate(study, findings);
  }

  /**
   * Prepares the study's Monte Carlo simulation, carrying the reader's findings; empty when the
   * file could not be parsed at all (the findings say why).
   */
  public Optional<Simulation> simulation() {
    return study == null ? Optional.empty() : Optional.of(Simulation.prepare(study, findings));
  }
}

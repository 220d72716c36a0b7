package org.tanji.io;

import java.util.List;
import org.tanji.core.calc.Calculator;
import org.tanji.core.calc.Result;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Study;

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
}

package org.tanji.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tanji.core.cbam.Cbam;
import org.tanji.core.cbam.CbamInput;
import org.tanji.core.cbam.CbamResult;
import org.tanji.core.model.Finding;
import org.tanji.core.model.SourceMap;
import org.tanji.core.model.Study;

/**
 * A CBAM file as read: the input for the calculation (empty when the file could not be read as
 * one), the PCF study it refers to, and the findings of reading.
 */
public record CbamRead(Optional<CbamInput> input, Optional<Study> study, List<Finding> findings, SourceMap source) {

  public CbamRead {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(study, "study");
    findings = List.copyOf(findings);
    Objects.requireNonNull(source, "source");
  }

  /**
   * Computes the file's CBAM figures; the result's findings are the reader's followed by the
   * calculation's, placed at their lines in the file. A file that could not be read gives a result
   * with its findings only.
   */
  public Optional<CbamResult> compute() {
    return input.map(in -> {
      CbamResult r = Cbam.compute(in);
      List<Finding> all = new ArrayList<>(findings);
      for (Finding f : r.findings()) {
        all.add(f.position() != null ? f : source.find(f.where()).map(f::at).orElse(f));
      }
      return new CbamResult(r.installation(), r.sourceStreams(), r.processes(), r.goods(), r.directEmissions(),
          r.biomassEmissions(), all);
    });
  }
}

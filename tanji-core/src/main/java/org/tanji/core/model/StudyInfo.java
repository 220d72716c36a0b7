package org.tanji.core.model;

import java.util.List;

/**
 * The {@code study:} block. Every field but {@code standards} may be null when the file leaves it
 * out; the reader has said so in a finding.
 */
public record StudyInfo(
    String title,
    String language,
    List<String> standards,
    Boundary boundary,
    Period period,
    GwpSet gwp) {

  public StudyInfo {
    standards = standards == null ? List.of() : List.copyOf(standards);
  }

  public static StudyInfo empty() {
    return new StudyInfo(null, null, List.of(), null, null, null);
  }
}

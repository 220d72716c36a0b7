package org.tanji.core.model;

import java.time.LocalDate;

/**
 * What the study says about its report: the number and date on the cover, the assessing body, and
 * who prepared, reviewed and approved it, each with a date. All optional.
 *
 * @param number the report number, or null
 * @param date the report date (the report takes its date from here, never from the clock), or null
 * @param assessor the organization that carried out the assessment, or null
 */
public record ReportInfo(String number, LocalDate date, String assessor, Signature preparedBy,
    Signature reviewedBy, Signature approvedBy) {

  /** A person who signs the report, and when; either part may be absent. */
  public record Signature(String name, LocalDate date) {}

  private static final ReportInfo NONE = new ReportInfo(null, null, null, null, null, null);

  public static ReportInfo none() {
    return NONE;
  }
}

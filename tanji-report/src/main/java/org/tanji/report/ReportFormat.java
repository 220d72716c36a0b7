package org.tanji.report;

import java.util.Locale;
import java.util.Optional;

/** The file formats a report is written in. */
public enum ReportFormat {
  HTML("html"),
  DOCX("docx"),
  PDF("pdf");

  private final String extension;

  ReportFormat(String extension) {
    this.extension = extension;
  }

  /** The file-name extension, without the dot. */
  public String extension() {
    return extension;
  }

  /** The format for a name such as {@code pdf} or {@code PDF}. */
  public static Optional<ReportFormat> fromName(String name) {
    for (ReportFormat f : values()) {
      if (f.extension.equals(name.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}

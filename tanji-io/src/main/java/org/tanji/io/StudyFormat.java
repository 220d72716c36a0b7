package org.tanji.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The formats a study can be written in: two text formats and the Excel workbook. */
public enum StudyFormat {
  YAML, JSON, XLSX;

  /** The format a file name's extension stands for, if it is one of ours. */
  public static Optional<StudyFormat> fromFileName(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return Optional.of(YAML);
    }
    if (name.endsWith(".json")) {
      return Optional.of(JSON);
    }
    if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
      return Optional.of(XLSX);
    }
    return Optional.empty();
  }
}

package org.tanji.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The formats a study can be written in: two text formats and the Excel workbook. */
public enum StudyFormat {
  YAML, JSON, XLSX;

  /** The format of a name as the API and files write it ({@code yaml}, {@code json}, {@code xlsx}). */
  public static Optional<StudyFormat> fromName(String name) {
    for (StudyFormat f : values()) {
      if (f.name().toLowerCase(Locale.ROOT).equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The format a file name's extension stands for, if it is one of ours. */
  public static Optional<StudyFormat> fromFileName(Path path) {
    return fromFileName(path.getFileName() == null ? "" : path.getFileName().toString());
  }

  /** The format a file name's extension stands for (a name as a browser sends it, not a path of this machine). */
  public static Optional<StudyFormat> fromFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
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

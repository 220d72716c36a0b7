package org.tanji.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.tanji.io.ReadResult;
import org.tanji.io.library.FactorLibrary;

/** Reading the study file a command was given; what goes wrong is said on stderr in one line. */
final class StudyInput {

  private StudyInput() {}

  /** Reads a study file with a library. */
  interface Reader {
    ReadResult read(Path file, FactorLibrary library) throws IOException;
  }

  /**
   * The file read by {@code reader} (the one study reader, or a test's failing one), or empty when it
   * is a directory, missing or unreadable (said on stderr).
   */
  static Optional<ReadResult> read(String command, Path file, FactorLibrary library, PrintWriter err, Locale messages,
      Reader reader) {
    try {
      if (Files.isDirectory(file)) {
        err.println("tanji " + command + ": " + String.format(Cli.text("calc.directory", messages), file));
        return Optional.empty();
      }
      return Optional.of(reader.read(file, library));
    } catch (IOException e) {
      err.println("tanji " + command + ": " + Main.describe(e, file, messages));
    }
    return Optional.empty();
  }
}

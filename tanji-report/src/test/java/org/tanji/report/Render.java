package org.tanji.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tanji.core.calc.Result;
import org.tanji.core.i18n.Messages;
import org.tanji.io.ReadResult;
import org.tanji.io.StudyFiles;
import org.tanji.report.model.ReportDocument;

/** Test helper: reads an example, builds its report, writes formats under target/reports. */
final class Render {

  static final Path EXAMPLES = Path.of("..", "examples");
  static final Path OUT = Path.of("target", "reports");

  private Render() {}

  record Built(ReadResult read, Result result, ReportDocument doc) {}

  static Built example(String name, Locale locale) throws IOException {
    return build(EXAMPLES.resolve(name), locale);
  }

  static Built build(Path file, Locale locale) throws IOException {
    ReadResult read = StudyFiles.read(file);
    Result result = read.calculate();
    Locale l = locale != null ? locale : Messages.locale(read.study().info().language());
    return new Built(read, result, Reports.build(read.study(), result, l));
  }

  static Path write(ReportDocument doc, ReportFormat format, String name) throws IOException {
    Files.createDirectories(OUT);
    Path file = OUT.resolve(name + "." + format.extension());
    try (OutputStream out = Files.newOutputStream(file)) {
      Reports.write(doc, format, out);
    }
    return file;
  }

  static byte[] bytes(ReportDocument doc, ReportFormat format) throws IOException {
    var out = new java.io.ByteArrayOutputStream();
    Reports.write(doc, format, out);
    return out.toByteArray();
  }
}

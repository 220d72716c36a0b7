package org.tanji.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tanji.core.calc.Result;
import org.tanji.core.i18n.Messages;
import org.tanji.core.model.Finding;
import org.tanji.io.ReadResult;
import org.tanji.io.StudyFiles;
import org.tanji.report.ReportFormat;
import org.tanji.report.Reports;
import org.tanji.report.model.ReportDocument;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tanji report FILE -o DIR [--format html,docx,pdf] [--lang zh|en]}: writes the PCF report
 * of a study. A study with errors gets no report, only its findings (exit 1).
 */
@Command(name = "report", mixinStandardHelpOptions = true, resourceBundle = "org.tanji.cli.help")
final class ReportCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "calc.file")
  Path file;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", descriptionKey = "report.output")
  Path dir = Path.of(".");

  @Option(names = "--format", paramLabel = "html,docx,pdf", split = ",", descriptionKey = "report.format")
  List<String> formats = List.of("html", "docx", "pdf");

  @Option(names = "--lang", paramLabel = "zh|en", descriptionKey = "report.lang")
  CalcCommand.Lang lang;

  @CommandLine.Mixin
  LibraryOption library;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Locale messages = lang == null ? Messages.EN : Messages.locale(lang.name());
    Set<ReportFormat> wanted = EnumSet.noneOf(ReportFormat.class);
    for (String name : formats) {
      ReportFormat format = ReportFormat.fromName(name).orElse(null);
      if (format == null) {
        err.println("tanji report: " + String.format(Cli.text("report.badFormat", messages), name));
        return Main.USAGE;
      }
      wanted.add(format);
    }
    if (Files.isDirectory(file)) {
      err.println("tanji report: " + String.format(Cli.text("calc.directory", messages), file));
      return Main.USAGE;
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      err.println("tanji report: " + String.format(Cli.text("report.notDirectory", messages), dir));
      return Main.USAGE;
    }
    ReadResult read;
    try {
      read = StudyFiles.read(file, library.load(err, messages));
    } catch (IOException e) {
      err.println("tanji report: " + Main.describe(e, file, messages));
      return Main.USAGE;
    }
    Result result = read.calculate();
    Locale locale = lang != null ? Messages.locale(lang.name())
        : Messages.locale(read.study() == null ? null : read.study().info().language());
    if (read.study() == null || result.hasErrors()) {
      for (Finding f : result.findings()) {
        err.println(file + ": " + Cli.text("severity." + f.severity().id(), locale) + " " + f.code()
            + (f.where().isEmpty() ? "" : " " + f.where()) + ": " + f.message(locale));
      }
      err.println(String.format(Cli.text("report.refused", locale), file));
      return Main.STUDY_ERRORS;
    }
    ReportDocument doc = Reports.build(read.study(), result, locale);
    Files.createDirectories(dir);
    String base = baseName(file);
    // every format made in memory first: a failure in one leaves no file half-written or mixed
    Map<ReportFormat, byte[]> made = new EnumMap<>(ReportFormat.class);
    for (ReportFormat format : wanted) {
      made.put(format, Reports.bytes(doc, format));
    }
    List<String> written = new ArrayList<>();
    for (Map.Entry<ReportFormat, byte[]> e : made.entrySet()) {
      Path target = dir.resolve(base + "." + e.getKey().extension());
      Files2.replace(target, (OutputStream os) -> os.write(e.getValue()));
      written.add(target.toString());
    }
    for (String w : written) {
      out.println(String.format(Cli.text("report.done", locale), w));
    }
    return Main.OK;
  }

  /** {@code examples/seed-003-steel-balls.yaml} → {@code seed-003-steel-balls}. */
  static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}

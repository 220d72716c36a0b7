package org.tanji.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tanji.core.i18n.Messages;
import org.tanji.core.model.Finding;
import org.tanji.io.ReadResult;
import org.tanji.io.StudyFiles;
import org.tanji.io.StudyFormat;
import org.tanji.io.StudyWriter;
import org.tanji.io.library.FactorLibrary;
import org.tanji.io.xlsx.Workbooks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tanji convert IN OUT}: rewrites a study in another format (YAML, JSON, an Excel workbook),
 * chosen by the extension. A
 * study with errors is not converted: its unreadable parts would be lost.
 */
@Command(name = "convert", mixinStandardHelpOptions = true, resourceBundle = "org.tanji.cli.help")
final class ConvertCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "IN", descriptionKey = "convert.in")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT", descriptionKey = "convert.out")
  Path out;

  @Option(names = "--lang", paramLabel = "zh|en", descriptionKey = "calc.lang")
  CalcCommand.Lang lang;

  @Mixin
  LibraryOption library;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Locale messages = lang != null ? Messages.locale(lang.name()) : Messages.EN;
    StudyFormat target = StudyFormat.fromFileName(out).orElse(null);
    if (target == null) {
      err.println("tanji convert: " + String.format(Cli.text("convert.badTarget", messages), out));
      return Main.USAGE;
    }
    if (Files.exists(in) && Files.exists(out) && Files.isSameFile(in, out)) {
      err.println("tanji convert: " + String.format(Cli.text("convert.same", messages), in, out));
      return Main.USAGE;
    }
    ReadResult read;
    FactorLibrary factors = library.load(err, messages);
    try {
      read = StudyFiles.read(in, factors);
    } catch (IOException e) {
      err.println("tanji convert: " + Main.describe(e, in, messages));
      return Main.USAGE;
    }
    Locale locale = lang != null ? Messages.locale(lang.name())
        : Messages.locale(read.study() == null ? null : read.study().info().language());
    if (read.study() == null || read.findings().stream().anyMatch(Finding::isError)) {
      for (Finding f : read.findings()) {
        err.println(in + ": " + f.severity().id() + " " + f.code() + " " + f.where() + ": " + f.message(locale));
      }
      err.println(String.format(Cli.text("convert.refused", locale), in));
      return Main.STUDY_ERRORS;
    }
    String name = out.getFileName().toString();
    Files2.replace(out, (OutputStream os) -> {
      if (target == StudyFormat.XLSX) {
        Workbooks.write(read.study(), locale, factors, name, os); // headings in --lang, else the study's language
      } else {
        StudyWriter.write(read.study(), target, os);
      }
    });
    stdout.println(String.format(Cli.text("convert.done", locale), in, out));
    return Main.OK;
  }
}

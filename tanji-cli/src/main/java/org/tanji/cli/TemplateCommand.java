package org.tanji.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tanji.core.i18n.Messages;
import org.tanji.io.StudyFormat;
import org.tanji.io.library.FactorLibrary;
import org.tanji.io.xlsx.Workbooks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tanji template -o study.xlsx [--lang zh|en]}: an empty data-collection workbook with
 * instructions, drop-down lists and the factor library.
 */
@Command(name = "template", mixinStandardHelpOptions = true, resourceBundle = "org.tanji.cli.help")
final class TemplateCommand implements Callable<Integer> {

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.xlsx", descriptionKey = "template.output")
  Path output;

  @Option(names = "--lang", paramLabel = "zh|en", descriptionKey = "template.lang")
  CalcCommand.Lang lang;

  @Mixin
  LibraryOption library;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Locale locale = lang != null ? Messages.locale(lang.name()) : Messages.ZH;
    if (StudyFormat.fromFileName(output).orElse(null) != StudyFormat.XLSX) {
      err.println("tanji template: " + String.format(Cli.text("template.xlsxOnly", locale), output));
      return Main.USAGE;
    }
    FactorLibrary factors = library.load(err, locale);
    String name = output.getFileName() == null ? "study.xlsx" : output.getFileName().toString();
    Files2.replace(output, (OutputStream os) -> Workbooks.template(locale, factors, name, os));
    out.println(String.format(Cli.text("template.done", locale), output));
    return Main.OK;
  }
}

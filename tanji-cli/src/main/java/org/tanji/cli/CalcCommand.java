package org.tanji.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tanji.core.calc.Result;
import org.tanji.core.i18n.Messages;
import org.tanji.io.ReadResult;
import org.tanji.io.ResultJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tanji calc FILE [--json] [--lang zh|en]}: computes a study and prints its footprint. */
@Command(name = "calc", mixinStandardHelpOptions = true, resourceBundle = "org.tanji.cli.help")
final class CalcCommand implements Callable<Integer> {

  /** Report and message languages. */
  enum Lang { zh, en }

  @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "calc.file")
  Path file;

  @Option(names = "--json", descriptionKey = "calc.json")
  boolean json;

  @Option(names = "--lang", paramLabel = "zh|en", descriptionKey = "calc.lang")
  Lang lang;

  @CommandLine.Mixin
  LibraryOption library;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** The one study reader; a test puts a failing one here to see how a reader's bug ends. */
  StudyInput.Reader reader = org.tanji.io.StudyFiles::read;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Locale messages = lang == null ? Messages.EN : Messages.locale(lang.name());
    Optional<ReadResult> input = StudyInput.read("calc", file, library.load(err, messages), err, messages, reader);
    if (input.isEmpty()) {
      return Main.USAGE;
    }
    ReadResult read = input.get();
    Result result = read.calculate();
    Locale locale = locale(read);
    if (json) {
      try {
        ResultJson.write(result, locale, new NonClosing(out)); // streamed: a large study's JSON is tens of MB
      } catch (IOException e) {
        err.println("tanji calc: " + String.format(Cli.text("io.cannotWriteResult", locale), Main.reason(e, locale)));
        return Main.USAGE;
      }
      out.println();
    } else {
      new Summary(read.study(), result, locale, file.toString()).print(out);
    }
    return result.hasErrors() ? Main.STUDY_ERRORS : Main.OK;
  }

  /** The generator closes its writer when done; stdout must stay open for the exit status. */
  static final class NonClosing extends java.io.FilterWriter {
    NonClosing(java.io.Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  private Locale locale(ReadResult read) {
    return locale(lang, read);
  }

  /** The language asked for, or the study's. */
  static Locale locale(Lang lang, ReadResult read) {
    if (lang != null) {
      return Messages.locale(lang.name());
    }
    String studyLanguage = read.study() == null ? null : read.study().info().language();
    return Messages.locale(studyLanguage);
  }
}

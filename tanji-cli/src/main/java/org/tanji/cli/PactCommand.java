package org.tanji.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tanji.core.calc.Result;
import org.tanji.core.i18n.Messages;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Severity;
import org.tanji.core.model.Study;
import org.tanji.io.ReadResult;
import org.tanji.io.pact.PactExport;
import org.tanji.io.pact.PactIssue;
import org.tanji.server.app.Hashes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tanji pact}: the study as a PACT v3 footprint, the format customers exchange footprints in. */
@Command(name = "pact", mixinStandardHelpOptions = true, resourceBundle = "org.tanji.cli.help",
    subcommands = {PactCommand.Export.class, PactImportCommand.class})
final class PactCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code tanji pact export FILE [-o OUT.json]}: the footprint as JSON on stdout or in a file. A
   * study file has no version on a server: its footprint id is made from the organization's credit
   * code and the SHA-256 of the file's bytes, so the same file always gets the same id and an edited
   * one another; it is created on the report date the study gives, else now.
   */
  @Command(name = "export", mixinStandardHelpOptions = true, resourceBundle = "org.tanji.cli.help")
  static final class Export implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "pact.export.file")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.json", descriptionKey = "pact.export.output")
    Path output;

    @Option(names = "--lang", paramLabel = "zh|en", descriptionKey = "calc.lang")
    CalcCommand.Lang lang;

    @Mixin
    LibraryOption library;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The time a footprint without a report date is created at; a test sets a fixed one. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Locale messages = lang == null ? Messages.EN : Messages.locale(lang.name());
      // the file is read once: its bytes are the study and, hashed, the footprint's id (a pipe reads once only)
      byte[][] study = new byte[1][];
      Optional<ReadResult> input = StudyInput.read("pact export", file, library.load(err, messages), err, messages,
          (path, lib) -> {
            study[0] = org.tanji.io.StudyFiles.bytes(path);
            return org.tanji.io.StudyFiles.read(path, study[0], lib);
          });
      if (input.isEmpty()) {
        return Main.USAGE;
      }
      ReadResult read = input.get();
      Locale locale = CalcCommand.locale(lang, read);
      Result result = read.calculate();
      // a study with errors has no footprint: its own findings say why, as tanji calc would
      PactExport.Exported exported = result.hasErrors() ? new PactExport.Exported(Optional.empty(), result.findings())
          : PactExport.footprint(read.study(), result, issue(read.study(), study[0]));
      for (Finding f : exported.findings()) {
        if (f.severity() != Severity.INFO) {
          err.println(file + ": " + f.severity().id() + " " + f.code() + (f.where().isEmpty() ? "" : " " + f.where())
              + ": " + f.message(locale));
        }
      }
      if (exported.footprint().isEmpty()) {
        err.println(String.format(Cli.text("pact.refused", locale), file));
        return Main.STUDY_ERRORS;
      }
      byte[] bytes = exported.json();
      if (output == null) {
        out.print(new String(bytes, StandardCharsets.UTF_8));
        out.flush();
      } else {
        try {
          Files2.replace(output, (OutputStream os) -> os.write(bytes));
        } catch (IOException e) {
          err.println("tanji pact export: " + String.format(Cli.text("io.cannotWrite", locale), output,
              Main.reason(e, locale)));
          return Main.USAGE;
        }
        err.println(String.format(Cli.text("pact.written", locale), output));
      }
      return Main.OK;
    }

    private PactIssue issue(Study study, byte[] bytes) {
      String owner = study.organization().creditCode() == null ? "file" : study.organization().creditCode().strip();
      String id = Hashes.sha256(bytes);
      Instant created = study.report().date() == null ? clock.instant()
          : study.report().date().atStartOfDay().toInstant(ZoneOffset.UTC);
      return PactIssue.draft(PactIssue.idOf(owner, id, 1), created);
    }
  }
}

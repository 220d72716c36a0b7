package org.tanji.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tanji.core.i18n.Messages;
import org.tanji.core.model.Factor;
import org.tanji.core.model.Finding;
import org.tanji.io.library.FactorLibrary;
import org.tanji.io.library.UserLibrary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tanji factors}: the factor library. */
@Command(name = "factors", mixinStandardHelpOptions = true, resourceBundle = "org.tanji.cli.help",
    subcommands = {FactorsCommand.Search.class, FactorsCommand.Show.class, FactorsCommand.Import.class})
final class FactorsCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** What every factors command has: the library and output language options, and its spec. */
  abstract static class Subcommand {
    @Mixin
    Common common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
  }

  /** Options every factors command has. */
  static final class Common {
    @Mixin
    LibraryOption library;

    @Option(names = "--lang", paramLabel = "zh|en", descriptionKey = "factors.lang")
    CalcCommand.Lang lang;

    Locale locale() {
      return lang != null ? Messages.locale(lang.name()) : Locale.getDefault().getLanguage().equals("zh") ? Messages.ZH : Messages.EN;
    }
  }

  @Command(name = "search", mixinStandardHelpOptions = true, resourceBundle = "org.tanji.cli.help")
  static final class Search extends Subcommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "TEXT", descriptionKey = "factors.search.text")
    String text;

    @Option(names = "--region", paramLabel = "R", descriptionKey = "factors.search.region")
    String region;

    @Option(names = "--year", paramLabel = "Y", descriptionKey = "factors.search.year")
    Integer year;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      Locale locale = common.locale();
      FactorLibrary library = common.library.load(spec.commandLine().getErr(), locale);
      List<Factor> found = library.search(text, region, year);
      if (found.isEmpty()) {
        out.println(Cli.text("factors.none", locale));
        return Main.OK;
      }
      List<String[]> rows = new ArrayList<>();
      for (Factor f : found) {
        rows.add(new String[] {f.id(), nz(f.name()), f.value() == null ? "" : f.value().text(),
            f.year() == null ? "" : f.year().toString(), nz(f.region()), f.type() == null ? "" : f.type().id()});
      }
      Cli.table(out, "", new String[] {"id", Cli.text("col.name", locale), Cli.text("col.value", locale),
          Cli.text("col.year", locale), Cli.text("col.region", locale), Cli.text("col.type", locale)}, rows);
      out.println(String.format(Cli.text("factors.count", locale), found.size()));
      return Main.OK;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, resourceBundle = "org.tanji.cli.help")
  static final class Show extends Subcommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "factors.show.id")
    String id;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      Locale locale = common.locale();
      FactorLibrary library = common.library.load(spec.commandLine().getErr(), locale);
      var factor = library.find(id);
      if (factor.isEmpty()) {
        String hint = library.suggest(id).map(s -> " " + String.format(Cli.text("factors.didYouMean", locale), s)).orElse("");
        spec.commandLine().getErr().println("tanji factors show: " + String.format(Cli.text("factors.notFound", locale), id) + hint);
        return Main.USAGE;
      }
      Factor f = factor.get();
      String[][] fields = {
          {"id", f.id()}, {Cli.text("col.name", locale), f.name()}, {Cli.text("col.value", locale), f.value().text()},
          {Cli.text("col.source", locale), f.source()}, {Cli.text("col.publication", locale), f.publication()},
          {Cli.text("col.year", locale), f.year() == null ? null : f.year().toString()},
          {Cli.text("col.boundary", locale), f.boundary()}, {Cli.text("col.region", locale), f.region()},
          {Cli.text("col.type", locale), f.type() == null ? null : f.type().id()},
          {Cli.text("col.note", locale), f.note()}};
      int w = 0;
      for (String[] kv : fields) {
        w = Math.max(w, Cli.width(kv[0]));
      }
      for (String[] kv : fields) {
        if (kv[1] != null) {
          out.println(Cli.pad(kv[0], w, false) + "  " + kv[1]);
        }
      }
      return Main.OK;
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true, resourceBundle = "org.tanji.cli.help")
  static final class Import extends Subcommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "factors.import.file")
    Path file;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Locale locale = common.locale();
      String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (!name.endsWith(".csv") && !name.endsWith(".xlsx")) {
        err.println("tanji factors import: " + String.format(Cli.text("factors.csvOnly", locale), file));
        return Main.USAGE;
      }
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        err.println("tanji factors import: " + Main.describe(e, file, locale));
        return Main.USAGE;
      }
      String target = UserLibrary.nameFor(file).orElse("factors");
      Path dir = common.library.directory();
      // the ids of an earlier import of the same file are free again: it is replaced
      UserLibrary.Import others = UserLibrary.load(dir, FactorLibrary.builtIn());
      List<Factor> kept = others.factors().stream()
          .filter(f -> !Files.exists(dir.resolve(target + ".csv")) || !inFile(dir.resolve(target + ".csv"), f.id()))
          .toList();
      UserLibrary.Import read = UserLibrary.read(bytes, FactorLibrary.builtIn().with(UserLibrary.of(kept)));
      for (Finding f : read.findings()) {
        printFinding(err, file, f, locale);
      }
      if (read.hasErrors()) {
        err.println(String.format(Cli.text("factors.notImported", locale), file));
        return Main.STUDY_ERRORS;
      }
      Path written = UserLibrary.write(dir, target, read.factors());
      out.println(String.format(Cli.text("factors.imported", locale), read.factors().size(), written));
      return Main.OK;
    }

    private static boolean inFile(Path csv, String id) {
      try {
        return UserLibrary.read(Files.readAllBytes(csv), FactorLibrary.empty()).factors().stream()
            .anyMatch(f -> f.id().equals(id));
      } catch (IOException e) {
        return false;
      }
    }
  }

  /** A finding of an imported file as {@code file:line:column: severity CODE message} (a workbook: its cell). */
  static void printFinding(PrintWriter err, Path file, Finding f, Locale locale) {
    String at = f.position() == null ? ""
        : f.position().sheet() != null ? f.position().cellName() + ":"
        : f.position().line() + ":" + f.position().column() + ":";
    err.println(file + ":" + at + " " + f.severity().id() + " " + f.code() + " " + f.text().render(locale));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}

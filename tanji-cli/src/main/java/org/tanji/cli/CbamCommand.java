package org.tanji.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tanji.core.cbam.CbamResult;
import org.tanji.core.cbam.Printed;
import org.tanji.core.i18n.Messages;
import org.tanji.io.CbamJson;
import org.tanji.io.CbamRead;
import org.tanji.io.CbamReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tanji cbam FILE [--json] [--lang zh|en]}: the CBAM embedded emissions of an installation's
 * goods from a CBAM file ({@code docs/cbam.md}).
 */
@Command(name = "cbam", mixinStandardHelpOptions = true, resourceBundle = "org.tanji.cli.help")
final class CbamCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "cbam.file")
  Path file;

  @Option(names = "--json", descriptionKey = "cbam.json")
  boolean json;

  @Option(names = "--lang", paramLabel = "zh|en", descriptionKey = "cbam.lang")
  CalcCommand.Lang lang;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(file)) {
      err.println("tanji cbam: " + file + ": " + Cli.text("cbam.noFile", Messages.EN));
      return Main.USAGE;
    }
    CbamRead read;
    try {
      read = CbamReader.read(file);
    } catch (IOException e) {
      err.println("tanji cbam: " + file + ": " + e.getMessage());
      return Main.USAGE;
    }
    Locale locale = lang != null ? Messages.locale(lang.name())
        : Messages.locale(read.study().map(s -> s.info().language()).orElse(null));
    Optional<CbamResult> result = read.compute();
    try {
      if (json) {
        if (result.isPresent()) {
          CbamJson.write(result.get(), locale, new CalcCommand.NonClosing(out));
        } else {
          CbamJson.writeUnread(read.findings(), locale, new CalcCommand.NonClosing(out));
        }
        out.println();
      } else if (result.isPresent()) {
        summary(out, result.get(), locale);
      } else {
        out.println(Cli.text("cbam.notComputed", locale));
        Summary.findings(out, read.findings(), locale);
      }
    } catch (IOException e) {
      err.println("tanji cbam: cannot write the result: " + e.getMessage());
      return Main.USAGE;
    }
    boolean errors = result.map(CbamResult::hasErrors).orElse(true);
    return errors ? Main.STUDY_ERRORS : Main.OK;
  }

  private static void summary(PrintWriter out, CbamResult r, Locale locale) {
    out.println(Cli.text("cbam.installation", locale) + r.installation().name() + Cli.text("sep", locale)
        + r.installation().period().start() + " – " + r.installation().period().end());
    out.println(String.format(Cli.text("cbam.direct", locale), Printed.tonnes(r.directEmissions()),
        Printed.tonnes(r.biomassEmissions())));
    out.println();
    out.println(Cli.text("cbam.processes", locale));
    List<String[]> rows = new ArrayList<>();
    for (CbamResult.ProcessResult p : r.processes()) {
      rows.add(new String[] {p.id(), Printed.tonnes(p.production()), Printed.tonnes(p.attributedDirect()),
          p.attributedIndirect().isPresent() ? Printed.tonnes(p.attributedIndirect().getAsDouble()) : "—",
          Printed.specific(p.seeDirect()), Printed.specific(p.seeIndirect())});
    }
    Cli.table(out, "  ", new String[] {Cli.text("cbam.col.process", locale), Cli.text("cbam.col.production", locale),
        Cli.text("cbam.col.attrDirect", locale), Cli.text("cbam.col.attrIndirect", locale),
        Cli.text("cbam.col.seeDirect", locale), Cli.text("cbam.col.seeIndirect", locale)}, rows);
    out.println();
    out.println(Cli.text("cbam.goods", locale));
    rows = new ArrayList<>();
    for (CbamResult.GoodResult g : r.goods()) {
      rows.add(new String[] {g.cn(), g.name() == null ? "" : g.name(), Printed.specific(g.seeDirect()),
          Printed.specific(g.seeIndirect()), Printed.specific(g.seeTotal()), Printed.percent(g.defaultShare())});
    }
    Cli.table(out, "  ", new String[] {Cli.text("cbam.col.cn", locale), Cli.text("cbam.col.good", locale),
        Cli.text("cbam.col.seeDirect", locale), Cli.text("cbam.col.seeIndirect", locale),
        Cli.text("cbam.col.seeTotal", locale), Cli.text("cbam.col.defaultShare", locale)}, rows);
    Summary.findings(out, r.findings(), locale);
  }
}

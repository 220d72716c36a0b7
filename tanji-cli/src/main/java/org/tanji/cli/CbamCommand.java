package org.tanji.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.tanji.core.calc.Calculator;
import org.tanji.core.calc.Result;
import org.tanji.core.cbam.CbamResult;
import org.tanji.core.cbam.CostOfSilence;
import org.tanji.core.cbam.PcfBesideCbam;
import org.tanji.core.cbam.Printed;
import org.tanji.core.i18n.Messages;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Study;
import org.tanji.io.CbamJson;
import org.tanji.io.CbamRead;
import org.tanji.io.CbamReader;
import org.tanji.io.xlsx.CbamTemplate;
import org.tanji.report.ReportFormat;
import org.tanji.report.Reports;
import org.tanji.report.model.ReportDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code tanji cbam FILE [--json] [--lang zh|en] [--template TEMPLATE.xlsx] [-o OUT.xlsx] [--volume t]
 * [--year YYYY]}: the CBAM embedded emissions of an installation's goods from a CBAM file, the
 * Commission's communication template filled with them, and the marked-up EU default values beside
 * them ({@code docs/cbam.md}).
 */
@Command(name = "cbam", mixinStandardHelpOptions = true, resourceBundle = "org.tanji.cli.help")
final class CbamCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "cbam.file")
  Path file;

  @Option(names = "--json", descriptionKey = "cbam.json")
  boolean json;

  @Option(names = "--lang", paramLabel = "zh|en", descriptionKey = "cbam.lang")
  CalcCommand.Lang lang;

  @Option(names = "--template", paramLabel = "TEMPLATE.xlsx", descriptionKey = "cbam.template")
  Path template;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT.xlsx", descriptionKey = "cbam.output")
  Path output;

  @Option(names = "--volume", paramLabel = "t", descriptionKey = "cbam.volume")
  Double volume;

  @Option(names = "--year", paramLabel = "YYYY", descriptionKey = "cbam.year")
  Integer year;

  @Option(names = "--report", paramLabel = "REPORT.html|.docx|.pdf", descriptionKey = "cbam.report")
  Path report;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * Checks the options that depend on one another; a message for stderr in the language asked for,
   * or empty when they fit. (A template that cannot be read is said when it is read.)
   */
  private Optional<String> badOptions(Locale given) {
    if (template != null && output == null) {
      return Optional.of(Cli.text("cbam.templateWithoutOutput", given));
    }
    if (report != null && reportFormat().isEmpty()) {
      return Optional.of(String.format(Cli.text("cbam.badReport", given), report));
    }
    if (volume != null && !(volume > 0 && Double.isFinite(volume))) {
      return Optional.of(String.format(Cli.text("cbam.badVolume", given), volume));
    }
    if (year != null && year < CostOfSilence.FIRST_YEAR) {
      return Optional.of(String.format(Cli.text("cbam.badYear", given), year));
    }
    return Optional.empty();
  }

  /**
   * The year of import whose mark-up is shown: --year, else the year after the reporting period
   * (its data serve the next year's imports), at the earliest 2026.
   */
  private int importYear(CbamResult r) {
    return year != null ? year : CostOfSilence.importYear(r);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Locale given = lang != null ? Messages.locale(lang.name()) : Messages.EN;
    Optional<String> bad = badOptions(given);
    if (bad.isPresent()) {
      err.println("tanji cbam: " + bad.get());
      return Main.USAGE;
    }
    CbamRead read;
    try {
      read = CbamReader.read(file);
    } catch (IOException e) {
      err.println("tanji cbam: " + Main.describe(e, file, given));
      return Main.USAGE;
    }
    Locale locale = lang != null ? Messages.locale(lang.name())
        : Messages.locale(read.study().map(s -> s.info().language()).orElse(null));
    Optional<CbamResult> result = read.compute();
    CostOfSilence.Comparison costs = result.map(r -> CostOfSilence.compare(read.input().orElseThrow(), r,
        importYear(r), volume == null ? OptionalDouble.empty() : OptionalDouble.of(volume)))
        .orElse(new CostOfSilence.Comparison(List.of(), List.of()));
    try {
      if (json) {
        if (result.isPresent()) {
          CbamJson.write(result.get(), costs, locale, new CalcCommand.NonClosing(out));
        } else {
          CbamJson.writeUnread(read.findings(), locale, new CalcCommand.NonClosing(out));
        }
        out.println();
      } else if (result.isPresent()) {
        summary(out, result.get(), locale);
        silence(out, costs, locale);
      } else {
        out.println(Cli.text("cbam.notComputed", locale));
        Summary.findings(out, read.findings(), locale);
      }
    } catch (IOException e) {
      err.println("tanji cbam: " + String.format(Cli.text("io.cannotWriteResult", locale), Main.reason(e, locale)));
      return Main.USAGE;
    }
    boolean errors = result.map(CbamResult::hasErrors).orElse(true);
    if (report != null && result.isPresent()) {
      int code = writeReport(read, result.get(), locale, err);
      if (code != Main.OK) {
        return code;
      }
    }
    if (output != null) {
      if (errors) {
        err.println("tanji cbam: " + Cli.text("cbam.noTemplateWritten", locale));
        return Main.STUDY_ERRORS;
      }
      return writeTemplate(read, result.get(), locale, err);
    }
    return errors ? Main.STUDY_ERRORS : Main.OK;
  }

  private Optional<ReportFormat> reportFormat() {
    String name = report.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? Optional.empty() : ReportFormat.fromName(name.substring(dot + 1));
  }

  /**
   * Writes the PCF report of the file's study with the section that puts its footprint beside the
   * CBAM figures of each good.
   */
  private int writeReport(CbamRead read, CbamResult cbam, Locale locale, PrintWriter err) {
    if (read.study().isEmpty()) {
      err.println("tanji cbam: " + Cli.text("cbam.reportNoStudy", locale));
      return Main.USAGE;
    }
    Study study = read.study().get();
    Result pcf = Calculator.calculate(study);
    if (pcf.hasErrors()) {
      err.println("tanji cbam: " + Cli.text("cbam.reportStudyErrors", locale));
      return Main.STUDY_ERRORS;
    }
    if (!PcfBesideCbam.comparable(cbam)) {
      err.println("tanji cbam: " + Cli.text("cbam.noReportWritten", locale));
      return Main.STUDY_ERRORS;
    }
    List<PcfBesideCbam> beside = PcfBesideCbam.ofGoods(study, pcf, read.input().orElseThrow(), cbam);
    ReportDocument doc = Reports.withCbam(Reports.build(study, pcf, locale), beside);
    try {
      byte[] bytes = Reports.bytes(doc, reportFormat().orElseThrow());
      Files2.replace(report, os -> os.write(bytes));
    } catch (IOException e) {
      err.println("tanji cbam: " + String.format(Cli.text("io.cannotWrite", locale), report, Main.reason(e, locale)));
      return Main.USAGE;
    }
    err.println("tanji cbam: " + String.format(Cli.text("report.done", locale), report));
    return Main.OK;
  }

  /** Fills the template (the user's or the bundled one) and writes it to the output file. */
  private int writeTemplate(CbamRead read, CbamResult result, Locale locale, PrintWriter err) {
    CbamTemplate t;
    try {
      t = template == null ? CbamTemplate.bundled() : CbamTemplate.of(Files.readAllBytes(template),
          template.getFileName().toString());
    } catch (IOException e) {
      err.println("tanji cbam: " + Main.describe(e, template, locale));
      return Main.USAGE;
    }
    CbamTemplate.Filled filled = t.fill(read.input().orElseThrow(), result);
    for (Finding f : filled.findings()) {
      err.println("tanji cbam: " + f.message(locale));
    }
    if (filled.workbook().isEmpty()) {
      boolean wrongFile = filled.findings().stream().anyMatch(f -> f.code().equals(CbamTemplate.NOT_A_TEMPLATE)
          || f.code().equals(CbamTemplate.UNKNOWN_VERSION));
      return wrongFile ? Main.USAGE : Main.STUDY_ERRORS;
    }
    try {
      byte[] workbook = filled.workbook().get();
      Files2.replace(output, os -> os.write(workbook));
    } catch (IOException e) {
      err.println("tanji cbam: " + String.format(Cli.text("io.cannotWrite", locale), output, Main.reason(e, locale)));
      return Main.USAGE;
    }
    err.println("tanji cbam: " + String.format(Cli.text("cbam.templateWritten", locale), output));
    return Main.OK;
  }

  /** The marked-up default values beside the actual SEE, when the file gives any. */
  private static void silence(PrintWriter out, CostOfSilence.Comparison costs, Locale locale) {
    if (costs.costs().isEmpty()) {
      return;
    }
    CostOfSilence first = costs.costs().get(0);
    out.println();
    out.println(String.format(Cli.text("cbam.silence", locale), first.year(),
        Printed.percent(OptionalDouble.of(first.markUp()))));
    List<String[]> rows = new ArrayList<>();
    boolean volume = first.volume().isPresent();
    for (CostOfSilence c : costs.costs()) {
      List<String> row = new ArrayList<>(List.of(c.cn(), Printed.specific(OptionalDouble.of(c.defaultValue())),
          Printed.specific(OptionalDouble.of(c.markedUp())), Printed.specific(c.actual()),
          Printed.specific(c.differencePerTonne())));
      if (volume) {
        row.add(Printed.tonnes(c.defaultForVolume().getAsDouble()));
        row.add(c.actualForVolume().isPresent() ? Printed.tonnes(c.actualForVolume().getAsDouble()) : "—");
        row.add(c.differenceForVolume().isPresent() ? Printed.tonnes(c.differenceForVolume().getAsDouble()) : "—");
      }
      rows.add(row.toArray(String[]::new));
    }
    List<String> head = new ArrayList<>(List.of(Cli.text("cbam.col.cn", locale), Cli.text("cbam.col.default", locale),
        Cli.text("cbam.col.markedUp", locale), Cli.text("cbam.col.actual", locale),
        Cli.text("cbam.col.difference", locale)));
    if (volume) {
      String v = Printed.tonnes(first.volume().getAsDouble());
      head.add(String.format(Cli.text("cbam.col.defaultForVolume", locale), v));
      head.add(String.format(Cli.text("cbam.col.actualForVolume", locale), v));
      head.add(String.format(Cli.text("cbam.col.differenceForVolume", locale), v));
    }
    Cli.table(out, "  ", head.toArray(String[]::new), rows);
    out.println(Cli.text("cbam.silenceNote", locale));
    if (!costs.findings().isEmpty()) { // the summary above already said whether the file has findings
      Summary.findings(out, costs.findings(), locale);
    }
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

package org.tanji.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tanji.core.i18n.Messages;
import org.tanji.core.i18n.Numbers;
import org.tanji.core.model.Finding;
import org.tanji.core.uncertainty.Comparison;
import org.tanji.core.uncertainty.Settings;
import org.tanji.core.uncertainty.Simulation;
import org.tanji.core.uncertainty.Summary;
import org.tanji.core.uncertainty.UncertaintyResult;
import org.tanji.io.ReadResult;
import org.tanji.io.StudyFiles;
import org.tanji.io.UncertaintyJson;
import org.tanji.io.library.FactorLibrary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tanji uncertainty FILE [--runs N] [--seed N] [--compare FILE2] [--json]}: Monte Carlo
 * simulation of a study, or of two side by side.
 */
@Command(name = "uncertainty", mixinStandardHelpOptions = true, resourceBundle = "org.tanji.cli.help")
final class UncertaintyCommand implements Callable<Integer> {

  /** Inputs shown in the text summary's contribution and tornado tables (all with --json). */
  private static final int SHOWN = 10;

  @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "uncertainty.file")
  Path file;

  // text, not int: a wrong number is a finding with the rule, not picocli's conversion message
  @Option(names = "--runs", paramLabel = "N", descriptionKey = "uncertainty.runs")
  String runs;

  @Option(names = "--seed", paramLabel = "N", descriptionKey = "uncertainty.seed")
  String seed;

  @Option(names = "--compare", paramLabel = "FILE2", descriptionKey = "uncertainty.compare")
  Path compare;

  @Option(names = "--threads", paramLabel = "N", descriptionKey = "uncertainty.threads")
  Integer threads;

  @Option(names = "--json", descriptionKey = "uncertainty.json")
  boolean json;

  @Option(names = "--lang", paramLabel = "zh|en", descriptionKey = "calc.lang")
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
    List<Finding> wrong = new ArrayList<>();
    Optional<Settings> parsed = Settings.parse(runs, seed, wrong);
    if (threads != null && (threads < 1 || threads > Settings.MAX_THREADS)) {
      err.println("tanji uncertainty: " + String.format(Cli.text("uncertainty.threads", messages), threads,
          Settings.MAX_THREADS));
      return Main.USAGE;
    }
    if (parsed.isEmpty()) {
      for (Finding f : wrong) {
        err.println("tanji uncertainty: " + f.message(messages));
      }
      return Main.USAGE;
    }
    Settings settings = threads == null ? parsed.get() : parsed.get().withThreads(threads);
    FactorLibrary factors = library.load(err, messages);
    Optional<ReadResult> a = StudyInput.read("uncertainty", file, factors, err, messages, StudyFiles::read);
    Optional<ReadResult> b = compare == null ? Optional.empty()
        : StudyInput.read("uncertainty", compare, factors, err, messages, StudyFiles::read);
    if (a.isEmpty() || compare != null && b.isEmpty()) {
      return Main.USAGE;
    }
    Locale locale = CalcCommand.locale(lang, a.get());
    Optional<Simulation> simA = a.get().simulation();
    Optional<Simulation> simB = b.flatMap(ReadResult::simulation);
    boolean runnable = simA.map(Simulation::runnable).orElse(false)
        && (compare == null || simB.map(Simulation::runnable).orElse(false));
    if (!runnable) {
      return failed(out, a.get(), simA, b, simB, locale);
    }
    if (compare != null) {
      Optional<Finding> incomparable = Simulation.incomparable(simA.get(), simB.get());
      if (incomparable.isPresent()) {
        err.println("tanji uncertainty: " + incomparable.get().message(locale));
        return Main.STUDY_ERRORS;
      }
      Comparison c = Simulation.compare(simA.get(), simB.get(), settings);
      if (json) {
        UncertaintyJson.write(c, simA.get().result().findings(), simB.get().result().findings(), locale,
            new CalcCommand.NonClosing(out));
        out.println();
      } else {
        print(out, locale, file.toString(), simA.get(), c.a());
        out.println();
        print(out, locale, compare.toString(), simB.get(), c.b());
        out.println();
        comparison(out, locale, c);
      }
      return Main.OK;
    }
    UncertaintyResult r = simA.get().run(settings);
    if (json) {
      UncertaintyJson.write(Optional.of(r), simA.get().result().findings(), locale, new CalcCommand.NonClosing(out));
      out.println();
    } else {
      print(out, locale, file.toString(), simA.get(), r);
    }
    return Main.OK;
  }

  /** A study with errors: its findings, as {@code calc} shows them, and exit status 1. */
  private int failed(PrintWriter out, ReadResult a, Optional<Simulation> simA, Optional<ReadResult> b,
      Optional<Simulation> simB, Locale locale) throws IOException {
    List<Finding> fa = simA.map(s -> s.result().findings()).orElse(a.findings());
    if (json && b.isEmpty()) {
      UncertaintyJson.write(Optional.empty(), fa, locale, new CalcCommand.NonClosing(out));
      out.println();
      return Main.STUDY_ERRORS;
    }
    List<Finding> fb = b.map(rb -> simB.map(s -> s.result().findings()).orElse(rb.findings())).orElse(List.of());
    for (Finding f : fa) {
      out.println(file + ": " + f.severity().id() + " " + f.code() + ": " + f.message(locale));
    }
    for (Finding f : fb) {
      out.println(compare + ": " + f.severity().id() + " " + f.code() + ": " + f.message(locale));
    }
    out.println(t("notComputed", locale));
    return Main.STUDY_ERRORS;
  }

  private static void print(PrintWriter out, Locale locale, String name, Simulation sim, UncertaintyResult r) {
    out.println(name);
    out.println(String.format(t("uncertainty.runs", locale), Numbers.grouped(Integer.toString(r.runs())), r.seed()));
    if (!sim.hasUncertainty()) {
      out.println(t("uncertainty.none", locale));
    }
    Summary s = r.perUnit();
    out.println(String.format(t("uncertainty.perUnit", locale), num(r.deterministicPerUnit()), num(s.mean()),
        num(s.median()), num(s.p2_5()), num(s.p97_5()), num(s.sd()), Numbers.percent(s.cv())));
    List<String[]> rows = new ArrayList<>();
    for (UncertaintyResult.Contribution c : r.contributions().subList(0, Math.min(SHOWN, r.contributions().size()))) {
      rows.add(new String[] {c.input().name() + " (" + c.input().kind().label().render(locale) + ")", Numbers.percent(c.share()),
          Numbers.fixed(c.rankCorrelation(), 3)});
    }
    if (!rows.isEmpty()) {
      out.println(t("uncertainty.contributions", locale));
      Cli.table(out, "  ", new String[] {t("col.input", locale), t("col.variance", locale), t("col.rho", locale)}, rows);
    }
    rows = new ArrayList<>();
    for (UncertaintyResult.Sensitivity x : r.tornado().subList(0, Math.min(SHOWN, r.tornado().size()))) {
      rows.add(new String[] {x.input().name() + " (" + x.input().kind().label().render(locale) + ")", num(x.lowPerUnit()),
          num(x.highPerUnit())});
    }
    if (!rows.isEmpty()) {
      out.println(t("uncertainty.tornado", locale));
      Cli.table(out, "  ", new String[] {t("col.input", locale), "-10 %", "+10 %"}, rows);
    }
    out.println(String.format(t("uncertainty.fixed", locale), r.fixed().size(), Numbers.percent(r.fixedShare())));
  }

  private static void comparison(PrintWriter out, Locale locale, Comparison c) {
    out.println(String.format(t("uncertainty.comparison", locale), Numbers.percent(c.probabilityALower()),
        num(c.difference().mean()), num(c.difference().p2_5()), num(c.difference().p97_5())));
    out.println(String.format(t("uncertainty.shared", locale),
        c.shared().isEmpty() ? "—" : String.join(", ", c.shared())));
  }

  private static String num(double v) {
    return Numbers.grouped(Numbers.fixed(v, 2));
  }

  private static String t(String key, Locale locale) {
    return Cli.text(key, locale);
  }
}

package org.tanji.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tanji.core.calc.BesideFigures;
import org.tanji.core.calc.LineResult;
import org.tanji.core.calc.Result;
import org.tanji.core.calc.StageResult;
import org.tanji.core.i18n.Messages;
import org.tanji.core.i18n.Numbers;
import org.tanji.core.model.Factor;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Study;
import org.tanji.core.present.EmissionUnit;
import org.tanji.core.present.Presentation;
import org.tanji.core.present.ShownShares;

/** The readable summary {@code tanji calc} prints for people. */
final class Summary {

  private final Study study;
  private final Result result;
  private final Locale locale;
  private final String file;

  Summary(Study study, Result result, Locale locale, String file) {
    this.study = study;
    this.result = result;
    this.locale = locale;
    this.file = file;
  }

  void print(PrintWriter out) {
    String title = study == null || study.info().title() == null ? file : study.info().title();
    out.println(title);
    out.println("=".repeat(Math.min(80, Math.max(8, Cli.width(title)))));
    if (study != null && study.product().name() != null) {
      out.println(t("product") + study.product().name());
    }
    if (result.totalKgCO2e() != null) {
      Presentation shown = Presentation.of(study.product(), result);
      figures(out, shown);
      beside(out, shown);
      stages(out, shown);
      lines(out, shown);
      factors(out);
      quality(out, shown);
    } else {
      out.println(t("notComputed"));
    }
    findings(out);
  }

  private void figures(PrintWriter out, Presentation shown) {
    out.println(t("perUnit") + shown.perUnit().text());
    shown.perKg().ifPresent(kg -> out.println(t("perKg") + kg.text() + " kgCO₂e/kg"));
    EmissionUnit unit = shown.emissionUnit();
    out.println(t("total") + unit.figure(result.totalKgCO2e()).text() + " " + unit.symbol()
        + t("sep") + t("output") + study.product().output().text());
    if (result.allocationShare() != 1.0) {
      out.println(t("allocation") + Numbers.percent(result.allocationShare())
          + " (" + study.allocation().id() + ")");
    }
  }

  /** What is reported beside the footprint, each figure saying it is not in the total. */
  private void beside(PrintWriter out, Presentation shown) {
    BesideFigures b = result.beside();
    if (b.isEmpty()) {
      return;
    }
    out.println();
    out.println(t("beside"));
    String unit = " " + shown.perUnit().unit();
    // the kg/t switch of the study's other emission figures (core's one rule), never a unit of its own
    java.util.function.DoubleFunction<String> period = kg -> shown.emissionUnit().figure(kg).text() + " "
        + shown.emissionUnit().symbol();
    if (b.biogenicEmissionsKgCO2e() != null) {
      out.println("  " + t("beside.biogenicEmissions") + period.apply(b.biogenicEmissionsKgCO2e())
          + t("sep") + Numbers.readable(b.perUnit(b.biogenicEmissionsKgCO2e())) + unit);
    }
    if (b.biogenicRemovalsKgCO2e() != null) {
      out.println("  " + t("beside.biogenicRemovals") + period.apply(b.biogenicRemovalsKgCO2e())
          + t("sep") + Numbers.readable(b.perUnit(b.biogenicRemovalsKgCO2e())) + unit);
    }
    if (b.biogenicCarbonKg() != null) {
      out.println("  " + t("beside.biogenicCarbon") + Numbers.readable(b.biogenicCarbonKg()) + " kg C / "
          + study.product().declaredUnit().text() + " (" + Numbers.readable(b.biogenicCarbonAsCo2Kg()) + " kgCO₂)");
    }
    for (BesideFigures.Named n : b.avoided()) {
      out.println("  " + t("beside.avoided") + n.name() + ": " + period.apply(n.kgCO2e()));
    }
    for (BesideFigures.Named n : b.offsets()) {
      out.println("  " + t("beside.offsets") + n.name() + ": " + period.apply(n.kgCO2e()));
    }
  }

  private void stages(PrintWriter out, Presentation shown) {
    out.println();
    out.println(t("byStage"));
    EmissionUnit unit = shown.emissionUnit();
    ShownShares shares = shown.stageShares();
    List<String[]> rows = new ArrayList<>();
    List<Presentation.StageFigure> stages = shown.stages();
    for (int i = 0; i < stages.size(); i++) {
      StageResult s = stages.get(i).stage();
      rows.add(new String[] {Messages.get(s.stage().textKey(), locale), unit.figure(s.kgCO2e()).text(),
          stages.get(i).perUnit().text(), shares.percents().get(i) + " %"});
    }
    table(out, new String[] {t("col.stage"), unit.symbol(), shown.perUnit().unit(), t("col.share")}, rows,
        Optional.of(shares));
  }

  /** More lines than this and the table shows the largest only: nobody reads 100,000 rows. */
  static final int MAX_LINES = 30;

  private void lines(PrintWriter out, Presentation shown) {
    out.println();
    List<LineResult> lines = result.lines();
    boolean cut = lines.size() > MAX_LINES;
    if (cut) {
      lines = lines.stream().sorted(Comparator.comparingDouble(LineResult::kgCO2e).reversed()).limit(MAX_LINES).toList();
      out.println(t("byLine") + " — " + String.format(t("largestLines"), MAX_LINES, result.lines().size()));
    } else {
      out.println(t("byLine"));
    }
    EmissionUnit unit = shown.emissionUnit();
    List<String[]> rows = new ArrayList<>();
    for (LineResult l : lines) {
      String name = l.excluded() ? l.name() + " " + t("excluded") : l.name();
      rows.add(new String[] {name, Messages.get(l.stage().textKey(), locale), unit.figure(l.kgCO2e()).text(),
          ShownShares.percent(l.share()) + " %", l.score() == null ? "—" : Numbers.fixed(l.score(), 2)});
    }
    // a table cut to the largest lines cannot add up to 100 %, and needs no note saying so
    table(out, new String[] {t("col.line"), t("col.stage"), unit.symbol(), t("col.share"), t("col.score")}, rows,
        cut ? Optional.empty() : Optional.of(shown.lineShares()));
  }

  /** Where each factor used came from: the library id, or the study's own key, and the source. */
  private void factors(PrintWriter out) {
    if (result.factors().isEmpty()) {
      return;
    }
    out.println();
    boolean cut = result.factors().size() > MAX_LINES;
    out.println(cut ? t("factorsUsed") + " — " + String.format(t("firstFactors"), MAX_LINES, result.factors().size())
        : t("factorsUsed"));
    List<String[]> rows = new ArrayList<>();
    for (Factor f : result.factors().subList(0, Math.min(MAX_LINES, result.factors().size()))) {
      String origin = f.libraryId() != null ? t("factorOrigin.library") + " " + f.libraryId() : t("factorOrigin.study");
      rows.add(new String[] {f.id(), f.value().text(), origin, f.source() == null ? "—" : f.source()});
    }
    Cli.table(out, "  ", new String[] {t("col.factor"), t("col.value"), t("col.origin"), t("col.source")}, rows);
  }

  private void quality(PrintWriter out, Presentation shown) {
    out.println();
    out.println(t("quality") + shown.qualityScore()
        .map(score -> score + t("sep") + t("grade." + result.dataQuality().grade())).orElse("—"));
  }

  private void findings(PrintWriter out) {
    findings(out, result.findings(), locale);
  }

  /** The findings block of a summary (calc and cbam alike): at most 200, each with its code and key. */
  static void findings(PrintWriter out, List<Finding> findings, Locale locale) {
    out.println();
    if (findings.isEmpty()) {
      out.println(Cli.text("noFindings", locale));
      return;
    }
    out.println(String.format(Cli.text("findings", locale), findings.size()));
    int shown = 0;
    for (Finding f : findings) {
      if (shown++ == 200) {
        out.println("  … " + (findings.size() - 200) + " " + Cli.text("moreFindings", locale));
        break;
      }
      String where = f.where().isEmpty() ? "" : " " + f.where();
      out.println("  " + Cli.text("severity." + f.severity().id(), locale) + " " + f.code() + where + ": "
          + f.message(locale));
    }
  }

  /** A table whose share column is rounded; a note says so when the shown shares do not add up to 100.00 %. */
  private void table(PrintWriter out, String[] head, List<String[]> rows, Optional<ShownShares> shares) {
    Cli.table(out, "  ", head, rows);
    shares.flatMap(ShownShares::roundingNote)
        .ifPresent(sum -> out.println("  " + String.format(t("roundingNote"), sum.toPlainString())));
  }

  private String t(String key) {
    return Cli.text(key, locale);
  }
}

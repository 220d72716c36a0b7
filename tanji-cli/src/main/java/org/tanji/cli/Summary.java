package org.tanji.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.tanji.core.calc.BesideFigures;
import org.tanji.core.calc.LineResult;
import org.tanji.core.calc.Result;
import org.tanji.core.calc.StageResult;
import org.tanji.core.i18n.Messages;
import org.tanji.core.i18n.Numbers;
import org.tanji.core.model.Factor;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Study;

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
      figures(out);
      beside(out);
      stages(out);
      lines(out);
      factors(out);
      quality(out);
    } else {
      out.println(t("notComputed"));
    }
    findings(out);
  }

  private void figures(PrintWriter out) {
    String unit = study.product().declaredUnit().text();
    out.println(t("perUnit") + Numbers.fixed(result.perUnitKgCO2e(), 2) + " kgCO₂e / " + unit);
    if (result.perKgKgCO2e() != null) {
      out.println(t("perKg") + Numbers.readable(result.perKgKgCO2e()) + " kgCO₂e/kg");
    }
    out.println(t("total") + Numbers.fixed(result.totalKgCO2e() / 1000, 2) + " tCO₂e"
        + t("sep") + t("output") + study.product().output().text());
    if (result.allocationShare() != 1.0) {
      out.println(t("allocation") + Numbers.percent(result.allocationShare())
          + " (" + study.allocation().id() + ")");
    }
  }

  /** What is reported beside the footprint, each figure saying it is not in the total. */
  private void beside(PrintWriter out) {
    BesideFigures b = result.beside();
    if (b.isEmpty()) {
      return;
    }
    out.println();
    out.println(t("beside"));
    String unit = " kgCO₂e / " + study.product().declaredUnit().text();
    if (b.biogenicEmissionsKgCO2e() != null) {
      out.println("  " + t("beside.biogenicEmissions") + Numbers.fixed(b.biogenicEmissionsKgCO2e() / 1000, 2) + " tCO₂e"
          + t("sep") + Numbers.readable(b.perUnit(b.biogenicEmissionsKgCO2e())) + unit);
    }
    if (b.biogenicRemovalsKgCO2e() != null) {
      out.println("  " + t("beside.biogenicRemovals") + Numbers.fixed(b.biogenicRemovalsKgCO2e() / 1000, 2) + " tCO₂e"
          + t("sep") + Numbers.readable(b.perUnit(b.biogenicRemovalsKgCO2e())) + unit);
    }
    if (b.biogenicCarbonKg() != null) {
      out.println("  " + t("beside.biogenicCarbon") + Numbers.readable(b.biogenicCarbonKg()) + " kg C / "
          + study.product().declaredUnit().text() + " (" + Numbers.readable(b.biogenicCarbonAsCo2Kg()) + " kgCO₂)");
    }
    for (BesideFigures.Named n : b.avoided()) {
      out.println("  " + t("beside.avoided") + n.name() + ": " + Numbers.fixed(n.kgCO2e() / 1000, 2) + " tCO₂e");
    }
    for (BesideFigures.Named n : b.offsets()) {
      out.println("  " + t("beside.offsets") + n.name() + ": " + Numbers.fixed(n.kgCO2e() / 1000, 2) + " tCO₂e");
    }
  }

  private void stages(PrintWriter out) {
    out.println();
    out.println(t("byStage"));
    List<String[]> rows = new ArrayList<>();
    List<Double> shares = new ArrayList<>();
    for (StageResult s : result.stages()) {
      rows.add(new String[] {Messages.get(s.stage().textKey(), locale), Numbers.fixed(s.kgCO2e() / 1000, 2),
          Numbers.fixed(s.share() * 100, 2) + " %"});
      shares.add(s.share());
    }
    table(out, new String[] {t("col.stage"), t("col.tCO2e"), t("col.share")}, rows, shares);
  }

  /** More lines than this and the table shows the largest only: nobody reads 100,000 rows. */
  static final int MAX_LINES = 30;

  private void lines(PrintWriter out) {
    out.println();
    List<LineResult> shown = result.lines();
    boolean cut = shown.size() > MAX_LINES;
    if (cut) {
      shown = shown.stream().sorted(Comparator.comparingDouble(LineResult::kgCO2e).reversed()).limit(MAX_LINES).toList();
      out.println(t("byLine") + " — " + String.format(t("largestLines"), MAX_LINES, result.lines().size()));
    } else {
      out.println(t("byLine"));
    }
    List<String[]> rows = new ArrayList<>();
    List<Double> shares = new ArrayList<>();
    for (LineResult l : shown) {
      String name = l.excluded() ? l.name() + " " + t("excluded") : l.name();
      rows.add(new String[] {name, Messages.get(l.stage().textKey(), locale), Numbers.fixed(l.kgCO2e() / 1000, 2),
          Numbers.fixed(l.share() * 100, 2) + " %", l.score() == null ? "—" : Numbers.fixed(l.score(), 2)});
      shares.add(l.share());
    }
    table(out, new String[] {t("col.line"), t("col.stage"), t("col.tCO2e"), t("col.share"), t("col.score")}, rows,
        cut ? List.of() : shares);
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

  private void quality(PrintWriter out) {
    out.println();
    if (result.dataQuality() == null) {
      out.println(t("quality") + "—");
      return;
    }
    out.println(t("quality") + Numbers.fixed(result.dataQuality().score(), 2) + t("sep")
        + t("grade." + result.dataQuality().grade()));
  }

  private void findings(PrintWriter out) {
    out.println();
    if (result.findings().isEmpty()) {
      out.println(t("noFindings"));
      return;
    }
    out.println(String.format(t("findings"), result.findings().size()));
    int shown = 0;
    for (Finding f : result.findings()) {
      if (shown++ == 200) {
        out.println("  … " + (result.findings().size() - 200) + " " + t("moreFindings"));
        break;
      }
      String where = f.where().isEmpty() ? "" : " " + f.where();
      out.println("  " + t("severity." + f.severity().id()) + " " + f.code() + where + ": " + f.message(locale));
    }
  }

  /**
   * A table whose share column is rounded to two decimals; when the rounded shares do not add up
   * to 100.00 %, a note says so instead of bending a figure.
   */
  private void table(PrintWriter out, String[] head, List<String[]> rows, List<Double> shares) {
    Cli.table(out, "  ", head, rows);
    double shown = 0;
    for (double s : shares) {
      shown += Double.parseDouble(Numbers.fixed(s * 100, 2));
    }
    String sum = Numbers.fixed(shown, 2);
    if (!shares.isEmpty() && !sum.equals("100.00") && !sum.equals("0.00")) {
      out.println("  " + String.format(t("roundingNote"), sum));
    }
  }

  private String t(String key) {
    return Cli.text(key, locale);
  }
}

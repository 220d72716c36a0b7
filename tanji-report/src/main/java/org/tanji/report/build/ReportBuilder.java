package org.tanji.report.build;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tanji.core.calc.BesideFigures;
import org.tanji.core.calc.Footprint;
import org.tanji.core.calc.Gwp;
import org.tanji.core.calc.LineResult;
import org.tanji.core.calc.Result;
import org.tanji.core.calc.StageResult;
import org.tanji.core.check.Cutoff;
import org.tanji.core.model.Activity;
import org.tanji.core.present.EmissionUnit;
import org.tanji.core.present.Presentation;
import org.tanji.core.present.ShownShares;
import org.tanji.core.model.Coproduct;
import org.tanji.core.model.Evidence;
import org.tanji.core.model.Factor;
import org.tanji.core.model.FactorType;
import org.tanji.core.model.Finding;
import org.tanji.core.model.InventoryLine;
import org.tanji.core.model.Organization;
import org.tanji.core.model.Period;
import org.tanji.core.model.Position;
import org.tanji.core.model.ReportInfo;
import org.tanji.core.model.Severity;
import org.tanji.core.model.Stage;
import org.tanji.core.model.Study;
import org.tanji.core.units.Dimension;
import org.tanji.core.units.ExchangeRate;
import org.tanji.core.units.Quantity;
import org.tanji.core.units.Units;
import org.tanji.report.model.Block;
import org.tanji.core.model.Uncertainty;
import org.tanji.core.uncertainty.Settings;
import org.tanji.core.uncertainty.Simulation;
import org.tanji.core.uncertainty.Summary;
import org.tanji.core.uncertainty.UncertaintyResult;
import org.tanji.report.model.Block.Column;
import org.tanji.report.model.Block.Table;
import org.tanji.report.model.Cover;
import org.tanji.report.model.ReportDocument;

/**
 * Writes the report of a computed study as a {@link ReportDocument}: every sentence is made here
 * from the study and its result, in the report's language, so that a report can only name the
 * products, inputs and figures of its own study.
 */
public final class ReportBuilder {

  /** Bars drawn in the line chart; smaller lines are combined into one bar. */
  static final int MAX_BARS = 15;
  /** Inputs named in a stage box of the boundary diagram. */
  static final int MAX_BOX_INPUTS = 4;

  private final Study study;
  private final Result result;
  private final Words w;
  private final Fmt f;
  private final List<Block> blocks = new ArrayList<>();
  private final Map<String, Factor> factors = new LinkedHashMap<>();
  /** Emissions are shown in t when the total is large (seed 003: 122,993 t), else in kg. */
  private final Presentation shown;
  private final EmissionUnit unit;
  private final String emissionUnit;
  private int chapter;
  private int section;
  private int tables;
  private int figures;

  private ReportBuilder(Study study, Result result, Locale locale, Optional<String> verification) {
    this.verification = verification;
    if (result.hasErrors() || result.totalKgCO2e() == null) {
      throw new IllegalArgumentException("a study with errors has no report");
    }
    this.study = study;
    this.result = result;
    this.w = new Words(locale);
    this.f = new Fmt(locale);
    result.factors().forEach(x -> factors.put(x.id(), x));
    study.factors().values().forEach(x -> factors.putIfAbsent(x.id(), x));
    this.shown = Presentation.of(study.product(), result);
    this.unit = shown.emissionUnit();
    this.emissionUnit = unit.symbol();
  }

  /**
   * The report of a study whose result has no errors.
   *
   * @throws IllegalArgumentException when the result has errors (such a study has no report)
   */
  public static ReportDocument build(Study study, Result result, Locale locale) {
    return new ReportBuilder(study, result, locale, Optional.empty()).build();
  }

  /**
   * The report as a server issues it: the people on the cover reviewed and approved it in the
   * workflow, signing with their password; the verification address is printed with them.
   *
   * @param verification where anyone can verify the issued report ({@code https://…/verify/CODE})
   * @throws IllegalArgumentException when the result has errors
   */
  public static ReportDocument issued(Study study, Result result, Locale locale, String verification) {
    return new ReportBuilder(study, result, locale, Optional.of(verification)).build();
  }

  /** Where an issued report is verified; empty for a report made outside a server's workflow (unsigned). */
  private final Optional<String> verification;

  private ReportDocument build() {
    blocks.add(new Block.Contents(w.get("contents")));
    blocks.add(new Block.PageBreak());
    summary();
    organization();
    purpose();
    method();
    scope();
    data();
    results();
    quality();
    if (study.hasUncertainty()) {
      uncertainty();
    }
    findings();
    conclusions();
    advice();
    declaration();
    locations();
    String number = study.report().number();
    String title = shorten(title(), number == null ? 70 : 50); // the footer is one line
    String footer = number == null ? title : w.get("footer", title, number);
    return new ReportDocument(w.locale(), title(), cover(), blocks, footer);
  }

  // ---------------------------------------------------------------- cover

  private String title() {
    String t = study.info().title();
    return t != null && !t.isBlank() ? t : w.get("titleFallback", product());
  }

  /** At most {@code max} characters, cut with an ellipsis. */
  private static String shorten(String s, int max) {
    return s.codePointCount(0, s.length()) <= max ? s
        : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
  }

  /** The product's name, or words saying the study gives none (a warning of the reader). */
  private String product() {
    String name = study.product().name();
    return name == null || name.isBlank() ? w.get("product.notNamed") : name;
  }

  private Cover cover() {
    ReportInfo r = study.report();
    List<Cover.Field> facts = new ArrayList<>();
    facts.add(new Cover.Field(w.get("cover.product"), product()));
    facts.add(new Cover.Field(w.get("cover.declaredUnit"), f.quantity(study.product().declaredUnit())));
    facts.add(new Cover.Field(w.get("cover.period"), periodText()));
    facts.add(new Cover.Field(w.get("cover.boundary"), w.capitalized(boundaryName())));
    if (r.number() != null) {
      facts.add(new Cover.Field(w.get("cover.number"), r.number()));
    }
    if (r.date() != null) {
      facts.add(new Cover.Field(w.get("cover.date"), f.date(r.date())));
    }
    if (r.assessor() != null) {
      facts.add(new Cover.Field(w.get("cover.assessor"), r.assessor()));
    }
    return new Cover(w.get("kind"), title(), study.organization().name(), w.get("cover.result"), perUnitText(),
        facts, signatures(), verification.map(v -> new Cover.Verification(w.get("cover.verify"), v, Qr.png(v)))
            .orElse(null));
  }

  private Table signatures() {
    ReportInfo r = study.report();
    List<List<String>> rows = new ArrayList<>();
    signature(rows, "sig.preparedBy", r.preparedBy());
    signature(rows, "sig.reviewedBy", r.reviewedBy());
    signature(rows, "sig.approvedBy", r.approvedBy());
    String caption = verification.map(v -> w.get("cover.signatures.issued", v))
        .orElseGet(() -> w.get("cover.signatures.unsigned"));
    return new Table("signatures", caption, List.of(Column.text(w.get("sig.role")),
        Column.text(w.get("sig.name")), Column.text(w.get("sig.date")), Column.text(w.get("sig.signature"))),
        rows, List.of(), false);
  }

  private void signature(List<List<String>> rows, String role, ReportInfo.Signature s) {
    if (s != null) {
      rows.add(List.of(w.get(role), s.name(), s.date() == null ? "" : f.date(s.date()),
          verification.isPresent() ? w.get("sig.signedInTanji") : ""));
    }
  }

  // ---------------------------------------------------------------- 1 summary

  private void summary() {
    heading1("h.summary");
    String org = study.organization().name();
    blocks.add(new Block.Paragraph(org == null
        ? w.get("summary.intro.noOrg", product(), periodText(), boundaryName(), standardsText())
        : w.get("summary.intro", product(), org, periodText(), boundaryName(), standardsText())));
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(w.get("summary.perUnit", f.quantity(study.product().declaredUnit())), perUnitText()));
    if (result.perKgKgCO2e() != null) {
      rows.add(List.of(w.get("summary.perKg"), f.figure(result.perKgKgCO2e()) + " kgCO₂e/kg"));
    }
    rows.add(List.of(w.get(result.beside().isEmpty() ? "summary.total" : "summary.total.beside"),
        emissions(result.totalKgCO2e()) + " " + emissionUnit));
    rows.add(List.of(w.get("summary.output"), f.quantity(study.product().output())));
    if (!study.coproducts().isEmpty()) {
      rows.add(List.of(w.get("summary.allocation"), w.get("summary.allocation.value",
          f.percent(result.allocationShare()), w.get("allocation." + study.allocation().id()))));
    }
    if (result.dataQuality() != null) {
      rows.add(List.of(w.get("summary.quality"), w.get("summary.quality.value",
          score(), w.get("gradeName." + result.dataQuality().grade()))));
    }
    List<LineResult> ranked = ranked();
    if (!ranked.isEmpty()) {
      LineResult top = ranked.get(0);
      rows.add(List.of(w.get("summary.hotspot"), w.get("summary.hotspot.value", top.name(), f.percent(top.share()))));
    }
    blocks.add(Table.keyValue("summary", caption(w.get("summary.caption")), rows));
  }

  // ---------------------------------------------------------------- 2 organization

  private void organization() {
    heading1("h.organization");
    Organization o = study.organization();
    List<List<String>> rows = new ArrayList<>();
    field(rows, "org.name", o.name());
    field(rows, "org.address", o.address());
    field(rows, "org.creditCode", o.creditCode());
    field(rows, "org.legalRepresentative", o.legalRepresentative());
    field(rows, "org.industry", o.industry());
    field(rows, "org.contact", o.contact());
    field(rows, "org.phone", o.phone());
    field(rows, "org.email", o.email());
    if (rows.isEmpty()) {
      blocks.add(new Block.Paragraph(w.get("org.nothing")));
    } else if (rows.size() == 1 && o.name() != null) {
      blocks.add(new Block.Paragraph(w.get("org.none")));
    }
    if (!rows.isEmpty()) {
      blocks.add(Table.keyValue("organization", caption(w.get("org.caption")), rows));
    }
  }

  private void field(List<List<String>> rows, String key, String value) {
    if (value != null && !value.isBlank()) {
      rows.add(List.of(w.get(key), value));
    }
  }

  // ---------------------------------------------------------------- 3 purpose

  private void purpose() {
    heading1("h.purpose");
    String org = study.organization().name();
    blocks.add(new Block.ItemList(List.of(
        w.get("purpose.1", product(), boundaryName(), declaredUnitLabel(), periodText()),
        w.get("purpose.2"),
        w.get("purpose.3", org == null ? w.get("purpose.org") : org)), true));
  }

  // ---------------------------------------------------------------- 4 method

  private void method() {
    heading1("h.method");
    heading2("h.method.standards");
    if (study.info().standards().isEmpty()) {
      blocks.add(new Block.Paragraph(w.get("method.standards.none")));
    } else {
      blocks.add(new Block.Paragraph(w.get("method.standards.intro")));
      blocks.add(new Block.ItemList(study.info().standards(), false));
    }
    heading2("h.method.formula");
    blocks.add(new Block.Paragraph(w.get("method.formula.intro")));
    blocks.add(new Block.Formula(w.get("method.formula"), List.of(
        w.get("method.legend.cf", declaredUnitLabel()),
        w.get("method.legend.ad"),
        w.get("method.legend.ef"),
        w.get("method.legend.a"),
        unitsMade())));
    if (study.inventory().stream().anyMatch(l -> l.activity() instanceof Activity.Transport)) {
      blocks.add(new Block.Paragraph(w.get("method.transport")));
    }
    List<String> rates = result.lines().stream().map(LineResult::exchangeRate).flatMap(java.util.Optional::stream)
        .distinct().map(r -> "1 " + r.currency().symbol() + " = " + f.quantity(r.rate())).toList();
    if (!rates.isEmpty()) {
      blocks.add(new Block.Paragraph(w.get("method.exchangeRates", w.join(rates))));
    }
    heading2("h.method.gwp");
    List<String> gases = gasesUsed();
    if (gases.isEmpty() || !study.info().hasGwp()) { // gases without GWPs are an error: no report then
      blocks.add(new Block.Paragraph(w.get("method.gwp.none")));
      return;
    }
    blocks.add(new Block.Paragraph(w.get("method.gwp.intro", study.info().gwp() == null ? w.get("gwp.custom")
        : w.get("gwp." + study.info().gwp().id()))));
    List<List<String>> rows = new ArrayList<>();
    for (String gas : gases) {
      rows.add(List.of(gas, gwpText(gas)));
    }
    blocks.add(new Table("gwp", caption(w.get("method.gwp.caption")),
        List.of(Column.text(w.get("method.gwp.gas")), Column.number(w.get("method.gwp.value"))), rows, List.of(),
        false));
  }

  /**
   * The GWP a gas key is weighted with: 265, or for a gas reported as its element the conversion
   * with it, 44/28 × 265 (N2O-N), so that the factor can be checked by hand.
   */
  private String gwpText(String key) {
    var gwp = Gwp.of(study.info(), Gwp.gasOf(key));
    String value = gwp.isPresent() ? f.plain(gwp.getAsDouble()) : "—";
    return Gwp.element(key).map(e -> e.ratio() + " × " + value).orElse(value);
  }

  private List<String> gasesUsed() {
    List<String> gases = new ArrayList<>();
    for (InventoryLine l : study.inventory()) {
      if (l.activity() instanceof Activity.Emissions e) {
        e.gases().keySet().stream().filter(g -> !gases.contains(g)).forEach(gases::add);
      }
    }
    return gases;
  }

  // ---------------------------------------------------------------- 5 scope

  private void scope() {
    heading1("h.scope");
    heading2("h.scope.unit");
    var p = study.product();
    blocks.add(new Block.Paragraph(w.get("scope.unit.intro", f.quantity(p.declaredUnit()), product(),
        f.quantity(p.output()))));
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(w.get("scope.unit.name"), product()));
    rows.add(List.of(w.get("scope.unit.declared"), f.quantity(p.declaredUnit())));
    rows.add(List.of(w.get("scope.unit.output"), f.quantity(p.output())));
    if (p.massPerUnit() != null) {
      rows.add(List.of(w.get("scope.unit.massPerUnit"), f.quantity(p.massPerUnit())));
    }
    if (p.description() != null && !p.description().isBlank()) {
      rows.add(List.of(w.get("scope.unit.description"), p.description()));
    }
    blocks.add(Table.keyValue("product", caption(w.get("scope.unit.caption")), rows));

    heading2("h.scope.boundary");
    var info = study.info();
    String what = !info.stages().isEmpty()
        ? w.get("scope.boundary.stages", w.join(info.stages().stream().map(s -> w.core(s.textKey())).toList()))
        : info.boundary() == null ? null : w.get("scope.boundary." + info.boundary().id());
    blocks.add(new Block.Paragraph(what == null ? w.get("scope.boundary.none")
        : w.get("scope.boundary.intro", boundaryName(), what)));
    List<Block.StageBox> boxes = new ArrayList<>();
    for (Stage s : Stage.values()) {
      List<String> names = study.inventory().stream().filter(l -> l.stage() == s)
          .map(l -> shorten(l.name(), 40)).toList();
      List<String> shown = new ArrayList<>(names.subList(0, Math.min(MAX_BOX_INPUTS, names.size())));
      if (names.size() > MAX_BOX_INPUTS) {
        shown.add(w.get("scope.boundary.more", names.size() - MAX_BOX_INPUTS));
      }
      boolean inside = inside(s);
      if (names.isEmpty()) {
        shown.add(inside ? w.get("scope.boundary.noInputs") : w.get("scope.boundary.outside"));
      }
      boxes.add(new Block.StageBox(w.capitalized(w.core(s.textKey())), inside, shown));
    }
    blocks.add(new Block.BoundaryDiagram(figureCaption(w.get("scope.boundary.caption")), boundaryName(), boxes));

    heading2("h.scope.time");
    var period = study.info().period();
    blocks.add(new Block.Paragraph(period == null ? w.get("scope.time.none") : w.get("scope.time", f.period(period),
        ChronoUnit.DAYS.between(period.start(), period.end()) + 1)));

    cutoff();
    allocation();
  }

  private void cutoff() {
    heading2("h.scope.cutoff");
    blocks.add(new Block.Paragraph(w.get("scope.cutoff.rule", f.percent(study.cutoffMassShare()))));
    List<InventoryLine> excluded = study.inventory().stream()
        .filter(l -> l.activity() instanceof Activity.Excluded).toList();
    if (excluded.isEmpty()) {
      blocks.add(new Block.Paragraph(w.get("scope.cutoff.none")));
      return;
    }
    blocks.add(new Block.Paragraph(w.get("scope.cutoff.list")));
    // the base the calculator's cut-off check uses, so that the table and its findings agree
    double base = Cutoff.rawMaterialMassKg(study.inventory());
    List<List<String>> rows = new ArrayList<>();
    double sum = 0;
    boolean allKnown = base > 0;
    for (InventoryLine l : excluded) {
      Activity.Excluded x = (Activity.Excluded) l.activity();
      String share = "—";
      if (base > 0 && x.amount() != null && x.amount().dimension().equals(Dimension.MASS)) {
        double s = x.amount().inBase() / base;
        sum += s;
        share = f.percent(s);
      } else {
        allKnown = false;
      }
      rows.add(List.of(l.name(), x.amount() == null ? w.get("scope.cutoff.notQuantified") : f.quantity(x.amount()),
          share, x.reason() == null ? "—" : x.reason()));
    }
    List<List<String>> foot = allKnown && excluded.size() > 1
        ? List.of(List.of(w.get("scope.cutoff.total"), "", f.percent(sum), "")) : List.of();
    blocks.add(new Table("cutoff", caption(w.get("scope.cutoff.caption")), List.of(
        Column.text(w.get("scope.cutoff.name")), Column.number(w.get("scope.cutoff.amount")),
        Column.number(w.get("scope.cutoff.share")), Column.text(w.get("scope.cutoff.reason"))), rows, foot, false));
    // known inputs without an amount count against completeness: say how many, of how many
    List<String> gaps = excluded.stream().filter(l -> ((Activity.Excluded) l.activity()).amount() == null)
        .map(InventoryLine::name).toList();
    if (!gaps.isEmpty()) {
      blocks.add(new Block.Paragraph(w.get("scope.cutoff.gaps", study.inventory().size() - gaps.size(),
          study.inventory().size(), gaps.size(), w.join(gaps))));
    }
  }

  private void allocation() {
    if (study.coproducts().isEmpty()) {
      return;
    }
    heading2("h.scope.allocation");
    String rule = w.get("allocation." + study.allocation().id());
    blocks.add(new Block.Paragraph(w.get("scope.allocation.text", rule, f.percent(result.allocationShare()))));
    // the measures the calculator divided by, so that the product's share can be checked by hand
    List<Double> basis = result.allocationBasis();
    double all = basis.stream().mapToDouble(Double::doubleValue).sum();
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i <= study.coproducts().size(); i++) {
      String name = i == 0 ? product() : study.coproducts().get(i - 1).name();
      Quantity output = i == 0 ? study.product().output() : study.coproducts().get(i - 1).output();
      double measure = basis.get(i);
      rows.add(List.of(name, f.quantity(output), measure >= 1000 ? f.fixed(measure, 0) : f.figure(measure),
          f.percent(Footprint.share(measure, all))));
    }
    String basisHeader = w.get("scope.allocation.basis." + study.allocation().id());
    blocks.add(new Table("coproducts", caption(w.get("scope.allocation.caption")), List.of(
        Column.text(w.get("scope.allocation.product")), Column.number(w.get("scope.allocation.output")),
        Column.number(basisHeader), Column.number(w.get("results.col.share"))), rows,
        List.of(), false));
  }

  // ---------------------------------------------------------------- 6 data

  private void data() {
    heading1("h.data");
    heading2("h.data.activity");
    blocks.add(new Block.Paragraph(w.get("data.activity.intro", tables + 1)));
    List<List<String>> rows = new ArrayList<>();
    Map<Integer, LineResult> byIndex = new HashMap<>();
    result.lines().forEach(l -> byIndex.put(l.index(), l));
    for (Stage s : Stage.values()) {
      for (InventoryLine l : study.inventory()) {
        if (l.stage() != s) {
          continue;
        }
        LineResult r = byIndex.get(l.index());
        String points = r == null || r.points() == null ? "—"
            : r.points().activity() + " / " + r.points().factor() + " / " + r.points().calibration();
        rows.add(List.of(w.capitalized(w.core(s.textKey())), l.name(), amountText(l),
            l.source() == null ? "—" : l.source(), points));
      }
    }
    blocks.add(new Table("activity", caption(w.get("data.activity.caption")), List.of(
        Column.text(w.get("data.col.stage")), Column.text(w.get("data.col.line")),
        Column.number(w.get("data.col.amount")), Column.text(w.get("data.col.source")),
        Column.number(w.get("data.col.points"))), rows, List.of(), false));

    heading2("h.data.factors");
    blocks.add(new Block.Paragraph(w.get("data.factors.intro", tables + 1)));
    List<List<String>> frows = new ArrayList<>();
    for (Factor x : result.factors()) {
      String name = x.name() == null || x.name().equals(x.id()) ? x.id() : x.name() + w.paren(x.id());
      frows.add(List.of(name, f.quantity(x.value()), x.source() == null ? "—" : x.source(),
          x.year() == null ? "—" : x.year().toString(), x.type() == null ? "—" : w.get("type." + x.type().id()),
          origin(x)));
    }
    blocks.add(new Table("factors", caption(w.get("data.factors.caption")), List.of(
        Column.text(w.get("data.col.factor")), Column.number(w.get("data.col.value")),
        Column.text(w.get("data.col.factorSource")), Column.number(w.get("data.col.year")),
        Column.text(w.get("data.col.type")), Column.text(w.get("data.col.origin"))), frows, List.of(), false));

    if (!study.evidence().isEmpty()) {
      heading2("h.data.documents");
      blocks.add(new Block.Paragraph(w.get("data.documents.intro")));
      List<List<String>> drows = new ArrayList<>();
      int i = 1;
      for (Evidence e : study.evidence()) {
        drows.add(List.of(String.valueOf(i++), e.title(), e.reference() == null ? "" : e.reference(),
            e.note() == null ? "" : e.note()));
      }
      blocks.add(new Table("documents", caption(w.get("data.documents.caption")), List.of(
          Column.number(w.get("data.col.no")), Column.text(w.get("data.col.document")),
          Column.text(w.get("data.col.reference")), Column.text(w.get("data.col.note"))), drows, List.of(), false));
    }
  }

  /** Where a factor came from: the study, the library, or a supplier's footprint with its validity. */
  private String origin(Factor x) {
    return x.footprint().map(fp -> w.get("origin.supplier", x.libraryId(), fp.footprintId(), fp.companyName(),
            fp.specVersion(), fp.validFromDate().toString(), fp.validUntilDate().toString()))
        .orElseGet(() -> x.libraryId() == null ? w.get("origin.study") : w.get("origin.library", x.libraryId()));
  }

  /** A line's activity as typed: 44,369.94 t; transport as mass × distance. */
  private String amountText(InventoryLine l) {
    Activity a = l.activity();
    if (a instanceof Activity.Amount x) {
      return f.quantity(x.amount());
    } else if (a instanceof Activity.Transport x) {
      return f.quantity(x.mass()) + " × " + f.quantity(x.distance());
    } else if (a instanceof Activity.Emissions x) {
      List<String> parts = new ArrayList<>();
      x.gases().forEach((gas, q) -> parts.add(gas + " " + f.quantity(q)));
      return String.join("; ", parts);
    } else if (a instanceof Activity.Excluded x) {
      return (x.amount() == null ? w.get("scope.cutoff.notQuantified") : f.quantity(x.amount()))
          + w.paren(w.get("data.excluded"));
    }
    return "—";
  }

  // ---------------------------------------------------------------- 7 results

  private void results() {
    heading1("h.results");
    heading2("h.results.calculation");
    boolean allocated = !study.coproducts().isEmpty();
    blocks.add(new Block.Paragraph(w.get("results.calc.intro", tables + 1, emissionUnit)));
    List<Column> cols = new ArrayList<>(List.of(Column.text(w.get("data.col.line")),
        Column.number(w.get("results.col.activity")), Column.number(w.get("results.col.factor"))));
    if (allocated) {
      cols.add(Column.number(w.get("results.col.gross", emissionUnit)));
      cols.add(Column.number(w.get("results.col.allocated")));
    }
    // "attributed" only where an allocation attributed anything
    cols.add(Column.number(w.get(allocated ? "results.col.emissions" : "results.col.emissions.plain", emissionUnit)));
    cols.add(Column.number(w.get("results.col.share")));
    List<List<String>> rows = new ArrayList<>();
    for (LineResult r : result.lines()) {
      InventoryLine l = study.inventory().get(r.index());
      List<String> row = new ArrayList<>(List.of(r.name(), activityWork(l, r), factorText(l)));
      if (allocated) {
        row.add(emissions(r.unallocatedKgCO2e()));
        row.add(r.excluded() ? "—" : r.allocated() ? f.percent(result.allocationShare()) : f.percent(1));
      }
      row.add(emissions(r.kgCO2e()));
      row.add(f.percent(r.share()));
      rows.add(row);
    }
    List<List<String>> foot = new ArrayList<>();
    List<String> total = new ArrayList<>(List.of(w.get("results.total"), "", ""));
    if (allocated) {
      double gross = 0;
      for (LineResult r : result.lines()) {
        gross += r.unallocatedKgCO2e();
      }
      total.add(emissions(gross));
      total.add("");
    }
    total.add(emissions(result.totalKgCO2e()));
    total.add(sumOfShares(shown.lineShares()));
    foot.add(total);
    foot.add(footRow(w.get("results.perUnit", f.quantity(study.product().declaredUnit())), perUnitText(),
        cols.size()));
    if (result.perKgKgCO2e() != null) {
      foot.add(footRow(w.get("results.perKg"), f.figure(result.perKgKgCO2e()) + " kgCO₂e/kg", cols.size()));
    }
    blocks.add(new Table("calculation", caption(w.get("results.calc.caption")), cols, rows, foot, false));
    roundingNote(shown.lineShares());

    heading2("h.results.stages");
    StageResult top = result.stages().stream().max(Comparator.comparingDouble(StageResult::kgCO2e)).orElseThrow();
    blocks.add(new Block.Paragraph(w.get("results.stages.intro", w.core(top.stage().textKey()),
        f.percent(top.share()))));
    List<List<String>> srows = new ArrayList<>();
    List<Block.ChartItem> slices = new ArrayList<>();
    for (Presentation.StageFigure sf : shown.stages()) {
      StageResult s = sf.stage();
      String name = w.capitalized(w.core(s.stage().textKey()));
      srows.add(List.of(name, emissions(s.kgCO2e()), sf.perUnit().grouped(), f.percent(s.share())));
      slices.add(new Block.ChartItem(name, s.share(), emissions(s.kgCO2e()), f.percent(s.share())));
    }
    ShownShares sshares = shown.stageShares();
    blocks.add(new Table("stages", caption(w.get("results.stages.caption")), List.of(
        Column.text(w.get("data.col.stage")), Column.number(emissionUnit), Column.number(shown.perUnit().unit()),
        Column.number(w.get("results.col.share"))),
        srows, List.of(List.of(w.get("results.total"), emissions(result.totalKgCO2e()), shown.perUnit().figure().grouped(),
        sumOfShares(sshares))),
        false));
    roundingNote(sshares);
    blocks.add(new Block.Chart("stage-donut", Block.ChartKind.DONUT, figureCaption(w.get("results.stages.figure")),
        emissionUnit, slices));

    heading2("h.results.lines");
    blocks.add(new Block.Paragraph(w.get("results.lines.intro", figures + 1)));
    List<LineResult> ranked = ranked();
    List<Block.ChartItem> bars = new ArrayList<>();
    int shown = Math.min(MAX_BARS, ranked.size());
    for (LineResult r : ranked.subList(0, shown)) {
      bars.add(new Block.ChartItem(r.name(), r.share(), emissions(r.kgCO2e()), f.percent(r.share())));
    }
    blocks.add(new Block.Chart("line-bars", Block.ChartKind.BARS, figureCaption(w.get("results.lines.figure")),
        emissionUnit, bars));
    if (shown < ranked.size()) {
      // the rest as words: one bar for hundreds of lines would dwarf the bars that matter
      double kg = 0;
      double share = 0;
      for (LineResult r : ranked.subList(shown, ranked.size())) {
        kg += r.kgCO2e();
        share += r.share();
      }
      blocks.add(new Block.Note(w.get("results.lines.cut", shown, ranked.size(), ranked.size() - shown,
          emissions(kg) + " " + emissionUnit, f.percent(share))));
    }
    beside();
  }

  /**
   * Biogenic carbon, avoided emissions and offsets: shown beside the footprint, each figure for the
   * period and per declared unit, none added to or subtracted from the total above.
   */
  private void beside() {
    BesideFigures b = result.beside();
    if (b.isEmpty()) {
      return;
    }
    heading2("h.results.beside");
    blocks.add(new Block.Paragraph(w.get("beside.intro", perUnitText())));
    List<List<String>> rows = new ArrayList<>();
    String per = " kgCO₂e / " + declaredUnitLabel();
    if (b.biogenicEmissionsKgCO2e() != null) {
      rows.add(List.of(w.get("beside.biogenicEmissions"), emissions(b.biogenicEmissionsKgCO2e()) + " " + emissionUnit,
          f.figure(b.perUnit(b.biogenicEmissionsKgCO2e())) + per));
    }
    if (b.biogenicRemovalsKgCO2e() != null) {
      rows.add(List.of(w.get("beside.biogenicRemovals"), emissions(b.biogenicRemovalsKgCO2e()) + " " + emissionUnit,
          f.figure(b.perUnit(b.biogenicRemovalsKgCO2e())) + per));
    }
    if (b.biogenicCarbonKg() != null) {
      rows.add(List.of(w.get("beside.biogenicCarbon"), "—", f.figure(b.biogenicCarbonKg()) + " kg C / "
          + declaredUnitLabel() + w.paren(f.figure(b.biogenicCarbonAsCo2Kg()) + " kgCO₂")));
    }
    for (BesideFigures.Named n : b.avoided()) {
      rows.add(List.of(w.get("beside.avoided", n.name()), emissions(n.kgCO2e()) + " " + emissionUnit,
          f.figure(b.perUnit(n.kgCO2e())) + per));
    }
    for (BesideFigures.Named n : b.offsets()) {
      rows.add(List.of(w.get("beside.offsets", n.name()), emissions(n.kgCO2e()) + " " + emissionUnit,
          f.figure(b.perUnit(n.kgCO2e())) + per));
    }
    blocks.add(new Table("beside", caption(w.get("beside.caption")), List.of(Column.text(w.get("beside.col.what")),
        Column.number(w.get("beside.col.period")), Column.number(w.get("beside.col.perUnit"))), rows, List.of(), false));
  }

  /** A summary row: the label first, the figure in the emissions column. */
  private static List<String> footRow(String label, String figure, int size) {
    List<String> row = new ArrayList<>(java.util.Collections.nCopies(size, ""));
    row.set(0, label);
    row.set(size - 2, figure);
    return row;
  }

  /** Lines that carry emissions, largest first (file order among equals). */
  private List<LineResult> ranked() {
    return result.lines().stream().filter(l -> !l.excluded() && l.kgCO2e() != 0)
        .sorted(Comparator.comparingDouble((LineResult l) -> -l.kgCO2e()).thenComparingInt(LineResult::index))
        .toList();
  }

  private String sumOfShares(ShownShares shares) {
    return f.percentText(shares.sum());
  }

  /** Says so when the rounded shares of a table do not add up to 100.00 %. */
  private void roundingNote(ShownShares shares) {
    shares.roundingNote().ifPresent(sum -> blocks.add(new Block.Note(w.get("rounding", f.percentText(sum)))));
  }

  /**
   * The activity as the calculation uses it: transport as mass × distance = t·km, money in another
   * currency with the rate the line was computed with.
   */
  private String activityWork(InventoryLine l, LineResult r) {
    if (l.activity() instanceof Activity.Transport x) {
      double tkm = Footprint.transportWork(x.mass(), x.distance()) / 1_000_000; // kg·m → t·km
      return f.quantity(x.mass()) + " × " + f.quantity(x.distance()) + " = " + (tkm >= 1 && tkm == Math.rint(tkm) ? f.fixed(tkm, 0) : f.figure(tkm)) + " t·km";
    } else if (l.activity() instanceof Activity.Excluded) {
      return w.get("results.excluded");
    }
    return r.exchangeRate().map(x -> converted(l, x)).orElseGet(() -> amountText(l));
  }

  /**
   * The amount turned into the factor's currency with the rate shown: {@code 1,000 USD × 7.10
   * CNY/USD = 7,100 CNY}, or {@code 7,100 CNY ÷ 7.10 CNY/USD = 1,000 USD} with the rate the other way.
   */
  private String converted(InventoryLine l, ExchangeRate r) {
    Quantity amount = ((Activity.Amount) l.activity()).amount();
    Dimension from = amount.dimension();
    boolean forward = from.equals(r.currency().dimension());
    Dimension to = forward ? r.rate().dimension() : r.currency().dimension();
    double value = amount.inBase() * r.multiplier(from);
    return f.quantity(amount) + (forward ? " × " : " ÷ ") + f.quantity(r.rate()) + "/" + r.currency().symbol()
        + " = " + f.trimmed(value) + " " + Units.preferredSymbol(to).orElseThrow();
  }

  private String factorText(InventoryLine l) {
    if (l.activity() instanceof Activity.Emissions x) {
      List<String> parts = new ArrayList<>();
      for (String gas : x.gases().keySet()) {
        parts.add(gas + ": GWP " + gwpText(gas));
      }
      return String.join("; ", parts);
    }
    String key = Activity.factorOf(l.activity());
    Factor x = key == null ? null : factors.get(key);
    if (x == null || x.value() == null) {
      return "—";
    }
    return f.quantity(x.value());
  }

  // ---------------------------------------------------------------- uncertainty (when the study gives any)

  /** Bins of the report's histogram: the simulation's, merged in pairs so that the bars stay legible. */
  private static final int HISTOGRAM_MERGE = 2;
  /** Inputs shown in the tornado. */
  private static final int TORNADO_BARS = 10;

  private void uncertainty() {
    heading1("h.uncertainty");
    // the seed is fixed, so the report's figures are the same at every rendering
    Simulation sim = Simulation.prepare(study, result.findings());
    UncertaintyResult u = sim.run(Settings.defaults());
    Summary p = u.perUnit();
    String unit = "kgCO₂e / " + declaredUnitLabel();
    blocks.add(new Block.Paragraph(w.get("uncertainty.method", f.fixed(u.runs(), 0), String.valueOf(u.seed()))));
    blocks.add(new Block.Paragraph(w.get("uncertainty.result", f.figure(p.median()), f.figure(p.p2_5()),
        f.figure(p.p97_5()), unit, f.percent(p.cv()), perUnitFigure())));

    Map<String, Double> shares = new HashMap<>();
    for (UncertaintyResult.Contribution c : u.contributions()) {
      shares.put(c.input().path(), c.share());
    }
    List<List<String>> rows = new ArrayList<>();
    for (UncertaintyResult.InputSpread in : u.inputs()) {
      Double share = shares.get(in.input().path());
      rows.add(List.of(in.input().name(), in.input().kind().label().render(w.locale()),
          f.quantity(in.input().nominal()), distribution(in), share == null ? "—" : f.percent(share)));
    }
    blocks.add(new Table("uncertainty-inputs", caption(w.get("uncertainty.inputs.caption")), List.of(
        Column.text(w.get("uncertainty.col.input")), Column.text(w.get("uncertainty.col.kind")),
        Column.number(w.get("uncertainty.col.value")), Column.text(w.get("uncertainty.col.distribution")),
        Column.number(w.get("uncertainty.col.variance"))), rows, List.of(), false));
    blocks.add(new Block.Note(w.get("uncertainty.fixed", String.valueOf(u.fixed().size()), f.percent(u.fixedShare()))));

    List<List<String>> interval = new ArrayList<>();
    interval.add(summaryRow(w.get("uncertainty.perUnit", unit), u.deterministicPerUnit(), p, 1));
    for (UncertaintyResult.StageSpread s : u.stages()) {
      interval.add(summaryRow(w.capitalized(w.core(s.stage().textKey())) + " (" + emissionUnit + ")",
          s.deterministic(), s.kgCO2e(), this.unit.kgPerUnit()));
    }
    blocks.add(new Table("uncertainty-interval", caption(w.get("uncertainty.interval.caption")), List.of(
        Column.text(""), Column.number(w.get("uncertainty.col.computed")), Column.number(w.get("uncertainty.col.mean")),
        Column.number(w.get("uncertainty.col.median")), Column.number("2.5 %"), Column.number("97.5 %"),
        Column.number(w.get("uncertainty.col.cv"))), interval, List.of(), false));

    List<Integer> counts = u.histogram().counts();
    int max = 0;
    List<int[]> bins = new ArrayList<>();
    for (int i = 0; i < counts.size(); i += HISTOGRAM_MERGE) {
      int c = 0;
      for (int k = i; k < Math.min(counts.size(), i + HISTOGRAM_MERGE); k++) {
        c += counts.get(k);
      }
      bins.add(new int[] {i, c});
      max = Math.max(max, c);
    }
    List<Block.ChartItem> bars = new ArrayList<>();
    double width = u.histogram().width();
    for (int[] b : bins) {
      double lo = u.histogram().lower() + b[0] * width;
      bars.add(new Block.ChartItem(f.figure(lo) + " – " + f.figure(lo + HISTOGRAM_MERGE * width),
          max == 0 ? 0 : (double) b[1] / max, f.fixed(b[1], 0), f.percent((double) b[1] / u.runs())));
    }
    blocks.add(new Block.Paragraph(w.get("uncertainty.histogram.intro", figures + 1, unit)));
    blocks.add(new Block.Chart("uncertainty-histogram", Block.ChartKind.BARS,
        figureCaption(w.get("uncertainty.histogram.caption")), w.get("uncertainty.col.runs"), bars));

    List<UncertaintyResult.Sensitivity> tornado = u.tornado().subList(0, Math.min(TORNADO_BARS, u.tornado().size()));
    if (!tornado.isEmpty()) {
      double widest = Math.abs(tornado.get(0).highPerUnit() - tornado.get(0).lowPerUnit());
      List<Block.ChartItem> swing = new ArrayList<>();
      for (UncertaintyResult.Sensitivity t : tornado) {
        double span = Math.abs(t.highPerUnit() - t.lowPerUnit());
        swing.add(new Block.ChartItem(t.input().name() + " (" + t.input().kind().label().render(w.locale()) + ")",
            widest == 0 ? 0 : span / widest, f.figure(t.lowPerUnit()) + " – " + f.figure(t.highPerUnit()),
            f.percent(u.deterministicPerUnit() == 0 ? 0 : span / 2 / Math.abs(u.deterministicPerUnit()))));
      }
      blocks.add(new Block.Paragraph(w.get("uncertainty.tornado.intro", figures + 1)));
      blocks.add(new Block.Chart("uncertainty-tornado", Block.ChartKind.BARS,
          figureCaption(w.get("uncertainty.tornado.caption")), unit, swing));
    }
  }

  /** A row of the interval table, figures divided by {@code divisor} (the report's emission unit). */
  private List<String> summaryRow(String label, double computed, Summary s, double divisor) {
    return List.of(label, f.figure(computed / divisor), f.figure(s.mean() / divisor), f.figure(s.median() / divisor),
        f.figure(s.p2_5() / divisor), f.figure(s.p97_5() / divisor), f.percent(s.cv()));
  }

  /** A distribution in words: its type and parameters as typed. */
  private String distribution(UncertaintyResult.InputSpread in) {
    Uncertainty d = in.distribution();
    String text;
    if (d instanceof Uncertainty.Pedigree x) {
      int[] sc = x.scores().toArray();
      text = w.get("uncertainty.dist.pedigree", f.fixed(in.gsd(), 3),
          sc[0] + "," + sc[1] + "," + sc[2] + "," + sc[3] + "," + sc[4], f.plain(x.basic()));
    } else if (d instanceof Uncertainty.Lognormal) {
      text = w.get("uncertainty.dist.lognormal", f.fixed(in.gsd(), 3));
    } else if (d instanceof Uncertainty.Normal n) {
      text = n.sd() != null ? w.get("uncertainty.dist.normal", f.quantity(n.sd()))
          : w.get("uncertainty.dist.normalCv", f.percent(n.cv()));
    } else if (d instanceof Uncertainty.Triangular t) {
      text = w.get("uncertainty.dist.triangular", f.quantity(t.min()), f.quantity(t.mode()), f.quantity(t.max()));
    } else {
      Uncertainty.Uniform r = (Uncertainty.Uniform) d;
      text = w.get("uncertainty.dist.uniform", f.quantity(r.min()), f.quantity(r.max()));
    }
    return in.fromQuality() ? text + w.get("uncertainty.dist.fromQuality") : text;
  }

  // ---------------------------------------------------------------- 8 quality

  private void quality() {
    heading1("h.quality");
    blocks.add(new Block.Paragraph(w.get("quality.intro")));
    if (result.dataQuality() == null) {
      blocks.add(new Block.Paragraph(w.get("quality.none")));
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (Presentation.WeightedLine q : shown.quality()) {
      LineResult l = q.line();
      rows.add(List.of(l.name(), String.valueOf(l.points().activity()), String.valueOf(l.points().factor()),
          String.valueOf(l.points().calibration()), f.fixed(l.score(), 2), f.percent(q.weight()),
          f.fixed(q.weighted(), 2)));
    }
    int grade = result.dataQuality().grade();
    blocks.add(new Table("quality", caption(w.get("quality.caption")), List.of(
        Column.text(w.get("data.col.line")), Column.number(w.get("quality.col.activity")),
        Column.number(w.get("quality.col.factor")), Column.number(w.get("quality.col.calibration")),
        Column.number(w.get("quality.col.score")), Column.number(w.get("quality.col.weight")),
        Column.number(w.get("quality.col.weighted"))), rows,
        List.of(List.of(w.get("quality.total"), "", "", "", "", "", score())),
        false));
    BigDecimal sum = BigDecimal.ZERO;
    for (List<String> row : rows) {
      sum = sum.add(new BigDecimal(row.get(6).replace(",", "")));
    }
    if (sum.compareTo(new BigDecimal(score())) != 0) {
      blocks.add(new Block.Note(w.get("quality.rounding", f.fixed(sum.doubleValue(), 2))));
    }
    blocks.add(new Block.Note(w.get("quality.grades")));
    blocks.add(new Block.Paragraph(w.get("quality.result", score(),
        w.get("gradeName." + grade), w.get("grade." + grade))));
  }

  // ---------------------------------------------------------------- 9 findings

  private void findings() {
    heading1("h.findings");
    if (result.findings().isEmpty()) {
      blocks.add(new Block.Paragraph(w.get("findings.none")));
      return;
    }
    blocks.add(new Block.Paragraph(w.get("findings.intro")));
    List<List<String>> rows = new ArrayList<>();
    for (Finding x : result.findings()) {
      String meaning = w.has("meaning." + x.code()) ? w.get("meaning." + x.code())
          : w.get(x.severity() == Severity.INFO ? "meaning.info" : "meaning.warning");
      // the reader of a report sees a row and a name; key paths and file lines are in appendix B
      rows.add(List.of(w.get("severity." + x.severity().id()), x.code(), place(x.where()),
          x.text().render(w.locale()), meaning));
    }
    blocks.add(new Table("findings", caption(w.get("findings.caption")), List.of(
        Column.text(w.get("findings.col.severity")), Column.code(w.get("findings.col.code")),
        Column.text(w.get("findings.col.where")), Column.text(w.get("findings.col.message")),
        Column.text(w.get("findings.col.meaning"))), rows, List.of(), false));
  }

  private static final Pattern LISTED = Pattern.compile("(inventory|coproducts|evidence)\\[(\\d+)\\]");

  /**
   * Where a finding points, in the words of the report: "inventory row 3 (Electricity)", "emission
   * factor Grid", "claimed figures"; the whole study when the key path names no part of it.
   */
  private String place(String where) {
    Matcher m = LISTED.matcher(where);
    if (m.lookingAt()) {
      int i = Integer.parseInt(m.group(2));
      String name = switch (m.group(1)) {
        case "inventory" -> study.inventory().stream().filter(l -> l.index() == i).map(InventoryLine::name)
            .findFirst().orElse("");
        case "coproducts" -> i < study.coproducts().size() ? study.coproducts().get(i).name() : "";
        default -> i < study.evidence().size() ? study.evidence().get(i).title() : "";
      };
      return w.get("where." + m.group(1), i + 1, name == null ? "" : name);
    }
    String[] path = where.split("\\.", 3);
    if (path[0].equals("factors") && path.length > 1) {
      Factor x = factors.get(path[1]);
      return w.get("where.factors", x == null || x.name() == null ? path[1] : x.name());
    }
    return w.has("where." + path[0]) ? w.get("where." + path[0]) : w.get("where.study");
  }

  /**
   * Appendix B, for the assessor: each finding's code, key path and place in the study file (line
   * and column, or a workbook's cell), which chapter 9 leaves out for the report's reader.
   */
  private void locations() {
    if (result.findings().isEmpty()) {
      return;
    }
    heading(1, "", w.get("h.locations"));
    blocks.add(new Block.Paragraph(w.get("locations.intro")));
    List<List<String>> rows = new ArrayList<>();
    int n = 1;
    for (Finding x : result.findings()) {
      Position p = x.position();
      String at = p == null ? "—" : p.sheet() != null ? p.cellName() : w.get("locations.line", p.line(), p.column());
      rows.add(List.of(String.valueOf(n++), x.code(), x.where().isEmpty() ? "—" : x.where(), at));
    }
    blocks.add(new Table("locations", caption(w.get("locations.caption")), List.of(
        Column.number(w.get("data.col.no")), Column.code(w.get("findings.col.code")),
        Column.code(w.get("locations.col.path")), Column.text(w.get("locations.col.position"))), rows, List.of(),
        false));
  }

  // ---------------------------------------------------------------- 10 conclusions, 11 advice

  private void conclusions() {
    heading1("h.conclusions");
    List<String> items = new ArrayList<>();
    items.add(w.get("conclusions.perUnit", product(), perUnitFigure(), declaredUnitLabel(), boundaryName(),
        periodText()));
    if (result.perKgKgCO2e() != null) {
      items.set(0, items.get(0) + (w.chinese() ? "" : " ") + w.get("conclusions.perKg",
          f.figure(result.perKgKgCO2e()) + " kgCO₂e/kg"));
    }
    List<StageResult> stages = result.stages().stream()
        .sorted(Comparator.comparingDouble((StageResult s) -> -s.kgCO2e())).toList();
    if (!stages.isEmpty() && stages.get(0).kgCO2e() > 0) {
      String next = stages.size() > 1 && stages.get(1).kgCO2e() > 0
          ? w.get("conclusions.stage.next", w.core(stages.get(1).stage().textKey()), f.percent(stages.get(1).share()))
          : "";
      items.add(w.get(stages.get(0).share() >= 0.5 ? "conclusions.stage" : "conclusions.stage.largest",
          w.core(stages.get(0).stage().textKey()), f.percent(stages.get(0).share()), next));
    }
    List<LineResult> ranked = ranked();
    if (!ranked.isEmpty()) {
      String next = ranked.size() > 1
          ? w.get("conclusions.line.next", ranked.get(1).name(), f.percent(ranked.get(1).share())) : "";
      items.add(w.get("conclusions.line", ranked.get(0).name(), f.percent(ranked.get(0).share()), next));
      if (ranked.size() > 3) {
        int n = Math.min(5, ranked.size() - 1);
        double share = ranked.subList(0, n).stream().mapToDouble(LineResult::share).sum();
        items.add(w.get(share >= 0.5 ? "conclusions.top" : "conclusions.spread", n, f.percent(share)));
      }
    }
    if (result.dataQuality() != null) {
      int grade = result.dataQuality().grade();
      items.add(w.get("conclusions.quality", w.get("grade." + grade), score(),
          w.get("gradeName." + grade)));
      weakest().ifPresent(l -> items.add(w.get("conclusions.quality.weak", l.name(), f.fixed(l.score(), 2),
          f.percent(l.share()))));
    }
    long warnings = result.findings().stream().filter(x -> x.severity() == Severity.WARNING).count();
    if (warnings > 0) {
      items.add(w.get(warnings == 1 ? "conclusions.finding" : "conclusions.findings", warnings));
    }
    blocks.add(new Block.ItemList(items, true));
  }

  /** The line with the lowest score among those carrying at least 5 % of the emissions. */
  private java.util.Optional<LineResult> weakest() {
    return result.lines().stream().filter(l -> l.score() != null && Math.abs(l.share()) >= 0.05 && l.score() < 4.0)
        .min(Comparator.comparingDouble(LineResult::score).thenComparingInt(LineResult::index));
  }

  /**
   * Advice from the hotspots: per line when single lines stand out (the largest carries 5 % or
   * more), else per stage, since then no single input is worth a measure of its own.
   */
  private void advice() {
    heading1("h.advice");
    List<String> items = new ArrayList<>();
    List<LineResult> ranked = ranked();
    boolean byLine = !ranked.isEmpty() && ranked.get(0).share() >= 0.05;
    int n = 0;
    if (byLine) {
      for (LineResult r : ranked) {
        if (n == 5 || (n > 0 && r.share() < 0.01)) {
          break;
        }
        items.add(lineAdvice(r, n == 0));
        n++;
      }
    } else {
      for (StageResult s : result.stages().stream().filter(x -> x.share() >= 0.01)
          .sorted(Comparator.comparingDouble((StageResult x) -> -x.kgCO2e())).toList()) {
        items.add(w.get("advice.stage." + s.stage().id(), w.capitalized(w.core(s.stage().textKey())),
            f.percent(s.share())));
      }
    }
    // one activity point means "estimated" or "not rated": the advice differs, so the words do
    List<String> estimated = new ArrayList<>();
    List<String> unrated = new ArrayList<>();
    for (LineResult l : result.lines()) {
      if (l.score() != null && l.points() != null && Math.abs(l.share()) >= 0.01 && l.points().activity() == 1) {
        var q = study.inventory().get(l.index()).quality();
        (q == null || q.activity() == null ? unrated : estimated).add(l.name());
      }
    }
    if (!estimated.isEmpty()) {
      items.add(w.get("advice.data", w.join(estimated)));
    }
    if (!unrated.isEmpty()) {
      items.add(w.get("advice.data.unrated", w.join(unrated)));
    }
    if (byLine && ranked.size() > n && ranked.get(n).share() < 0.01) {
      items.add(w.get("advice.small"));
    }
    if (items.isEmpty()) {
      blocks.add(new Block.Paragraph(w.get("advice.none")));
      return;
    }
    blocks.add(new Block.Paragraph(w.get("advice.intro")));
    blocks.add(new Block.ItemList(items, true));
  }

  private String lineAdvice(LineResult r, boolean first) {
    InventoryLine l = study.inventory().get(r.index());
    Factor factor = factors.get(Activity.factorOf(l.activity()));
    String name = r.name();
    String share = f.percent(r.share());
    return switch (r.stage()) {
      case RAW_MATERIALS -> {
        if (factor != null && factor.type() != null && factor.type().points() >= FactorType.SUPPLIER.points()) {
          yield w.get("advice.material.primary", name, share, w.get("type." + factor.type().id()));
        }
        String type = factor == null || factor.type() == null ? w.get("advice.average")
            : w.get("type." + factor.type().id());
        yield w.get(first ? "advice.material" : "advice.material.supplierData", name, share, type);
      }
      case TRANSPORT, DISTRIBUTION -> w.get("advice.transport", name, share);
      case PACKAGING -> w.get("advice.packaging", name, share);
      case WASTE, END_OF_LIFE -> w.get("advice.waste", name, share);
      case PRODUCTION -> w.get("advice." + kind(l, factor), name, share);
      default -> w.get("advice.other", name, share, w.core(r.stage().textKey()));
    };
  }

  /**
   * What a production line is, for advice: electricity (energy in Wh whose line or factor says
   * electricity or grid), other energy, direct gas emissions, fuel (energy in J, gas volumes) or
   * another input (a material in mass or pieces).
   */
  private static String kind(InventoryLine l, Factor factor) {
    Activity a = l.activity();
    if (a instanceof Activity.Emissions) {
      return "direct";
    }
    if (!(a instanceof Activity.Amount x)) {
      return "input";
    }
    Dimension d = x.amount().dimension();
    if (d.equals(Dimension.ENERGY)) {
      String words = (l.name() + " " + (factor == null ? "" : factor.id() + " " + factor.name())).toLowerCase(Locale.ROOT);
      boolean electric = x.amount().unit().symbol().endsWith("Wh")
          && (words.contains("电") || words.contains("electric") || words.contains("grid") || words.contains("power"));
      return electric ? "electricity" : "energy";
    }
    return d.equals(Dimension.GAS_VOLUME) || d.equals(Dimension.VOLUME) ? "fuel" : "input";
  }

  // ---------------------------------------------------------------- appendix

  private void declaration() {
    blocks.add(new Block.PageBreak());
    heading(1, "", w.get("h.declaration"));
    Organization o = study.organization();
    ReportInfo r = study.report();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(w.get("declaration.product"), product()));
    field(rows, "declaration.organization", o.name());
    field(rows, "declaration.address", o.address());
    rows.add(List.of(w.get("declaration.standards"), standardsText()));
    rows.add(List.of(w.get("declaration.result"), perUnitText()));
    rows.add(List.of(w.get("declaration.boundary"), w.capitalized(w.get("declaration.boundary.value",
        boundaryName(), includedStages(), periodText()))));
    if (result.dataQuality() != null) {
      rows.add(List.of(w.get("declaration.quality"), w.get("summary.quality.value",
          score(), w.get("gradeName." + result.dataQuality().grade()))));
    }
    field(rows, "declaration.assessor", r.assessor());
    if (r.date() != null) {
      rows.add(List.of(w.get("declaration.date"), f.date(r.date())));
    }
    blocks.add(Table.keyValue("declaration", caption(w.get("declaration.caption")), rows));
    blocks.add(new Block.Paragraph(w.get("declaration.text")));
    Table sig = signatures();
    if (!sig.rows().isEmpty()) {
      blocks.add(new Table(sig.id(), caption(sig.caption()), sig.columns(), sig.rows(), List.of(), false));
    }
  }

  /**
   * The stages the total counts, in life-cycle order. A stage outside the stated boundary is named
   * as such rather than left out: its lines are in the total (chapter 9 has the warning).
   */
  private String includedStages() {
    List<String> inside = new ArrayList<>();
    List<String> outside = new ArrayList<>();
    for (Stage s : Stage.values()) {
      if (study.inventory().stream().anyMatch(l -> l.stage() == s)) {
        (inside(s) ? inside : outside).add(w.core(s.textKey()));
      }
    }
    if (outside.isEmpty()) {
      return w.join(inside);
    }
    String more = w.get("declaration.outside", w.join(outside));
    return inside.isEmpty() ? more : w.join(inside) + w.get("declaration.outside.joiner") + more;
  }

  // ---------------------------------------------------------------- helpers

  private String boundaryName() {
    var info = study.info();
    if (!info.stages().isEmpty()) {
      return w.get("boundary.stages");
    }
    return info.boundary() == null ? w.get("boundary.notStated") : w.get("boundary." + info.boundary().id());
  }

  /**
   * Whether a stage is drawn and declared as inside the boundary: the study's boundary decides;
   * a study that states none has every stage with lines inside, as the total counts them.
   */
  private boolean inside(Stage s) {
    return study.info().hasBoundary() ? study.info().includes(s) : study.inventory().stream().anyMatch(l -> l.stage() == s);
  }

  /** The period in running text, or words saying the study states none. */
  private String periodText() {
    Period p = study.info().period();
    return p == null ? w.get("period.notStated") : f.period(p);
  }

  /** The standards the study names, or words saying it names none (never one it does not name). */
  private String standardsText() {
    List<String> s = study.info().standards();
    return s.isEmpty() ? w.get("standards.notStated") : w.join(s);
  }

  /**
   * Q written out: output ÷ declared unit = number of units, the number without padding zeros so
   * that it reads like the output typed beside it (3,544 t ÷ 1 t = 3,544, not 3,544.00).
   */
  private String unitsMade() {
    var p = study.product();
    return w.get("method.legend.q", f.quantity(p.output()), f.quantity(p.declaredUnit()),
        f.trimmed(p.output().inBase() / p.declaredUnit().inBase()));
  }

  /** The declared unit as it follows "per": {@code t} for 1 t, {@code 1,000 kg} otherwise. */
  private String declaredUnitLabel() {
    return shown.declaredUnitLabel();
  }

  /** The study's data-quality score as shown (never rounded across a grade boundary). */
  private String score() {
    return shown.qualityScore().orElseThrow();
  }

  private String perUnitFigure() {
    return shown.perUnit().figure().grouped();
  }

  private String perUnitText() {
    return shown.perUnit().grouped();
  }

  /** Emissions in the report's unit (t or kg CO₂e), two decimals. */
  private String emissions(double kg) {
    return unit.figure(kg).grouped();
  }

  private void heading1(String key) {
    chapter++;
    section = 0;
    heading(1, String.valueOf(chapter), w.get(key));
  }

  private void heading2(String key) {
    section++;
    heading(2, chapter + "." + section, w.get(key));
  }

  private void heading(int level, String number, String text) {
    String anchor = number.isEmpty() ? "appendix-" + (blocks.size()) : "s" + number.replace('.', '-');
    blocks.add(new Block.Heading(level, number, text, anchor));
  }

  private String caption(String text) {
    return w.get("table", ++tables) + "  " + text;
  }

  private String figureCaption(String text) {
    return w.get("figure", ++figures) + "  " + text;
  }
}

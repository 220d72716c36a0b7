package org.tanji.core.calc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.tanji.core.check.Claims;
import org.tanji.core.check.Cutoff;
import org.tanji.core.check.MassBalance;
import org.tanji.core.check.Plausibility;
import org.tanji.core.i18n.Numbers;
import org.tanji.core.i18n.Spelling;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Activity;
import org.tanji.core.model.Allocation;
import org.tanji.core.model.Coproduct;
import org.tanji.core.model.Factor;
import org.tanji.core.model.Finding;
import org.tanji.core.model.InventoryLine;
import org.tanji.core.model.LineUncertainty;
import org.tanji.core.model.Period;
import org.tanji.core.model.Product;
import org.tanji.core.model.Quality;
import org.tanji.core.model.Stage;
import org.tanji.core.model.Study;
import org.tanji.core.model.SupplierFootprint;
import org.tanji.core.quality.DataQuality;
import org.tanji.core.quality.Points;
import org.tanji.core.quality.Scoring;
import org.tanji.core.uncertainty.UncertaintyCheck;
import org.tanji.core.units.Dimension;
import org.tanji.core.units.ExchangeRate;
import org.tanji.core.units.Quantity;
import org.tanji.core.units.Units;

/**
 * Turns a {@link Study} into a {@link Result}: checks units and references, computes each line
 * with {@link Footprint}, allocates, scores data quality and runs the plausibility checks.
 *
 * <p>Every mistake in the study becomes a {@link Finding}; nothing here throws for bad data.
 */
public final class Calculator {

  private Calculator() {}

  /** Computes a study read without findings of its own. */
  public static Result calculate(Study study) {
    return calculate(study, List.of());
  }

  /**
   * Computes a study, carrying the findings its reader made. When any finding, the reader's or
   * the calculator's, is an error, the result has no figures.
   */
  public static Result calculate(Study study, List<Finding> readingFindings) {
    return prepare(study, readingFindings).result();
  }

  /**
   * Computes a study and keeps the {@link Formula} the result was computed with, so that a Monte
   * Carlo simulation can re-evaluate it. The formula is empty when the study has errors.
   */
  public static Calculation prepare(Study study, List<Finding> readingFindings) {
    Run run = new Run(study, readingFindings);
    Result result = run.run();
    return new Calculation(result, result.hasErrors() ? Optional.empty() : Optional.ofNullable(run.prepared));
  }

  /**
   * A result and the formula it was computed with.
   *
   * @param result what the study computes to
   * @param formula the prepared arithmetic, empty when the result has errors
   */
  public record Calculation(Result result, Optional<Formula> formula) {}

  /** One calculation: the state it builds up, kept out of the static API. */
  private static final class Run {
    private final Study study;
    private final List<Finding> findings;
    private final Set<String> badFactors = new HashSet<>();
    private final Set<String> usedFactors = new HashSet<>();
    private boolean coproductsValid;
    private boolean gwpMissingReported;
    private final Formula.Builder formula = new Formula.Builder();
    /** The exchange rate each converted line used, by inventory index. */
    private final Map<Integer, ExchangeRate> ratesUsed = new HashMap<>();
    private Formula prepared;

    Run(Study study, List<Finding> readingFindings) {
      this.study = study;
      this.findings = new ArrayList<>(readingFindings);
    }

    Result run() {
      checkFactors();
      // indexed by the line's place in the file, which skips entries the reader could not use
      Points[] points = new Points[slots()];
      for (InventoryLine line : study.inventory()) {
        lineEmissions(line); // checks the line and adds it to the formula
        checkUncertainty(line);
        checkBoundary(line);
        if (line.activity() != null && !(line.activity() instanceof Activity.Excluded)) {
          points[line.index()] = points(line); // scored now, so that missing levels show beside any error
        }
      }
      reportUnusedFactors();
      Optional<ProductFigures> product = productFigures(study.product());
      coproductsValid = checkCoproducts();
      OptionalDouble share = allocationShare(product);
      double rawMaterialKg = Cutoff.rawMaterialMassKg(study.inventory());
      checkCutoff(rawMaterialKg);
      if (coproductsValid) {
        product.ifPresent(p -> checkMassBalance(p, rawMaterialKg));
      }

      if (findings.stream().anyMatch(Finding::isError) || product.isEmpty() || share.isEmpty()) {
        return Result.failed(located());
      }
      return figures(points, product.get(), share.getAsDouble());
    }

    /** One slot per inventory entry of the file, read or not. */
    private int slots() {
      int n = 0;
      for (InventoryLine line : study.inventory()) {
        n = Math.max(n, line.index() + 1);
      }
      return n;
    }

    private void checkBoundary(InventoryLine line) {
      var info = study.info();
      if (info.hasBoundary() && line.stage() != null && !info.includes(line.stage())) {
        findings.add(Finding.warning("STAGE_OUTSIDE_BOUNDARY", line.path() + ".stage",
            Text.of("stage.outside", line.name(), Text.of(line.stage().textKey()), info.boundaryText())));
      }
    }

    // ------------------------------------------------------------------ figures

    private Result figures(Points[] points, ProductFigures product, double share) {
      boolean coproducts = !study.coproducts().isEmpty();
      prepared = formula.build(share, product.declaredUnitsMade());
      // the values as typed, through the same formula a Monte Carlo run evaluates with draws
      double[] x = prepared.nominal();
      double[] unallocated = new double[slots()];
      double[] attributed = new double[slots()];
      double total = 0;
      for (int k = 0; k < prepared.lineCount(); k++) {
        int i = prepared.lineIndex(k);
        unallocated[i] = prepared.unallocated(k, x);
        attributed[i] = prepared.attributed(k, unallocated[i]);
        total += attributed[i];
      }
      if (!Double.isFinite(total)) {
        findings.add(Finding.error("NUMBER_OUT_OF_RANGE", "inventory", Text.of("calc.totalOverflow")));
        return Result.failed(located());
      }

      Map<Stage, Double> byStage = new LinkedHashMap<>();
      List<LineResult> lines = new ArrayList<>();
      List<Double> scores = new ArrayList<>();
      List<Double> weights = new ArrayList<>();
      for (InventoryLine line : study.inventory()) {
        int i = line.index();
        byStage.merge(line.stage(), attributed[i], Double::sum);
        double lineShare = Footprint.share(attributed[i], total);
        boolean excluded = line.activity() instanceof Activity.Excluded;
        Double score = points[i] == null ? null : points[i].score();
        if (score != null) {
          scores.add(score);
          weights.add(attributed[i]);
        }
        lines.add(new LineResult(i, line.name(), line.stage(), attributed[i], lineShare, excluded,
            score, points[i], Activity.factorOf(line.activity()), coproducts && !line.dedicated(), unallocated[i],
            Optional.ofNullable(ratesUsed.get(i))));
      }
      List<StageResult> stages = new ArrayList<>();
      for (Map.Entry<Stage, Double> e : byStage.entrySet()) {
        stages.add(new StageResult(e.getKey(), e.getValue(), Footprint.share(e.getValue(), total)));
      }
      DataQuality quality = Scoring.weighted(
          scores.stream().mapToDouble(Double::doubleValue).toArray(),
          weights.stream().mapToDouble(Double::doubleValue).toArray()).orElse(null);

      double perUnit = prepared.perUnit(total);
      Double perKg = product.massKg() == null ? null : Footprint.perKg(total, product.massKg());
      if (!Double.isFinite(perUnit) || perKg != null && !Double.isFinite(perKg)) {
        findings.add(Finding.error("NUMBER_OUT_OF_RANGE", "product.output", Text.of("calc.perUnitOverflow")));
        return Result.failed(located());
      }
      // the range the printed inputs allow, line by line and in total, for judging claims
      double[] low = new double[slots()];
      double[] high = new double[slots()];
      double totalLow = 0;
      double totalHigh = 0;
      for (InventoryLine line : study.inventory()) {
        int i = line.index();
        double[] r = printedRange(line, unallocated[i]);
        double f = line.dedicated() ? 1 : share;
        low[i] = Footprint.allocate(r[0], f);
        high[i] = Footprint.allocate(r[1], f);
        totalLow += low[i];
        totalHigh += high[i];
      }
      checkClaims(total, perUnit, product, attributed, quality, new double[][] {low, high},
          new double[] {totalLow, totalHigh});
      if (perKg != null) {
        Plausibility.check("product", Text.of("plausibility.result"), perKg, Numbers.readable(perKg))
            .ifPresent(findings::add);
      }
      BesideFigures beside = beside(product);
      if (findings.stream().anyMatch(Finding::isError)) {
        return Result.failed(located()); // a claim in the wrong unit: errors always mean no figures
      }
      return new Result(total, perUnit, perKg, share, stages, lines, quality, located(), factorsUsed(),
          allocationBasis, beside);
    }

    /**
     * The figures reported beside the footprint, checked for their dimension and sign; none of
     * them touches the total.
     */
    private BesideFigures beside(ProductFigures product) {
      org.tanji.core.model.Beside b = study.beside();
      if (b.isEmpty()) {
        return BesideFigures.NONE;
      }
      return new BesideFigures(
          besideKg(b.biogenicEmissions(), "biogenic.emissions", Dimension.CO2E),
          besideKg(b.biogenicRemovals(), "biogenic.removals", Dimension.CO2E),
          besideKg(b.biogenicCarbon(), "biogenic.carbonContent", Dimension.MASS),
          credits(b.avoided(), "avoided"), credits(b.offsets(), "offsets"), product.declaredUnitsMade());
    }

    private List<BesideFigures.Named> credits(List<org.tanji.core.model.Beside.Credit> credits, String key) {
      List<BesideFigures.Named> out = new ArrayList<>();
      for (int i = 0; i < credits.size(); i++) {
        var c = credits.get(i);
        Double kg = besideKg(c.amount(), key + "[" + i + "].amount", Dimension.CO2E);
        if (kg != null) {
          out.add(new BesideFigures.Named(c.name(), kg));
        }
      }
      return out;
    }

    /** A figure beside the footprint in base units, or null (with a finding when it is wrong). */
    private Double besideKg(Quantity q, String where, Dimension dim) {
      if (q == null) {
        return null;
      }
      if (!q.dimension().equals(dim)) {
        findings.add(Finding.error("UNIT_MISMATCH", where, Text.of("unit.mismatch.expected", where, q.text(),
            q.dimension().describeWithArticle(), dim.describeWithArticle(), preferred(dim))));
        return null;
      }
      if (q.value() < 0) {
        findings.add(Finding.error("NEGATIVE_VALUE", where, Text.of("beside.negative", where, q.text())));
        return null;
      }
      return q.inBase();
    }

    private Points points(InventoryLine line) {
      Quality q = line.quality();
      List<Object> missing = new ArrayList<>();
      int activity = 1;
      int calibration = 1;
      Integer factorPoints = q == null ? null : q.factorPoints();
      if (q != null && q.activity() != null) {
        activity = q.activity().points();
      } else {
        missing.add(Text.of("quality.part.activity"));
      }
      if (q != null && q.calibration() != null) {
        calibration = q.calibration().points();
      } else {
        missing.add(Text.of("quality.part.calibration"));
      }
      if (factorPoints == null) {
        Factor f = factor(Activity.factorOf(line.activity()));
        if (f != null && f.type() != null) {
          factorPoints = f.type().points();
        } else {
          missing.add(Text.of(f == null ? "quality.part.factorPoints" : "quality.part.factorType"));
          factorPoints = 1;
        }
      }
      if (!missing.isEmpty()) {
        findings.add(Finding.warning("QUALITY_MISSING", line.path() + ".quality",
            Text.of("quality.missing", line.name(), Text.list(missing))));
      }
      return new Points(activity, factorPoints, calibration);
    }

    private void checkClaims(double total, double perUnit, ProductFigures product, double[] attributed,
        DataQuality quality, double[][] lineRange, double[] totalRange) {
      org.tanji.core.model.Claims c = study.claims();
      if (c.total() != null && requireDimension(c.total(), Dimension.CO2E, "claimed.total", Text.of("claim.total"))) {
        double scale = c.total().unit().scale();
        double recomputed = total / scale;
        Claims.check("claimed.total", Text.of("claim.total"), c.total().text(), c.total().value(), recomputed,
            Numbers.readable(recomputed) + " " + c.total().unit().symbol(), totalRange[0] / scale, totalRange[1] / scale)
            .ifPresent(findings::add);
      }
      if (c.perUnit() != null) {
        // the output is printed too: its range widens the per-unit range
        double[] made = printedUnitsMade(product);
        double perUnitLow = Footprint.perUnit(totalRange[0], made[1]);
        double perUnitHigh = Footprint.perUnit(totalRange[1], made[0]);
        checkPerUnitClaim(c.perUnit(), perUnit, product, perUnit == 0 ? 1 : perUnitLow / perUnit,
            perUnit == 0 ? 1 : perUnitHigh / perUnit);
      }
      checkClaimsAgree(c, product);
      checkStageAndShareClaims(c, total, attributed, lineRange, totalRange);
      if (c.dataQuality() != null && quality != null) {
        Claims.check("claimed.dataQuality", Text.of("claim.dataQuality"), c.dataQuality().toPlainString(),
            c.dataQuality().doubleValue(), quality.score(), Numbers.fixed(quality.score(), 2))
            .ifPresent(findings::add);
      }
      for (InventoryLine line : study.inventory()) {
        Quantity claimed = line.claimed();
        String where = line.path() + ".claimed";
        if (claimed != null && requireDimension(claimed, Dimension.CO2E, where, Text.of("claim.line", line.name()))) {
          double scale = claimed.unit().scale();
          double recomputed = attributed[line.index()] / scale;
          Claims.check(where, Text.of("claim.line", line.name()), claimed.text(), claimed.value(), recomputed,
              Numbers.readable(recomputed) + " " + claimed.unit().symbol(), lineRange[0][line.index()] / scale,
              lineRange[1][line.index()] / scale).ifPresent(findings::add);
        }
      }
    }

    /**
     * A per-unit claim may be a CO₂e mass (per declared unit, as the contract shows) or CO₂e per a
     * unit of the declared unit's dimension ({@code kgCO2e/t}, {@code kgCO2e/个}).
     */
    private void checkPerUnitClaim(Quantity claim, double perUnitKg, ProductFigures product, double lowFactor,
        double highFactor) {
      Dimension dim = claim.dimension();
      Dimension declared = study.product().declaredUnit().dimension();
      double recomputed;
      double perKgOfClaim;
      if (dim.equals(Dimension.CO2E)) {
        recomputed = perUnitKg / claim.unit().scale();
        perKgOfClaim = claim.inBase() / product.declaredUnitMassKgOrNaN();
      } else if (dim.equals(Dimension.CO2E.dividedBy(declared))) {
        double perBase = perUnitKg / study.product().declaredUnit().inBase();
        recomputed = perBase / claim.unit().scale();
        perKgOfClaim = claim.inBase() * study.product().declaredUnit().inBase() / product.declaredUnitMassKgOrNaN();
      } else {
        findings.add(Finding.error("UNIT_MISMATCH", "claimed.perUnit", Text.of("claim.perUnit.unit",
            claim.text(), dim.describeWithArticle(), study.product().declaredUnit().text())));
        return;
      }
      Claims.check("claimed.perUnit", Text.of("claim.perUnit"), claim.text(), claim.value(), recomputed,
          Numbers.readable(recomputed) + " " + claim.unit().symbol(), recomputed * lowFactor, recomputed * highFactor)
          .ifPresent(findings::add);
      if (Double.isFinite(perKgOfClaim)) {
        Plausibility.check("claimed.perUnit", Text.of("plausibility.claim", claim.text()), perKgOfClaim,
            Numbers.readable(perKgOfClaim)).ifPresent(findings::add);
      }
    }

    /**
     * Claims on stage subtotals and on shares (of stages and of lines), judged like the others: on
     * the recomputed figure and on the range the printed inputs allow. A share's range is bounded
     * by the part's lowest over the total's highest and the other way round.
     */
    private void checkStageAndShareClaims(org.tanji.core.model.Claims c, double total, double[] attributed,
        double[][] lineRange, double[] totalRange) {
      Map<Stage, double[]> stages = new LinkedHashMap<>(); // exact, low, high
      for (InventoryLine line : study.inventory()) {
        int i = line.index();
        double[] sum = stages.computeIfAbsent(line.stage(), s -> new double[3]);
        sum[0] += attributed[i];
        sum[1] += lineRange[0][i];
        sum[2] += lineRange[1][i];
      }
      c.stages().forEach((stage, claim) -> {
        String where = "claimed.stages." + stage.id();
        Text what = Text.of("claim.stage", Text.of(stage.textKey()));
        if (requireDimension(claim, Dimension.CO2E, where, what)) {
          double[] s = stages.getOrDefault(stage, new double[3]);
          double scale = claim.unit().scale();
          Claims.check(where, what, claim.text(), claim.value(), s[0] / scale,
              Numbers.readable(s[0] / scale) + " " + claim.unit().symbol(), s[1] / scale, s[2] / scale)
              .ifPresent(findings::add);
        }
      });
      c.stageShares().forEach((stage, share) -> {
        double[] s = stages.getOrDefault(stage, new double[3]);
        checkShare("claimed.shares." + stage.id(), Text.of("claim.stageShare", Text.of(stage.textKey())), share,
            s[0], s[1], s[2], total, totalRange);
      });
      for (InventoryLine line : study.inventory()) {
        if (line.claimedShare() != null) {
          int i = line.index();
          checkShare(line.path() + ".claimedShare", Text.of("claim.lineShare", line.name()), line.claimedShare(),
              attributed[i], lineRange[0][i], lineRange[1][i], total, totalRange);
        }
      }
    }

    private void checkShare(String where, Text what, org.tanji.core.model.Claims.Share share, double part,
        double partLow, double partHigh, double total, double[] totalRange) {
      double percent = Footprint.share(part, total) * 100;
      // a total whose printed range reaches zero gives no range for the share: judged as computed
      boolean ranged = totalRange[0] > 0 && totalRange[1] > 0;
      double low = ranged ? Math.min(partLow / totalRange[1], partLow / totalRange[0]) * 100 : percent;
      double high = ranged ? Math.max(partHigh / totalRange[0], partHigh / totalRange[1]) * 100 : percent;
      Claims.check(where, what, share.text(), share.percent(), percent, Numbers.percent(percent / 100), low, high)
          .ifPresent(f -> findings.add(f));
    }

    /**
     * A published total and per-unit figure must agree with each other: the total ÷ the output is
     * the per-unit figure (one real report's two figures differ by a factor of 10). Judged on the
     * ranges both printed figures and the printed output allow.
     */
    private void checkClaimsAgree(org.tanji.core.model.Claims c, ProductFigures product) {
      if (c.total() == null || c.perUnit() == null || !c.total().dimension().equals(Dimension.CO2E)) {
        return;
      }
      Quantity declared = study.product().declaredUnit();
      double perUnitPerBase; // kgCO2e per declared unit as claimed
      if (c.perUnit().dimension().equals(Dimension.CO2E)) {
        perUnitPerBase = 1;
      } else if (c.perUnit().dimension().equals(Dimension.CO2E.dividedBy(declared.dimension()))) {
        perUnitPerBase = declared.inBase();
      } else {
        return; // the per-unit claim's unit is wrong: said above
      }
      double[] total = Claims.printed(Units.split(c.total().text())[0], c.total().value());
      double[] perUnit = Claims.printed(Units.split(c.perUnit().text())[0], c.perUnit().value());
      double[] made = printedUnitsMade(product);
      double scaleT = c.total().unit().scale();
      double scaleP = c.perUnit().unit().scale() * perUnitPerBase;
      double impliedLow = total[0] * scaleT / made[1];
      double impliedHigh = total[1] * scaleT / made[0];
      if (impliedHigh < perUnit[0] * scaleP || impliedLow > perUnit[1] * scaleP) {
        double implied = c.total().inBase() / product.declaredUnitsMade();
        findings.add(Finding.warning("CLAIM_INCONSISTENT", "claimed.perUnit", Text.of("claim.inconsistent",
            c.total().text(), study.product().output().text(), Numbers.readable(implied / scaleP) + " "
                + c.perUnit().unit().symbol(), c.perUnit().text(),
            Numbers.readable(c.perUnit().value() * scaleP / implied))));
      }
    }

    /** The declared units made, low and high, as the printed output allows. */
    private double[] printedUnitsMade(ProductFigures product) {
      Quantity output = study.product().output();
      double exact = product.declaredUnitsMade();
      try {
        double[] r = Claims.printed(Units.split(output.text())[0], output.value());
        return new double[] {exact * r[0] / output.value(), exact * r[1] / output.value()};
      } catch (RuntimeException e) { // an output made in code, not typed
        return new double[] {exact, exact};
      }
    }

    /**
     * The lowest and highest emissions a line's printed inputs allow (each number ± half its last
     * digit), in kg before allocation: the same formula at the ends of each input's range.
     */
    private double[] printedRange(InventoryLine line, double exact) {
      Activity a = line.activity();
      List<Double> corners = new ArrayList<>();
      if (a instanceof Activity.Amount x && factor(x.factor()) != null && x.amount() != null) {
        for (Quantity m : bounds(x.amount())) {
          for (Quantity f : bounds(factor(x.factor()).value())) {
            corners.add(Footprint.emissions(m, f));
          }
        }
      } else if (a instanceof Activity.Transport x && factor(x.factor()) != null) {
        for (Quantity m : bounds(x.mass())) {
          for (Quantity d : bounds(x.distance())) {
            for (Quantity f : bounds(factor(x.factor()).value())) {
              corners.add(Footprint.transportEmissions(Footprint.transportWork(m, d), f));
            }
          }
        }
      } else if (a instanceof Activity.Emissions x) {
        double low = 0;
        double high = 0;
        for (Map.Entry<String, Quantity> gas : x.gases().entrySet()) {
          double gwp = Gwp.of(study.info(), Gwp.gasOf(gas.getKey())).orElse(0)
              * Gwp.element(gas.getKey()).map(Gwp.Element::factor).orElse(1.0);
          Quantity[] b = bounds(gas.getValue());
          double e0 = Footprint.gasEmissions(b[0], gwp);
          double e1 = Footprint.gasEmissions(b[1], gwp);
          low += Math.min(e0, e1);
          high += Math.max(e0, e1);
        }
        return new double[] {low, high};
      }
      if (corners.isEmpty()) {
        return new double[] {exact, exact};
      }
      return new double[] {corners.stream().mapToDouble(Double::doubleValue).min().orElse(exact),
          corners.stream().mapToDouble(Double::doubleValue).max().orElse(exact)};
    }

    /** A quantity at the two ends of its printed range; a quantity not typed (made in code) is exact. */
    private static Quantity[] bounds(Quantity q) {
      try {
        double[] r = Claims.printed(Units.split(q.text())[0], q.value());
        return new Quantity[] {Quantity.of(r[0], q.unit()), Quantity.of(r[1], q.unit())};
      } catch (RuntimeException e) {
        return new Quantity[] {q, q};
      }
    }

    private boolean requireDimension(Quantity q, Dimension dim, String where, Text what) {
      if (q.dimension().equals(dim)) {
        return true;
      }
      findings.add(Finding.error("UNIT_MISMATCH", where,
          Text.of("unit.mismatch.expected", what, q.text(), q.dimension().describeWithArticle(),
              dim.describeWithArticle(), preferred(dim))));
      return false;
    }

    // ------------------------------------------------------------------ factors

    private void checkFactors() {
      study.factors().forEach((key, f) -> {
        String where = "factors." + key + ".value";
        if (f.value() == null) {
          badFactors.add(key);
          return;
        }
        Dimension dim = f.value().dimension();
        if (dim.co2e() != 1 || dim.equals(Dimension.CO2E)) {
          badFactors.add(key);
          findings.add(Finding.error("UNIT_MISMATCH", where,
              Text.of("factor.notPerActivity", key, f.value().text(), dim.describeWithArticle())));
          return;
        }
        if (f.value().value() < 0) {
          findings.add(Finding.warning("NEGATIVE_FACTOR", where, Text.of("factor.negative", key, f.value().text())));
        }
        if (f.value().unit().co2Only()) {
          findings.add(Finding.info("CO2_ONLY_FACTOR", where, Text.of("factor.co2Only", key, f.value().text())));
        }
        f.footprint().ifPresent(fp -> checkSupplier(key, fp));
        f.spread().ifPresent(u -> UncertaintyCheck.check(u, f.value(), "factors." + key + ".uncertainty",
            Text.of("uncertainty.ofFactor", key), findings));
      });
    }

    /**
     * A supplier's footprint is meant for a time and may have been replaced: one the supplier
     * deprecated, or one whose validity does not reach into the study's period, is still computed
     * with (the assessor decides), but said.
     */
    private void checkSupplier(String key, SupplierFootprint fp) {
      // a library factor stands nowhere in the file: the first line that uses it is where to look
      String where = study.inventory().stream().filter(l -> key.equals(Activity.factorOf(l.activity()))).findFirst()
          .map(l -> l.path() + ".factor").orElse("factors." + key);
      if (fp.deprecated()) {
        findings.add(Finding.warning("SUPPLIER_FOOTPRINT_DEPRECATED", where,
            Text.of("supplier.deprecated", key, fp.companyName(), fp.footprintId())));
      }
      Period period = study.info().period();
      if (period != null && !fp.overlaps(period)) {
        findings.add(Finding.warning("SUPPLIER_FOOTPRINT_NOT_VALID", where,
            Text.of("supplier.notValid", key, fp.companyName(), fp.validFromDate().toString(),
                fp.validUntilDate().toString(), period.start().toString(), period.end().toString())));
      }
    }

    private Factor factor(String key) {
      return key == null ? null : study.factors().get(key);
    }

    /** The factor a line refers to, or empty with an {@code UNKNOWN_FACTOR} finding. */
    private Optional<Factor> resolve(InventoryLine line, String key) {
      if (key == null) {
        return Optional.empty(); // missing: the reader has said so
      }
      usedFactors.add(key);
      Factor f = study.factors().get(key);
      if (f == null) {
        Text text = Spelling.closest(key, study.factors().keySet())
            .map(s -> Text.of("factor.unknown.suggest", key, line.name(), s))
            .orElseGet(() -> Text.of("factor.unknown", key, line.name()));
        findings.add(Finding.error("UNKNOWN_FACTOR", line.path() + ".factor", text));
        return Optional.empty();
      }
      return badFactors.contains(key) ? Optional.empty() : Optional.of(f);
    }

    private void reportUnusedFactors() {
      for (String key : study.factors().keySet()) {
        if (!usedFactors.contains(key)) {
          findings.add(Finding.warning("UNUSED_FACTOR", "factors." + key, Text.of("factor.unused", key)));
        }
      }
    }

    // ------------------------------------------------------------------ lines

    private OptionalDouble lineEmissions(InventoryLine line) {
      Activity activity = line.activity();
      if (activity instanceof Activity.Amount a) {
        return amountLine(line, a);
      } else if (activity instanceof Activity.Transport t) {
        return transportLine(line, t);
      } else if (activity instanceof Activity.Emissions e) {
        OptionalDouble kg = gasLine(line, e);
        kg.ifPresent(v -> formula.fixed(line, v));
        return kg;
      } else if (activity instanceof Activity.Excluded x) {
        if (x.factor() != null) {
          resolve(line, x.factor());
        }
        if (!nonNegative(line, x.amount(), ".amount")) {
          return OptionalDouble.empty();
        }
        formula.fixed(line, 0);
        return OptionalDouble.of(0);
      }
      return OptionalDouble.empty(); // unreadable entry: the reader has said why
    }

    private OptionalDouble amountLine(InventoryLine line, Activity.Amount a) {
      Optional<Factor> factor = resolve(line, a.factor());
      if (!nonNegative(line, a.amount(), ".amount") || factor.isEmpty()) {
        return OptionalDouble.empty();
      }
      Quantity f = factor.get().value();
      Dimension needed = Dimension.CO2E.dividedBy(f.dimension());
      Dimension given = a.amount().dimension();
      if (given.equals(needed)) {
        return finite(line, formula.amount(line, a.amount(), a.factor(), f, 1));
      }
      Optional<ExchangeRate> rate = ExchangeRate.forLine(study.info().exchangeRates(), a.amount(), f);
      if (rate.isPresent()) {
        ratesUsed.put(line.index(), rate.get());
        return finite(line, formula.amount(line, a.amount(), a.factor(), f, rate.get().multiplier(given)));
      }
      Text text = Text.of("unit.mismatch.amount", line.name(), given.describeWithArticle(), a.amount().unit().symbol(),
          a.factor(), f.unit().symbol(), needed.describeWithArticle(), preferred(needed));
      if (given.isMoney() && needed.isMoney()) {
        text = Text.of("unit.mismatch.currency", text, preferred(given), preferred(needed));
      }
      findings.add(Finding.error("UNIT_MISMATCH", line.path() + ".amount", text));
      return OptionalDouble.empty();
    }


    private OptionalDouble transportLine(InventoryLine line, Activity.Transport t) {
      Optional<Factor> factor = resolve(line, t.factor());
      boolean ok = nonNegative(line, t.mass(), ".mass") & nonNegative(line, t.distance(), ".distance");
      ok &= expect(line, t.mass(), Dimension.MASS, ".mass") & expect(line, t.distance(), Dimension.LENGTH, ".distance");
      if (factor.isEmpty() || !ok) {
        return OptionalDouble.empty();
      }
      Quantity f = factor.get().value();
      if (!f.dimension().equals(Dimension.CO2E.dividedBy(Dimension.TRANSPORT_WORK))) {
        Dimension needed = Dimension.CO2E.dividedBy(f.dimension());
        findings.add(Finding.error("UNIT_MISMATCH", line.path() + ".factor", Text.of("unit.mismatch.transport",
            line.name(), t.factor(), f.unit().symbol(), needed.describeWithArticle(), preferred(needed))));
        return OptionalDouble.empty();
      }
      return finite(line, formula.transport(line, t.mass(), t.distance(), t.factor(), f));
    }

    private OptionalDouble gasLine(InventoryLine line, Activity.Emissions e) {
      if (!study.info().hasGwp()) {
        if (!gwpMissingReported) { // one missing value, however many gas lines need it
          findings.add(Finding.error("MISSING_VALUE", "study.gwp", Text.of("gwp.missing", line.name())));
          gwpMissingReported = true;
        }
        return OptionalDouble.empty();
      }
      double sum = 0;
      boolean ok = true;
      for (Map.Entry<String, Quantity> gas : e.gases().entrySet()) {
        String where = ".emissions." + gas.getKey();
        // nitrogen as N2O-N, carbon as CO2-C: the element's mass times 44/28 or 44/12 is the gas's
        Optional<Gwp.Element> element = Gwp.element(gas.getKey());
        OptionalDouble gwp = Gwp.of(study.info(), Gwp.gasOf(gas.getKey()));
        if (gwp.isEmpty() && !study.info().customGwp().isEmpty()) {
          findings.add(Finding.error("UNKNOWN_GAS", line.path() + where, Text.of("gas.notInCustomTable",
              Gwp.gasOf(gas.getKey()), line.name(), String.join(", ", study.info().customGwp().keySet()))));
          ok = false;
          continue;
        }
        if (gwp.isEmpty()) {
          Text text = Gwp.suggest(gas.getKey())
              .map(s -> Text.of("gas.unknown.suggest", gas.getKey(), line.name(), s))
              .orElseGet(() -> Text.of("gas.unknown", gas.getKey(), line.name(), String.join(", ", Gwp.gases())));
          findings.add(Finding.error("UNKNOWN_GAS", line.path() + where, text));
          ok = false;
          continue;
        }
        if (!nonNegative(line, gas.getValue(), where) || !expect(line, gas.getValue(), Dimension.MASS, where)) {
          ok = false;
          continue;
        }
        sum += Footprint.gasEmissions(gas.getValue(), gwp.getAsDouble() * element.map(Gwp.Element::factor).orElse(1.0));
      }
      return ok ? finite(line, sum) : OptionalDouble.empty();
    }

    /**
     * The line's distributions against its quantities as typed. The reader has made sure only
     * amount lines carry an amount part and only transport lines a mass or distance part.
     */
    private void checkUncertainty(InventoryLine line) {
      LineUncertainty u = line.uncertainty();
      if (u == null) {
        return;
      }
      String where = line.path() + ".uncertainty";
      if (line.activity() instanceof Activity.Amount a && u.amount() != null && a.amount() != null) {
        UncertaintyCheck.check(u.amount(), a.amount(), where, Text.of("uncertainty.ofAmount", line.name()), findings);
      } else if (line.activity() instanceof Activity.Transport t) {
        if (u.mass() != null && t.mass() != null) {
          UncertaintyCheck.check(u.mass(), t.mass(), where + ".mass", Text.of("uncertainty.ofMass", line.name()),
              findings);
        }
        if (u.distance() != null && t.distance() != null) {
          UncertaintyCheck.check(u.distance(), t.distance(), where + ".distance",
              Text.of("uncertainty.ofDistance", line.name()), findings);
        }
      }
    }

    private boolean expect(InventoryLine line, Quantity q, Dimension dim, String key) {
      if (q == null || q.dimension().equals(dim)) {
        return q != null;
      }
      findings.add(Finding.error("UNIT_MISMATCH", line.path() + key, Text.of("unit.mismatch.field",
          line.name(), key.substring(key.lastIndexOf('.') + 1), q.dimension().describeWithArticle(), q.unit().symbol(),
          dim.describeWithArticle(), preferred(dim))));
      return false;
    }

    private boolean nonNegative(InventoryLine line, Quantity q, String key) {
      if (q == null) {
        return false;
      }
      if (q.value() < 0) {
        findings.add(Finding.error("NEGATIVE_VALUE", line.path() + key,
            Text.of("value.negative", line.name(), key.substring(1), q.text())));
        return false;
      }
      return true;
    }

    private OptionalDouble finite(InventoryLine line, double kg) {
      if (Double.isFinite(kg)) {
        return OptionalDouble.of(kg);
      }
      findings.add(Finding.error("NUMBER_OUT_OF_RANGE", line.path(), Text.of("calc.lineOverflow", line.name())));
      return OptionalDouble.empty();
    }


    // ------------------------------------------------------------------ product and allocation

    /** Output figures of the studied product, once its units agree. */
    private record ProductFigures(double declaredUnitsMade, Double massKg, Double declaredUnitMassKg) {
      double declaredUnitMassKgOrNaN() {
        return declaredUnitMassKg == null ? Double.NaN : declaredUnitMassKg;
      }
    }

    private Optional<ProductFigures> productFigures(Product p) {
      if (p.declaredUnit() == null || p.output() == null) {
        return Optional.empty(); // the reader reported the missing value
      }
      boolean ok = positive(p.declaredUnit(), "product.declaredUnit") & positive(p.output(), "product.output");
      if (!p.output().dimension().equals(p.declaredUnit().dimension())) {
        findings.add(Finding.error("UNIT_MISMATCH", "product.output", Text.of("product.outputMismatch",
            p.output().text(), p.output().dimension().describeWithArticle(), p.declaredUnit().text(),
            p.declaredUnit().dimension().describeWithArticle())));
        ok = false;
      }
      Double unitMass = null;
      if (p.massPerUnit() != null) {
        OptionalDouble kg = unitMassKg(p.massPerUnit(), "product.massPerUnit");
        ok &= kg.isPresent();
        unitMass = kg.isPresent() ? kg.getAsDouble() : null;
      }
      if (!ok) {
        return Optional.empty();
      }
      if (p.declaredUnit().dimension().equals(Dimension.MASS)) {
        checkUnitMass(p.declaredUnit(), p.massPerUnit(), "product.massPerUnit");
        unitMass = p.declaredUnit().inBase();
      } else if (unitMass == null) {
        findings.add(Finding.info("MASS_UNKNOWN", "product.massPerUnit",
            Text.of("product.massUnknown", p.declaredUnit().text())));
      }
      double units = Footprint.declaredUnitsMade(p.output(), p.declaredUnit());
      return Optional.of(new ProductFigures(units, unitMass == null ? null : units * unitMass, unitMass));
    }

    /** The mass of one unit in kg, if it is a positive mass; otherwise empty with a finding. */
    private OptionalDouble unitMassKg(Quantity massPerUnit, String where) {
      if (!massPerUnit.dimension().equals(Dimension.MASS)) {
        findings.add(Finding.error("UNIT_MISMATCH", where, Text.of("unit.mismatch.expected",
            Text.of("product.massPerUnit"), massPerUnit.text(), massPerUnit.dimension().describeWithArticle(),
            Dimension.MASS.describeWithArticle(), "kg")));
        return OptionalDouble.empty();
      }
      return positive(massPerUnit, where) ? OptionalDouble.of(massPerUnit.inBase()) : OptionalDouble.empty();
    }

    /** A massPerUnit given beside a unit that is itself a mass must agree with it. */
    private void checkUnitMass(Quantity unit, Quantity massPerUnit, String where) {
      if (massPerUnit == null || !unit.dimension().equals(Dimension.MASS)
          || !massPerUnit.dimension().equals(Dimension.MASS)) {
        return;
      }
      double own = unit.inBase();
      if (Math.abs(massPerUnit.inBase() - own) > 1e-9 * own) {
        findings.add(Finding.warning("INCONSISTENT_MASS", where,
            Text.of("product.massPerUnitConflict", massPerUnit.text(), unit.text())));
      }
    }

    private boolean positive(Quantity q, String where) {
      if (q.value() > 0) {
        return true;
      }
      findings.add(Finding.error("INVALID_VALUE", where, Text.of("value.notPositive", q.text())));
      return false;
    }

    /** The measures the shared inputs are divided by: the product's, then each coproduct's. */
    private final List<Double> allocationBasis = new ArrayList<>();

    private OptionalDouble allocationShare(Optional<ProductFigures> product) {
      List<Coproduct> coproducts = study.coproducts();
      Allocation rule = study.allocation();
      if (coproducts.isEmpty()) {
        if (rule != null) {
          findings.add(Finding.warning("ALLOCATION_UNUSED", "allocation", Text.of("allocation.unused", rule.id())));
        }
        return OptionalDouble.of(1.0);
      }
      if (rule == null) {
        findings.add(Finding.error("MISSING_VALUE", "allocation", Text.of("allocation.missing")));
        return OptionalDouble.empty();
      }
      if (product.isEmpty()) {
        return OptionalDouble.empty();
      }
      double own;
      if (rule == Allocation.MASS) {
        if (product.get().massKg() == null) {
          findings.add(Finding.error("MISSING_VALUE", "product.massPerUnit", Text.of("allocation.massNeeded")));
          return OptionalDouble.empty();
        }
        own = product.get().massKg();
      } else {
        if (study.product().price() == null) {
          findings.add(Finding.error("MISSING_VALUE", "product.price", Text.of("allocation.priceNeeded")));
          return OptionalDouble.empty();
        }
        if (study.product().price() < 0) {
          findings.add(Finding.error("INVALID_VALUE", "product.price",
              Text.of("value.negativeProductPrice", Numbers.readable(study.product().price()))));
          return OptionalDouble.empty();
        }
        own = product.get().declaredUnitsMade() * study.product().price();
      }
      if (!coproductsValid) {
        return OptionalDouble.empty();
      }
      double all = own;
      boolean ok = true;
      allocationBasis.add(own);
      for (int i = 0; i < coproducts.size(); i++) {
        OptionalDouble v = coproductMeasure(coproducts.get(i), "coproducts[" + i + "]", rule);
        ok &= v.isPresent();
        all += v.orElse(0);
        allocationBasis.add(v.orElse(0));
      }
      if (!ok) {
        return OptionalDouble.empty();
      }
      if (!(all > 0) || !(own > 0)) {
        findings.add(Finding.error("INVALID_VALUE", "coproducts", Text.of("allocation.zero")));
        return OptionalDouble.empty();
      }
      return OptionalDouble.of(Footprint.allocationShare(own, all));
    }

    /**
     * Checks every coproduct, whatever the allocation rule: its units agree, its output, unit and
     * mass are positive, its price is not negative.
     */
    private boolean checkCoproducts() {
      boolean ok = true;
      for (int i = 0; i < study.coproducts().size(); i++) {
        Coproduct c = study.coproducts().get(i);
        String where = "coproducts[" + i + "]";
        if (c.output() == null) {
          ok = false; // the reader has said why
          continue;
        }
        Quantity unit = coproductUnit(c);
        if (!unit.dimension().equals(c.output().dimension())) {
          findings.add(Finding.error("UNIT_MISMATCH", where + ".output", Text.of("product.outputMismatch",
              c.output().text(), c.output().dimension().describeWithArticle(), unit.text(),
              unit.dimension().describeWithArticle())));
          ok = false;
        }
        ok &= positive(c.output(), where + ".output") & positive(unit, where + ".declaredUnit");
        if (c.massPerUnit() != null) {
          ok &= unitMassKg(c.massPerUnit(), where + ".massPerUnit").isPresent();
          checkUnitMass(unit, c.massPerUnit(), where + ".massPerUnit");
        }
        if (c.price() != null && c.price() < 0) {
          findings.add(Finding.error("INVALID_VALUE", where + ".price",
              Text.of("value.negativePrice", c.name(), Numbers.readable(c.price()))));
          ok = false;
        }
      }
      return ok;
    }

    /** A checked coproduct's mass in kg (mass allocation) or value (economic allocation). */
    private OptionalDouble coproductMeasure(Coproduct c, String where, Allocation rule) {
      if (rule == Allocation.ECONOMIC) {
        if (c.price() == null) {
          findings.add(Finding.error("MISSING_VALUE", where + ".price", Text.of("allocation.coproductPrice", c.name())));
          return OptionalDouble.empty();
        }
        return OptionalDouble.of(c.output().inBase() / coproductUnit(c).inBase() * c.price());
      }
      OptionalDouble mass = coproductMassKg(c);
      if (mass.isEmpty()) {
        findings.add(Finding.error("MISSING_VALUE", where + ".massPerUnit", Text.of("allocation.coproductMass", c.name())));
      }
      return mass;
    }

    /** The unit a coproduct's price and mass refer to: its declared unit, or one unit of its output. */
    private static Quantity coproductUnit(Coproduct c) {
      return c.declaredUnit() != null ? c.declaredUnit() : Quantity.of(1, c.output().unit());
    }

    /**
     * A coproduct's output mass in kg, or empty when a count has no massPerUnit. Only for coproducts
     * that passed {@link #checkCoproducts}.
     */
    private static OptionalDouble coproductMassKg(Coproduct c) {
      if (c.output().dimension().equals(Dimension.MASS)) {
        return OptionalDouble.of(c.output().inBase());
      }
      if (c.massPerUnit() == null) {
        return OptionalDouble.empty();
      }
      return OptionalDouble.of(c.output().inBase() / coproductUnit(c).inBase() * c.massPerUnit().inBase());
    }

    // ------------------------------------------------------------------ mass checks

    /**
     * A known input without an amount: listed and warned as a data gap, unless the amount was
     * there but unreadable (the reader's error says so already).
     */
    private void checkDataGap(InventoryLine line) {
      String amount = line.path() + ".amount";
      if (findings.stream().noneMatch(f -> f.isError() && f.where().equals(amount))) {
        findings.add(Finding.warning("DATA_GAP", line.path(), Text.of("dataGap", line.name())));
      }
    }

    /** Mass of all raw-material inputs in kg: raw-materials lines with a mass amount, excluded ones too. */
    private void checkCutoff(double rawMaterialKg) {
      String threshold = Numbers.percent(study.cutoffMassShare());
      for (InventoryLine line : study.inventory()) {
        if (!(line.activity() instanceof Activity.Excluded x)) {
          continue;
        }
        if (x.amount() == null) {
          checkDataGap(line);
          continue;
        }
        String where = line.path() + ".amount";
        if (!x.amount().dimension().equals(Dimension.MASS)) {
          findings.add(Finding.warning("CUTOFF_UNCHECKED", where,
              Text.of("cutoff.notMass", line.name(), x.amount().text(), x.amount().dimension().describeWithArticle())));
        } else if (rawMaterialKg <= 0) {
          findings.add(Finding.warning("CUTOFF_UNCHECKED", where, Text.of("cutoff.noRawMaterials", line.name())));
        } else {
          double kg = x.amount().inBase();
          Cutoff.check(where, line.name(), kg, rawMaterialKg, study.cutoffMassShare(),
              Numbers.percent(kg / rawMaterialKg), threshold).ifPresent(findings::add);
        }
      }
    }

    private void checkMassBalance(ProductFigures product, double rawMaterialKg) {
      if (product.massKg() == null || rawMaterialKg <= 0) {
        return;
      }
      double outputKg = product.massKg();
      for (Coproduct c : study.coproducts()) {
        OptionalDouble kg = coproductMassKg(c);
        if (kg.isEmpty()) {
          return; // a coproduct's mass is unknown: no balance can be drawn
        }
        outputKg += kg.getAsDouble();
      }
      // without padding zeros: "3544 t" beside an output typed as 3544 t, not "3544.00 t"
      MassBalance.check(outputKg, rawMaterialKg, Numbers.trimmed(Numbers.fixed(outputKg / 1000, 2)) + " t",
          Numbers.trimmed(Numbers.fixed(rawMaterialKg / 1000, 2)) + " t").ifPresent(findings::add);
    }

    // ------------------------------------------------------------------ helpers

    private static String preferred(Dimension d) {
      return Units.preferredSymbol(d).orElse("?");
    }


    /** The factors the lines refer to, in order of first use. */
    private List<Factor> factorsUsed() {
      Map<String, Factor> used = new LinkedHashMap<>();
      for (InventoryLine line : study.inventory()) {
        Factor f = factor(Activity.factorOf(line.activity()));
        if (f != null) {
          used.putIfAbsent(f.id(), f);
        }
      }
      return List.copyOf(used.values());
    }

    /** Findings with the source file's positions filled in where the reader recorded them. */
    private List<Finding> located() {
      List<Finding> out = new ArrayList<>(findings.size());
      for (Finding f : findings) {
        out.add(f.position() != null ? f : study.source().find(f.where()).map(f::at).orElse(f));
      }
      return out;
    }
  }
}

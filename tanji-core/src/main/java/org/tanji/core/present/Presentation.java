package org.tanji.core.present;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tanji.core.calc.Footprint;
import org.tanji.core.calc.LineResult;
import org.tanji.core.calc.Result;
import org.tanji.core.calc.StageResult;
import org.tanji.core.model.Product;
import org.tanji.core.quality.DataQuality;
import org.tanji.core.quality.Scoring;
import org.tanji.core.units.Quantity;

/**
 * What a computed study shows, the same in the CLI summary, the report and the web pages.
 * Formatting for a language or a layout (separators, a percent sign's spacing) stays with each
 * front end; every figure and every decision about what to show is made here.
 */
public final class Presentation {

  private final Product product;
  private final Result result;
  private final double declaredUnitsMade;

  private Presentation(Product product, Result result) {
    this.product = product;
    this.result = result;
    this.declaredUnitsMade = Footprint.declaredUnitsMade(product.output(), product.declaredUnit());
  }

  /**
   * The presentation of a result computed from a study with this product.
   *
   * @throws IllegalArgumentException when the result has errors (it has no figures to show) or
   *     the product lacks its declared unit or output
   */
  public static Presentation of(Product product, Result result) {
    if (result.hasErrors() || result.totalKgCO2e() == null) {
      throw new IllegalArgumentException("a result with errors has no figures to present");
    }
    if (product.declaredUnit() == null || product.output() == null) {
      throw new IllegalArgumentException("a computed product has a declared unit and an output");
    }
    return new Presentation(product, result);
  }

  /** The footprint per declared unit: {@code 0.00046 kgCO₂e / 个}, {@code 2,821.88 kgCO₂e / t}. */
  public PerUnit perUnit() {
    return new PerUnit(Figure.of(result.perUnitKgCO2e()), "kgCO₂e / " + declaredUnitLabel());
  }

  /** The footprint per kg of product, when the product's mass is known. */
  public Optional<Figure> perKg() {
    return Optional.ofNullable(result.perKgKgCO2e()).map(Figure::of);
  }

  /**
   * The declared unit as it follows "per": its unit alone for one of it ({@code t} for
   * {@code 1 t}), the whole quantity otherwise ({@code 1,000 kg}).
   */
  public String declaredUnitLabel() {
    Quantity u = product.declaredUnit();
    return u.value() == 1 ? PrintForm.unitOf(u) : PrintForm.quantity(u);
  }

  /** The unit for this study's emission tables (the kg/t switch). */
  public EmissionUnit emissionUnit() {
    return EmissionUnit.forTotal(result.totalKgCO2e());
  }

  /** Any part of the period's emissions (a stage's, a line's) per declared unit. */
  public double perUnit(double kgCO2e) {
    return Footprint.perUnit(kgCO2e, declaredUnitsMade);
  }

  /** The stages, in the result's order, each with its figure per declared unit. */
  public List<StageFigure> stages() {
    List<StageFigure> out = new ArrayList<>(result.stages().size());
    for (StageResult s : result.stages()) {
      out.add(new StageFigure(s, Figure.of(perUnit(s.kgCO2e()))));
    }
    return out;
  }

  /** The stage shares as shown, with their sum. */
  public ShownShares stageShares() {
    return ShownShares.of(result.stages().stream().map(StageResult::share).toList());
  }

  /** The line shares as shown (excluded lines show 0), with their sum. */
  public ShownShares lineShares() {
    return ShownShares.of(result.lines().stream().map(LineResult::share).toList());
  }

  /**
   * The scored lines (excluded ones have no score) with the weight each has in the study's
   * data-quality score, as {@link Scoring#weights} gives it.
   */
  public List<WeightedLine> quality() {
    List<LineResult> scored = result.lines().stream().filter(l -> l.score() != null).toList();
    double[] weights = Scoring.weights(scored.stream().mapToDouble(LineResult::kgCO2e).toArray());
    List<WeightedLine> out = new ArrayList<>(scored.size());
    for (int i = 0; i < weights.length; i++) {
      out.add(new WeightedLine(scored.get(i), weights[i]));
    }
    return out;
  }

  /**
   * The study's data-quality score as shown: two decimals, rounded half up unless rounding would
   * cross a grade boundary (3.996 is grade 3 and shows as 3.99, not as a 4.00 that reads as grade
   * 2); empty when nothing carries emissions.
   */
  public Optional<String> qualityScore() {
    DataQuality q = result.dataQuality();
    if (q == null) {
      return Optional.empty();
    }
    return Optional.of(qualityScore(q.score(), q.grade()));
  }

  /**
   * A data-quality score as shown beside its grade (a stored summary's, say): the rule of
   * {@link #qualityScore()}.
   */
  public static String qualityScore(double score, int grade) {
    BigDecimal rounded = BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP);
    return (Scoring.grade(rounded.doubleValue()) == grade ? rounded
        : BigDecimal.valueOf(score).setScale(2, RoundingMode.DOWN)).toPlainString();
  }

  /**
   * The per-unit figure and its unit text.
   *
   * @param figure the footprint per declared unit
   * @param unit {@code kgCO₂e / t}
   */
  public record PerUnit(Figure figure, String unit) {

    /** As the CLI prints it: {@code 2821.88 kgCO₂e / t}. */
    public String text() {
      return figure.text() + " " + unit;
    }

    /** With thousands separators, as the report and the pages print it: {@code 2,821.88 kgCO₂e / t}. */
    public String grouped() {
      return figure.grouped() + " " + unit;
    }
  }

  /**
   * A stage's part of the result with its figure per declared unit.
   *
   * @param stage the stage's emissions and share
   * @param perUnit its emissions per declared unit
   */
  public record StageFigure(StageResult stage, Figure perUnit) {}

  /**
   * A scored line and its weight in the study's data-quality score.
   *
   * @param line the line
   * @param weight its |emissions| over the scored lines' Σ|emissions|, 0–1
   */
  public record WeightedLine(LineResult line, double weight) {

    /** The line's contribution to the study's score: score × weight. */
    public double weighted() {
      return line.score() * weight;
    }
  }
}

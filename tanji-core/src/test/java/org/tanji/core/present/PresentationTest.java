package org.tanji.core.present;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tanji.core.calc.LineResult;
import org.tanji.core.calc.Result;
import org.tanji.core.calc.StageResult;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Product;
import org.tanji.core.model.Stage;
import org.tanji.core.quality.DataQuality;
import org.tanji.core.quality.Points;
import org.tanji.core.units.Units;

/** Seed 003 corrected, and a seed-000-sized per-piece study, both checkable by hand. */
final class PresentationTest {

  // seed 003 with transport done right: steel, road freight, electricity, bags (kgCO2e)
  private static final double[] SEED = {107375254.8, 3283375.56, 12170133.315, 164103.8};
  private static final Stage[] SEED_STAGES = {Stage.RAW_MATERIALS, Stage.TRANSPORT, Stage.PRODUCTION, Stage.PACKAGING};
  private static final Points[] SEED_POINTS = {new Points(6, 2, 6), new Points(1, 2, 1), new Points(3, 3, 6),
      new Points(1, 2, 1)};

  private static Product product(String declaredUnit, String output) {
    return new Product("p", Units.parseQuantity(declaredUnit), Units.parseQuantity(output), null, null, null);
  }

  /** A result whose lines are one per stage, as in seed 003, with the given emissions. */
  private static Result result(double[] kg, Stage[] stages, Points[] points, double units) {
    double total = 0;
    for (double k : kg) {
      total += k;
    }
    List<LineResult> lines = new ArrayList<>();
    List<StageResult> byStage = new ArrayList<>();
    for (int i = 0; i < kg.length; i++) {
      double share = kg[i] / total;
      lines.add(new LineResult(i, "line " + i, stages[i], kg[i], share, false, points[i].score(), points[i], null,
          false, kg[i]));
      byStage.add(new StageResult(stages[i], kg[i], share));
    }
    return new Result(total, total / units, null, 1.0, byStage, lines, new DataQuality(4.5, 2), List.of(),
        List.of(), List.of());
  }

  private static Presentation seed003() {
    return Presentation.of(product("1 t", "43585.4 t"), result(SEED, SEED_STAGES, SEED_POINTS, 43585.4));
  }

  /** 1000 kWh × 0.46 kgCO2e/kWh = 460 kgCO2e for 1,000,000 pieces: 0.00046 kgCO2e per piece. */
  private static Presentation tiny() {
    return Presentation.of(product("1 个", "1000000 个"),
        result(new double[] {460}, new Stage[] {Stage.PRODUCTION}, new Points[] {new Points(3, 3, 3)}, 1_000_000));
  }

  @Test
  void perUnit_seed003() {
    Presentation.PerUnit p = seed003().perUnit();
    assertThat(p.text()).isEqualTo("2821.88 kgCO₂e / t");
    assertThat(p.grouped()).isEqualTo("2,821.88 kgCO₂e / t");
  }

  @Test
  void perUnit_tinyFigureIsNeverZero() {
    // seed 000's mistake: 0.00046 printed with two decimals reads as 0.00
    assertThat(tiny().perUnit().text()).isEqualTo("0.00046 kgCO₂e / 个");
    assertThat(tiny().perUnit().figure().value()).isCloseTo(0.00046, within(1e-15));
  }

  @Test
  void declaredUnitLabel_wholeQuantityWhenNotOne() {
    Presentation p = Presentation.of(product("1000 kg", "2000 t"),
        result(new double[] {4000}, new Stage[] {Stage.PRODUCTION}, new Points[] {new Points(3, 3, 3)}, 2000));
    // 4000 kgCO2e for 2000 declared units of 1000 kg: 2 kgCO2e each
    assertThat(p.perUnit().grouped()).isEqualTo("2.00 kgCO₂e / 1,000 kg");
  }

  @Test
  void emissionUnit_tonnesFromTenTonnes() {
    assertThat(seed003().emissionUnit()).isEqualTo(EmissionUnit.TONNE);
    assertThat(tiny().emissionUnit()).isEqualTo(EmissionUnit.KG);
  }

  @Test
  void stages_perDeclaredUnit() {
    List<Presentation.StageFigure> stages = seed003().stages();
    // 107375254.8 kgCO2e / 43585.4 t = 2463.56 kgCO2e per t; 164103.8 / 43585.4 = 3.77
    assertThat(stages).extracting(s -> s.perUnit().text()).containsExactly("2463.56", "75.33", "279.22", "3.77");
    assertThat(tiny().stages().get(0).perUnit().text()).isEqualTo("0.00046");
  }

  @Test
  void stageShares_seed003DoNotAddUp() {
    ShownShares shares = seed003().stageShares();
    // 87.30 + 2.67 + 9.89 + 0.13 = 99.99: said, not bent
    assertThat(shares.percents()).containsExactly(new BigDecimal("87.30"), new BigDecimal("2.67"),
        new BigDecimal("9.89"), new BigDecimal("0.13"));
    assertThat(shares.roundingNote()).contains(new BigDecimal("99.99"));
  }

  @Test
  void quality_weightsAreTheScoresWeights() {
    List<Presentation.WeightedLine> q = seed003().quality();
    // steel: 107375254.8 / 122992867.475 = 0.873020; its score 14/3 contributes 4.0741
    assertThat(q.get(0).weight()).isCloseTo(0.873020, within(1e-6));
    assertThat(q.get(0).weighted()).isCloseTo(14 / 3.0 * 0.873020, within(1e-5));
    assertThat(q.stream().mapToDouble(Presentation.WeightedLine::weighted).sum()).isCloseTo(4.5073, within(1e-4));
  }

  @ParameterizedTest
  @CsvSource({"4.5073, 2, 4.51", "3.996, 3, 3.99", "4.994, 2, 4.99", "4.995, 2, 4.99", "3.995, 3, 3.99", "2.0, 4, 2.00"})
  void qualityScore_neverRoundedAcrossAGradeBoundary(double score, int grade, String shown) {
    Result r = result(SEED, SEED_STAGES, SEED_POINTS, 43585.4);
    Result scored = new Result(r.totalKgCO2e(), r.perUnitKgCO2e(), null, 1.0, r.stages(), r.lines(),
        new DataQuality(score, grade), List.of(), List.of(), List.of());
    assertThat(Presentation.of(product("1 t", "43585.4 t"), scored).qualityScore()).contains(shown);
  }

  @Test
  void qualityScore_noneWhenNothingCarriesEmissions() {
    Result r = result(SEED, SEED_STAGES, SEED_POINTS, 43585.4);
    Result unscored = new Result(r.totalKgCO2e(), r.perUnitKgCO2e(), null, 1.0, r.stages(), r.lines(), null,
        List.of(), List.of(), List.of());
    assertThat(Presentation.of(product("1 t", "43585.4 t"), unscored).qualityScore()).isEmpty();
  }

  @Test
  void of_resultWithErrors() {
    Result failed = Result.failed(List.of(Finding.error("X", "", org.tanji.core.i18n.Text.of("x"))));
    assertThatThrownBy(() -> Presentation.of(product("1 t", "1 t"), failed))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("errors");
  }
}

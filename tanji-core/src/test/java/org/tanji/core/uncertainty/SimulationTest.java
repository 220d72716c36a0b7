package org.tanji.core.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tanji.core.uncertainty.Studies.q;
import static org.tanji.core.uncertainty.Studies.study;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanji.core.model.LineUncertainty;
import org.tanji.core.model.Quality;
import org.tanji.core.model.Stage;
import org.tanji.core.model.Uncertainty;

/**
 * Monte Carlo against closed forms. Every tolerance is four standard errors of the estimate at
 * the number of runs used (a false alarm about once in 16,000 runs of the test; the seed is
 * fixed, so the test is deterministic all the same).
 */
final class SimulationTest {

  private static final int N = 100_000;
  private static final Settings SETTINGS = new Settings(N, 7, 2);
  private static final double Z = 1.959963984540054;

  private static double phi(double z) {
    return Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
  }

  /** Four standard errors of the sample p-quantile of a lognormal with median m and log-sd σ. */
  private static double quantileTolerance(double m, double sigma, double z, double p) {
    double q = m * Math.exp(sigma * z);
    double density = phi(z) / (q * sigma);
    return 4 * Math.sqrt(p * (1 - p) / N) / density;
  }

  private static void assertLognormal(Summary s, double median, double sigma) {
    assertThat(s.median()).isCloseTo(median, within(quantileTolerance(median, sigma, 0, 0.5)));
    assertThat(s.p2_5()).isCloseTo(median * Math.exp(-Z * sigma), within(quantileTolerance(median, sigma, -Z, 0.025)));
    assertThat(s.p97_5()).isCloseTo(median * Math.exp(Z * sigma), within(quantileTolerance(median, sigma, Z, 0.975)));
  }

  @Test
  void run_singleLognormalLine_percentiles() {
    // 1 t × 1000 kgCO2e/t with gsd 1.2: per unit lognormal, median 1000, σ = ln 1.2
    UncertaintyResult r = study().factor("f", "1000 kgCO2e/t", null)
        .line("a", "1 t", "f", new Uncertainty.Lognormal(1.2)).simulation().run(SETTINGS);
    assertLognormal(r.perUnit(), 1000, Math.log(1.2));
    assertThat(r.deterministicPerUnit()).isEqualTo(1000);
  }

  @Test
  void run_sumOfNormals_meanAndVariance() {
    // 100 t (sd 10 t) + 200 t (sd 20 t) + 300 t (cv 0.05, sd 15 t), × 1 kgCO2e/t:
    // mean 600, variance 100 + 400 + 225 = 725
    UncertaintyResult r = study().factor("f", "1 kgCO2e/t", null)
        .line("a", "100 t", "f", new Uncertainty.Normal(q("10 t"), null))
        .line("b", "200 t", "f", new Uncertainty.Normal(q("20000 kg"), null))
        .line("c", "300 t", "f", new Uncertainty.Normal(null, 0.05))
        .simulation().run(SETTINGS);
    double sd = Math.sqrt(725);
    assertThat(r.total().mean()).isCloseTo(600, within(4 * sd / Math.sqrt(N)));
    double variance = r.total().sd() * r.total().sd();
    assertThat(variance).isCloseTo(725, within(4 * 725 * Math.sqrt(2.0 / (N - 1))));
    assertThat(r.inputs()).extracting(UncertaintyResult.InputSpread::truncated).containsOnly(0L);
  }

  @Test
  void run_productOfLognormals_isLognormal() {
    // amount gsd 1.1 × factor gsd 1.2: lognormal with σ² = ln²1.1 + ln²1.2, median 1000
    UncertaintyResult r = study().factor("f", "1000 kgCO2e/t", new Uncertainty.Lognormal(1.2))
        .line("a", "1 t", "f", new Uncertainty.Lognormal(1.1)).simulation().run(SETTINGS);
    double sigma = Math.sqrt(Math.pow(Math.log(1.1), 2) + Math.pow(Math.log(1.2), 2));
    assertLognormal(r.perUnit(), 1000, sigma);
  }

  @Test
  void run_sharedFactor_drawnOncePerRun() {
    // two lines of 1 t use one factor with gsd 1.5: the total is 2000 × the factor's draw, so
    // its spread is the factor's own; two independent draws would narrow it to σ/√2 in logs
    UncertaintyResult r = study().factor("f", "1000 kgCO2e/t", new Uncertainty.Lognormal(1.5))
        .line("a", "1 t", "f", null).line("b", "1 t", "f", null).simulation().run(SETTINGS);
    assertLognormal(r.perUnit(), 2000, Math.log(1.5));
    assertThat(r.inputs()).hasSize(1);
  }

  @Test
  void run_sameNumbersWithAnyThreads() {
    Simulation sim = study().factor("f", "1000 kgCO2e/t", new Uncertainty.Lognormal(1.3))
        .line("a", "2 t", "f", new Uncertainty.Triangular(q("1 t"), q("2 t"), q("4 t")))
        .line("b", "1 t", "f", new Uncertainty.Uniform(q("0.5 t"), q("1500 kg"))).simulation();
    Settings s = new Settings(10_000, 99, 1);
    UncertaintyResult one = sim.run(s);
    assertThat(sim.run(s.withThreads(3))).isEqualTo(one);
    assertThat(sim.run(s.withThreads(8))).isEqualTo(one);
    assertThat(sim.run(new Settings(10_000, 100, 2))).isNotEqualTo(one);
  }

  @Test
  void run_truncatedNormal_countsDrawsBelowZero() {
    // 1 t with sd 1 t: P(draw < 0) = Φ(−1) = 0.158655; 10,000 runs
    Simulation sim = study().factor("f", "1 kgCO2e/t", null)
        .line("a", "1 t", "f", new Uncertainty.Normal(q("1 t"), null)).simulation();
    assertThat(sim.result().findings()).anySatisfy(f -> assertThat(f.code()).isEqualTo("UNCERTAINTY_TRUNCATED"));
    UncertaintyResult r = sim.run(new Settings(10_000, 3, 2));
    double expected = 10_000 * 0.158655;
    assertThat((double) r.inputs().get(0).truncated())
        .isCloseTo(expected, within(4 * Math.sqrt(10_000 * 0.158655 * (1 - 0.158655))));
    assertThat(r.perUnit().p2_5()).isZero();
  }

  @Test
  void run_tornadoAndFixedLines() {
    // a: 3 t × 1000 = 3000 (amount drawn), b: 1 t × 1000 = 1000 (fixed); total 4000 per t
    UncertaintyResult r = study().factor("f1", "1000 kgCO2e/t", null).factor("f2", "1000 kgCO2e/t", null)
        .line("a", "3 t", "f1", new Uncertainty.Lognormal(1.1)).line("b", "1 t", "f2", null)
        .simulation().run(new Settings(1000, 1, 1));
    // ±10 % of line a's amount or factor moves 4000 by ±300; of line b's by ±100
    assertThat(r.tornado()).hasSize(4);
    assertThat(r.tornado().get(0).input().path()).isEqualTo("factors.f1.value");
    assertThat(r.tornado().get(0).lowPerUnit()).isCloseTo(3700, within(1e-9));
    assertThat(r.tornado().get(0).highPerUnit()).isCloseTo(4300, within(1e-9));
    assertThat(r.tornado().get(1).input().path()).isEqualTo("inventory[0].amount");
    assertThat(r.tornado().get(3).lowPerUnit()).isCloseTo(3900, within(1e-9));
    assertThat(r.fixed()).singleElement().satisfies(l -> {
      assertThat(l.name()).isEqualTo("b");
      assertThat(l.share()).isEqualTo(0.25);
    });
    assertThat(r.fixedShare()).isEqualTo(0.25);
  }

  @Test
  void run_contributions_wideInputDominates() {
    // a's amount: σ = ln 2 on 1000; b's: σ = ln 1.01 on 1000: variance shares about 0.9998 : 0.0002
    UncertaintyResult r = study().factor("f", "1000 kgCO2e/t", null)
        .line("a", "1 t", "f", new Uncertainty.Lognormal(2)).line("b", "1 t", "f", new Uncertainty.Lognormal(1.01))
        .simulation().run(new Settings(20_000, 5, 2));
    assertThat(r.contributions()).hasSize(2);
    assertThat(r.contributions().get(0).input().path()).isEqualTo("inventory[0].amount");
    assertThat(r.contributions().get(0).share()).isGreaterThan(0.98);
    assertThat(r.contributions().get(0).rankCorrelation()).isGreaterThan(0.95);
    assertThat(r.contributions().get(0).share() + r.contributions().get(1).share()).isCloseTo(1, within(1e-12));
  }

  @Test
  void compare_sharedFactorDrawnInCommon() {
    Uncertainty steel = new Uncertainty.Lognormal(1.3);
    Simulation a = study().factor("steel", "2 kgCO2e/kg", steel).line("a", "100 t", "steel", null).simulation();
    Simulation b = study().factor("steel", "2000 kgCO2e/t", steel).line("b", "101 t", "steel", null).simulation();
    Comparison c = Simulation.compare(a, b, new Settings(10_000, 1, 2));
    // the same factor in both (2 kgCO2e/kg = 2000 kgCO2e/t): A is lower in every run
    assertThat(c.probabilityALower()).isEqualTo(1.0);
    assertThat(c.shared()).containsExactly("steel");
    assertThat(c.difference().mean()).isLessThan(0);
  }

  @Test
  void compare_differentFactorsDrawnApart() {
    Uncertainty steel = new Uncertainty.Lognormal(1.3);
    Simulation a = study().factor("steel", "2000 kgCO2e/t", steel).line("a", "100 t", "steel", null).simulation();
    Simulation b = study().factor("steel-b", "2000 kgCO2e/t", steel).line("b", "101 t", "steel-b", null).simulation();
    Comparison c = Simulation.compare(a, b, new Settings(10_000, 1, 2));
    // independent draws: A lower in a little over half the runs (ln(101/100)/(σ√2) ≈ 0.019 sd)
    assertThat(c.probabilityALower()).isBetween(0.47, 0.55);
    assertThat(c.shared()).isEmpty();
  }

  @Test
  void run_fromQuality_pedigreeOfLevels() {
    // continuous & compliant: (1,1,1,1,1) + basic 0.0006 → gsd exp(√0.0006) = 1.024799;
    // national factor (2,2,3,3,3): 0.0006 + 0.0006 + 0.0001 + 0.002 + 0.0001 + 0.008 = 0.0114 → 1.112685
    UncertaintyResult r = study().fromQuality().factor("f", "1000 kgCO2e/t", null)
        .line("a", Stage.RAW_MATERIALS, "1 t", "f",
            new Quality(Quality.ActivityLevel.CONTINUOUS, Quality.Calibration.COMPLIANT, null))
        .simulation().run(new Settings(1000, 1, 1));
    assertThat(r.inputs()).hasSize(2).allMatch(UncertaintyResult.InputSpread::fromQuality);
    assertThat(r.inputs().get(0).gsd()).isCloseTo(Math.exp(Math.sqrt(0.0006)), within(1e-12));
    assertThat(r.inputs().get(1).gsd()).isCloseTo(Math.exp(Math.sqrt(0.0114)), within(1e-12));
  }

  @Test
  void run_transportMassAndDistance() {
    // 10 t × 100 km × 0.1 kgCO2e/(t*km) = 100; distance uniform 50–150 km: mean 100, sd 100/√12 × 1
    UncertaintyResult r = study().factor("road", "0.1 kgCO2e/(t*km)", null)
        .transport("truck", "10 t", "100 km", "road",
            new LineUncertainty(null, null, new Uncertainty.Uniform(q("50 km"), q("150000 m"))))
        .simulation().run(SETTINGS);
    double sd = 100 / Math.sqrt(12);
    assertThat(r.perUnit().mean()).isCloseTo(100, within(4 * sd / Math.sqrt(N)));
    assertThat(r.perUnit().sd()).isCloseTo(sd, within(4 * sd / Math.sqrt(2.0 * N)));
    assertThat(r.deterministicPerUnit()).isCloseTo(100, within(1e-9));
  }

  @Test
  void compare_differentDeclaredUnits_refused() {
    Simulation a = study().factor("f", "1 kgCO2e/t", null).line("a", "1 t", "f", null).simulation();
    Simulation perPiece = Simulation.prepare(new org.tanji.core.model.Study(org.tanji.core.model.StudyInfo.empty(),
        org.tanji.core.model.Organization.empty(), new org.tanji.core.model.Product("p", q("1 piece"), q("100 piece"),
            null, null, null), a.result().factors().stream().collect(java.util.stream.Collectors.toMap(
                org.tanji.core.model.Factor::id, f -> f)), List.of(new org.tanji.core.model.InventoryLine(0, "a",
            Stage.RAW_MATERIALS, new org.tanji.core.model.Activity.Amount(q("1 t"), "f"), null, false, null, null,
            null)), List.of(), null, 0.005, org.tanji.core.model.Claims.none(), List.of(),
        org.tanji.core.model.ReportInfo.none(), org.tanji.core.model.SourceMap.empty()), List.of());
    assertThat(Simulation.incomparable(a, perPiece)).hasValueSatisfying(f -> {
      assertThat(f.code()).isEqualTo("INCOMPARABLE_UNITS");
      assertThat(f.message(java.util.Locale.ENGLISH)).contains("1 t", "1 piece");
    });
    Simulation perKg = study().factor("f", "1 kgCO2e/t", null).line("a", "1000 kg", "f", null).simulation();
    assertThat(Simulation.incomparable(a, perKg)).isEmpty(); // the same declared unit, 1 t
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Simulation.compare(a, perPiece, new Settings(10, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 piece");
  }
}

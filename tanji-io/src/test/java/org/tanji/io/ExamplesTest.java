package org.tanji.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanji.core.calc.LineResult;
import org.tanji.core.calc.Result;
import org.tanji.core.model.Finding;

/** Each file in examples/ pinned to figures a person can check against the seed reports. */
final class ExamplesTest {

  private static final Path EXAMPLES = Path.of("..", "examples");

  private static Result calc(String name) throws IOException {
    return StudyFiles.read(EXAMPLES.resolve(name)).calculate();
  }

  private static List<String> codes(Result r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @Test
  void seed003_modelledCorrectly() throws IOException {
    Result r = calc("seed-003-steel-balls.yaml");
    assertThat(r.findings()).isEmpty();
    // 107375254.8 + 3283375.56 + 12170133.315 + 164103.8 = 122992867.475 kgCO2e over 43585.4 t
    assertThat(r.totalKgCO2e()).isCloseTo(122_992_867.475, within(1e-6));
    assertThat(r.perUnitKgCO2e()).isCloseTo(2821.88, within(0.005));
    assertThat(r.perKgKgCO2e()).isCloseTo(2.82188, within(0.000005));
    assertThat(r.lines()).extracting(LineResult::kgCO2e)
        .satisfiesExactly(
            v -> assertThat(v).isCloseTo(107_375_254.8, within(1e-6)),
            v -> assertThat(v).isCloseTo(3_283_375.56, within(1e-6)),
            v -> assertThat(v).isCloseTo(12_170_133.315, within(1e-6)),
            v -> assertThat(v).isCloseTo(164_103.8, within(1e-6)));
    assertThat(r.stages().get(0).share()).isCloseTo(0.873020, within(5e-7));
    // (6+2+6)/3 × 0.87302 + (1+2+1)/3 × 0.02670 + (3+3+6)/3 × 0.09895 + (1+2+1)/3 × 0.00133
    assertThat(r.dataQuality().score()).isCloseTo(4.5073, within(5e-5));
    assertThat(r.dataQuality().grade()).isEqualTo(2);
  }

  @Test
  void seed003_withTheElectricityFactorFromTheLibrary() throws IOException {
    Result r = calc("seed-003-library-factor.yaml");
    assertThat(r.findings()).isEmpty();
    assertThat(r.perUnitKgCO2e()).isCloseTo(2821.88, within(0.005));
    assertThat(r.factors()).filteredOn(f -> f.libraryId() != null).singleElement()
        .satisfies(f -> assertThat(f.source()).contains("生态环境部"));
    // the library types the factor national (2 points), where the seed example says regional (3):
    // (6+2+6)/3 × 0.87302 + (1+2+1)/3 × 0.02670 + (3+2+6)/3 × 0.09895 + (1+2+1)/3 × 0.00133
    assertThat(r.dataQuality().score()).isCloseTo(4.4743, within(5e-5));
  }

  @Test
  void seed003_asPublished_reproducesThePublishedFigures() throws IOException {
    Result r = calc("seed-003-as-published.yaml");
    assertThat(r.hasErrors()).isFalse();
    // 1000 t·km × 0.074 = 74 kgCO2e: the report's 0.07 tCO2e; total 119709565.915 kgCO2e
    assertThat(r.perUnitKgCO2e()).isCloseTo(2746.55, within(0.005));
    assertThat(r.lines().get(1).kgCO2e()).isCloseTo(74, within(1e-9));
    // published shares 89.69 / 0.01 / 10.17 / 0.13 were bent to add to 100: honest ones are these
    assertThat(r.stages().get(0).share() * 100).isCloseTo(89.6965, within(0.0005));
    assertThat(r.stages().get(3).share() * 100).isCloseTo(0.1371, within(0.0005));
    // every published line figure and the total match their claims; the data-quality score does not:
    // (6+1+6)/3 = 4.33 for steel, weighted ≈ 4.30, printed 4.00
    assertThat(codes(r)).containsExactlyInAnyOrder("CO2_ONLY_FACTOR", "CLAIM_MISMATCH");
    Finding dq = r.findings().stream().filter(f -> f.code().equals("CLAIM_MISMATCH")).findFirst().orElseThrow();
    assertThat(dq.where()).isEqualTo("claimed.dataQuality");
    assertThat(r.dataQuality().score()).isCloseTo(4.30, within(0.005));
    assertThat(r.dataQuality().grade()).isEqualTo(2);
  }

  @Test
  void seed003_transportInKm_isRefused() throws IOException {
    Result r = calc("seed-003-transport-in-km.yaml");
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.totalKgCO2e()).isNull();
    Finding f = r.findings().stream().filter(Finding::isError).findFirst().orElseThrow();
    assertThat(f.code()).isEqualTo("UNIT_MISMATCH");
    assertThat(f.where()).isEqualTo("inventory[1].amount");
    assertThat(f.message(org.tanji.core.i18n.Messages.EN))
        .contains("the amount is a length (km) but factor \"road-freight\" (kgCO2e/(t*km)) needs transport work (t·km)");
  }

  @Test
  void seed003_transportInKm_differsFromAsPublishedOnlyInThatLine() throws IOException {
    List<String> published = Files.readAllLines(EXAMPLES.resolve("seed-003-as-published.yaml"));
    List<String> km = Files.readAllLines(EXAMPLES.resolve("seed-003-transport-in-km.yaml"));
    assertThat(km).hasSameSizeAs(published);
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < km.size(); i++) {
      if (!km.get(i).equals(published.get(i)) && !km.get(i).startsWith("#")) {
        changed.add(published.get(i).strip() + " -> " + km.get(i).strip());
      }
    }
    assertThat(changed).containsExactly("amount: 1000 t*km -> amount: 1000 km");
  }

  @Test
  void perPieceProduct_withMassPerUnit() throws IOException {
    Result r = calc("cast-back-plate-per-piece.yaml");
    // 3900 t × 2280 + 3900 t × 50 km × 0.0978 + 9984000 kWh × 0.5777 = 14678827.8 kgCO2e for 2000000 pieces
    assertThat(r.totalKgCO2e()).isCloseTo(8_892_000 + 19_071 + 5_767_756.8, within(1e-6));
    assertThat(r.perUnitKgCO2e()).isCloseTo(7.3394139, within(1e-7));
    assertThat(r.perKgKgCO2e()).isCloseTo(7.3394139 / 1.8, within(1e-7));
    // the excluded release agent (2 t of 3902 t, 0.05 %) is within the cut-off; the published
    // 0.00046 kgCO2e per piece is both wrong and implausible (0.00026 kgCO2e/kg)
    assertThat(r.lines().get(1).excluded()).isTrue();
    assertThat(codes(r)).containsExactlyInAnyOrder("CLAIM_MISMATCH", "IMPLAUSIBLE_INTENSITY");
  }

  @Test
  void twoProducts_massAllocation() throws IOException {
    Result r = calc("two-products-mass-allocation.yaml");
    assertThat(r.findings()).isEmpty();
    assertThat(r.allocationShare()).isEqualTo(0.75);
    // 0.75 × (40800 × 2420 + 20000000 × 0.6205 + 40800 × 200 × 0.0978) + 45 × 2510 = 84070986 kgCO2e
    assertThat(r.totalKgCO2e()).isCloseTo(84_070_986, within(1e-6));
    assertThat(r.perUnitKgCO2e()).isCloseTo(2802.3662, within(1e-4));
    assertThat(r.lines().get(3).allocated()).isFalse();
  }

  @Test
  void seed003WithUncertainty_computesAsWithout() throws IOException {
    // the distributions change nothing in the deterministic result: 2821.88 kgCO2e/t, no findings
    Result with = calc("seed-003-uncertainty.yaml");
    Result without = calc("seed-003-steel-balls.yaml");
    assertThat(with.findings()).isEmpty();
    assertThat(with.perUnitKgCO2e()).isEqualTo(without.perUnitKgCO2e());
    assertThat(with.lines()).isEqualTo(without.lines());
  }

  @Test
  void everyExampleIsPinnedHere() throws IOException {
    try (var files = Files.list(EXAMPLES)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
          "cast-back-plate-per-piece.yaml", "cbam", "seed-003-as-published.yaml", "seed-003-library-factor.yaml",
          "seed-003-steel-balls.yaml", "seed-003-transport-in-km.yaml", "seed-003-uncertainty.yaml",
          "two-products-mass-allocation.yaml");
    }
  }
}

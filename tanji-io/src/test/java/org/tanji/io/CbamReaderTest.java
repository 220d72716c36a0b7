package org.tanji.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tanji.core.cbam.Cbam;
import org.tanji.core.cbam.CbamResult;
import org.tanji.core.cbam.CnCodes;
import org.tanji.core.cbam.Good;
import org.tanji.core.cbam.GoodsCategory;
import org.tanji.core.i18n.Messages;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Study;

/**
 * CBAM files: the Commission's two worked examples reproduced to the printed digit, seed 003's
 * figures taken from its study, and bad input refused with findings that say where.
 */
final class CbamReaderTest {

  private static final Path TESTDATA = Path.of("..", "testdata", "cbam");
  private static final Path EXAMPLES = Path.of("..", "examples", "cbam");

  @TempDir
  Path dir;

  private static CbamResult compute(Path file) throws IOException {
    return CbamReader.read(file).compute().orElseThrow();
  }

  /** As the template prints a figure with its number format {@code 0.000}. */
  private static String printed(OptionalDouble v) {
    return BigDecimal.valueOf(v.getAsDouble()).setScale(3, RoundingMode.HALF_UP).toPlainString();
  }

  private static List<String> printedSee(CbamResult.GoodResult g) {
    return List.of(printed(g.seeDirect()), printed(g.seeIndirect()), printed(g.seeTotal()),
        printed(g.embeddedElectricity()));
  }

  @Test
  void read_steelWorkedExample() throws IOException {
    CbamResult r = compute(TESTDATA.resolve("steel-blast-furnace.cbam.yaml"));
    assertThat(r.findings()).isEmpty();
    // Summary_Communication rows 26–29, columns I, J, K and O
    assertThat(r.goods()).hasSize(4).allSatisfy(g ->
        assertThat(printedSee(g)).containsExactly("1.539", "0.204", "1.743", "0.346"));
    // Summary_Communication Z13 (#,##0): 7,866,044 t direct emissions
    assertThat(Math.round(r.directEmissions())).isEqualTo(7_866_044);
    assertThat(r.goods().get(3).carbonPrice().orElseThrow().effective()).isEqualTo(15); // AZ13: 50 − 35
    assertThat(r.goods().get(0).defaultShare().getAsDouble()).isZero();
    // C_Emissions&Energy H15: 74,270 TJ of fuel input (fossil and biomass)
    double energy = r.sourceStreams().stream().mapToDouble(s -> s.energy().orElse(0)).sum();
    assertThat(energy).isCloseTo(74270, within(1e-6));
  }

  /**
   * One rule ({@code CustomsCode.parse}) for a CN code wherever it is typed: the study's
   * {@code product.cnCode}, a CBAM file's good and the CBAM list of goods read the same code.
   */
  @ParameterizedTest
  @ValueSource(strings = {"7208 10 00", "7208.10.00", "72081000", "７２０８１０００", "７２０８　１０　００",
      "７２０８．１０．００"})
  void read_cnCodeAsTyped_sameCodeAtEveryEntryPoint(String typed) throws IOException {
    Study study = StudyFiles.read(Fixtures.MINIMAL.replace("output: 100 t", "output: 100 t\n  cnCode: '" + typed + "'"),
        StudyFormat.YAML, "study.yaml").study();
    assertThat(study.product().customsCode().digits()).isEqualTo("72081000");

    String yaml = Files.readString(TESTDATA.resolve("steel-blast-furnace.cbam.yaml"))
        .replace("cn: 7208 10 00", "cn: '" + typed + "'");
    CbamRead read = CbamReader.read(yaml.getBytes(StandardCharsets.UTF_8), "steel.cbam.yaml", Optional.empty());
    Good good = read.input().orElseThrow().goods().get(0);
    assertThat(good.cn()).isEqualTo("7208 10 00");
    assertThat(good.cnDigits()).isEqualTo("72081000"); // as the template's cell takes it
    CbamResult r = read.compute().orElseThrow();
    assertThat(r.findings()).isEmpty();
    assertThat(r.goods().get(0).category()).contains(GoodsCategory.IRON_OR_STEEL_PRODUCTS);

    assertThat(CnCodes.find(typed).orElseThrow().cn()).isEqualTo("72081000");
  }

  @Test
  void read_cementWorkedExample() throws IOException {
    CbamResult r = compute(TESTDATA.resolve("cement.cbam.yaml"));
    assertThat(r.findings()).isEmpty();
    // Summary_Communication I26, J26, K26, O26
    assertThat(printedSee(r.goods().get(0))).containsExactly("0.785", "0.122", "0.907", "0.147");
    // C_Emissions&Energy H25 and I25: 1,037,310 t fossil, 6,225 t biomass
    assertThat(r.directEmissions()).isCloseTo(1_037_310, within(1e-6));
    assertThat(r.biomassEmissions()).isCloseTo(6_225, within(1e-6));
  }

  @Test
  void read_seed003TakesTheStudysFigures() throws IOException {
    CbamRead read = CbamReader.read(EXAMPLES.resolve("seed-003-steel-balls.cbam.yaml"));
    CbamResult r = read.compute().orElseThrow();
    CbamResult.ProcessResult forging = r.processes().get(0);
    assertThat(forging.production()).isCloseTo(43585.4, within(1e-9));
    assertThat(forging.electricity()).isCloseTo(19613.43, within(1e-9));
    // 19613.43 MWh × 0.6191 tCO2/MWh = 12142.674513 t; per t of balls: 12142.674513 / 43585.4 = 0.278597…
    assertThat(forging.attributedIndirect().getAsDouble()).isCloseTo(12142.674513, within(1e-6));
    assertThat(forging.seIndirect().getAsDouble()).isCloseTo(12142.674513 / 43585.4, within(1e-12));
    // the file names no CN code: the good takes the study's product.cnCode (typed once)
    assertThat(r.goods().get(0).cn()).isEqualTo("7326 11 00");
    // the round steel's SEE is unknown: the goods get none, and the findings say why and where
    assertThat(r.goods().get(0).seeDirect()).isEmpty();
    assertThat(r.findings()).extracting(Finding::code, Finding::where).containsExactly(
        org.assertj.core.groups.Tuple.tuple("MISSING_VALUE", "installation.unlocode"),
        org.assertj.core.groups.Tuple.tuple("MISSING_VALUE", "installation.latitude"),
        org.assertj.core.groups.Tuple.tuple("MISSING_VALUE", "installation.longitude"),
        org.assertj.core.groups.Tuple.tuple(Cbam.PRECURSOR_SEE_MISSING, "purchasedPrecursors[0].see"));
    Finding see = r.findings().get(3);
    assertThat(see.position().line()).isEqualTo(32); // "- id: round-steel": it has no see block
    assertThat(see.message(Messages.EN)).contains("round-steel", "see.direct");
  }

  @Test
  void read_supplierSeeCompletesSeed003() throws IOException {
    // with a supplier's SEE of 2.0 direct and 0.4 indirect tCO2e/t for the round steel:
    // direct 44369.94 / 43585.4 × 2.0 = 2.0360…; indirect 0.278597… + 44369.94 / 43585.4 × 0.4
    Path seed = Path.of("..", "examples", "seed-003-steel-balls.yaml").toAbsolutePath();
    String text = Files.readString(EXAMPLES.resolve("seed-003-steel-balls.cbam.yaml"))
        .replace("study: ../seed-003-steel-balls.yaml", "study: " + seed)
        .replace("    # see: {direct:", "    see: {direct: 2.0 tCO2e/t, indirect: 0.4 tCO2e/t, source: supplier}\n    #");
    Path file = Files.writeString(dir.resolve("s.cbam.yaml"), text);
    CbamResult.GoodResult g = compute(file).goods().get(0);
    double ratio = 44369.94 / 43585.4;
    assertThat(g.seeDirect().getAsDouble()).isCloseTo(ratio * 2.0, within(1e-12));
    assertThat(g.seeIndirect().getAsDouble()).isCloseTo(12142.674513 / 43585.4 + ratio * 0.4, within(1e-12));
    assertThat(g.embeddedElectricity()).isEmpty(); // the supplier gave no electricity figure
  }

  @Test
  void read_fuelDefaultsFromGbt32151() throws IOException {
    // coke by default: 100 t × 28.435 GJ/t × 29.5 tC/TJ × 44/12 × 0.93 = 286.05… t CO2
    CbamResult r = compute(write("""
        sourceStreams:
          - {name: 焦炭, method: combustion, amount: 100 t, default: coke}
        """));
    assertThat(r.findings()).isEmpty();
    assertThat(r.sourceStreams().get(0).fossil()).isCloseTo(100 * 28.435 / 1000 * 29.5 * 44 / 12 * 0.93, within(1e-9));
  }

  private Path write(String extra) throws IOException {
    return Files.writeString(dir.resolve("x.cbam.yaml"), """
        tanji-cbam: 1
        installation:
          name: X
          unlocode: CNXXX
          latitude: "1"
          longitude: "1"
          period: {start: 2023-01-01, end: 2023-12-31}
        processes:
          - {id: p, category: iron-or-steel-products, production: 100 t}
        """ + extra);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "sourceStreams: [{name: c, method: combustion, amount: 1 t, factor: 2 tCO2/t}]"
          + "|MISSING_VALUE|sourceStreams[0].oxidation",
      "sourceStreams: [{name: c, method: combustion, amount: 1 t, factor: 2 tCO2/t, oxidation: 98}]"
          + "|INVALID_VALUE|sourceStreams[0].oxidation",
      "sourceStreams: [{name: c, method: mass-balance, amount: 1 t, carbonContent: 0.5, biomass: 15}]"
          + "|INVALID_VALUE|sourceStreams[0].biomass",
      "sourceStreams: [{name: c, method: process, amount: 1 t, factor: 2 tCO2/t, conversion: x}]"
          + "|INVALID_VALUE|sourceStreams[0].conversion",
      "sourceStreams: [{name: c, method: combustion, amount: -1 t, factor: 2 tCO2/t, oxidation: 1}]"
          + "|INVALID_VALUE|sourceStreams[0].amount",
      "sourceStreams: [{name: c, method: combustion, amount: 1 t, default: kerosene}]"
          + "|CBAM_UNKNOWN_FUEL|sourceStreams[0].default",
      "sourceStreams: [{name: c, method: burning, amount: 1 t}]|INVALID_VALUE|sourceStreams[0].method",
      "sourceStreams: [{name: c, method: mass-balance, amount: 1 t, carbonContent: 0.5, factor: 2 tCO2/t}]"
          + "|INVALID_VALUE|sourceStreams[0].factor",
      "sourceStreams: [{name: c, method: mass-balance, amount: 1 t, carbonContent: 0.5, procss: p}]"
          + "|UNKNOWN_KEY|sourceStreams[0].procss",
      "goods: [{cn: 7326 11 00, process: p, carbonPrice: {rebate: 3}}]|MISSING_VALUE|goods[0].carbonPrice.due",
      "purchasedPrecursors: [{id: b, category: steel}]|INVALID_VALUE|purchasedPrecursors[0].category",
      "goods: [{cn: 7326 11 00, process: p, qualifying: {manganese: 1}}]|UNKNOWN_KEY|goods[0].qualifying.manganese",
      "goods: [{cn: 7326 11, process: p}]|INVALID_VALUE|goods[0].cn",
      "goods: [{cn: 7326-11-00, process: p}]|INVALID_VALUE|goods[0].cn",
      "goods: [{process: p}]|MISSING_VALUE|goods[0].cn",
  })
  void read_badInput(String yaml, String code, String where) throws IOException {
    CbamRead read = CbamReader.read(write(yaml));
    assertThat(read.findings()).extracting(Finding::code, Finding::where)
        .contains(org.assertj.core.groups.Tuple.tuple(code, where));
    assertThat(read.findings()).filteredOn(f -> f.where().equals(where)).allSatisfy(f -> {
      assertThat(f.position()).isNotNull();
      assertThat(f.message(Locale.ENGLISH)).doesNotContain("!cbam");
      assertThat(f.message(Messages.ZH)).doesNotContain("!cbam");
    });
    assertThat(read.input()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "processes: [{id: p, category: iron-or-steel-products, production: 100 t, electricity: {amount: 5 MWh}}]"
          + "|CBAM_ELECTRICITY_FACTOR_MISSING|processes[0].electricity.factor",
      "processes: [{id: p, category: iron-or-steel-products, production: 100 MWh}]|UNIT_MISMATCH|processes[0].production",
      "goods: [{cn: 8481 80 81, process: p}]|CBAM_NOT_CBAM_GOOD|goods[0].cn",
      "goods: [{cn: 2523 29 00, process: p}]|CBAM_CATEGORY_MISMATCH|goods[0].cn",
      "goods: [{cn: 7326 11 00, process: q}]|CBAM_UNKNOWN_PROCESS|goods[0].process",
      "purchasedPrecursors: [{id: b, category: crude-steel}]|CBAM_PRECURSOR_SEE_MISSING|purchasedPrecursors[0].see",
      "purchasedPrecursors: [{id: p, category: crude-steel, see: {direct: 1 tCO2e/t, indirect: 0 tCO2e/t, source: s}}]"
          + "|CBAM_DUPLICATE_ID|purchasedPrecursors[0].id",
  })
  void compute_badInput(String yaml, String code, String where) throws IOException {
    Path file = yaml.startsWith("processes:")
        ? Files.writeString(dir.resolve("y.cbam.yaml"), """
            tanji-cbam: 1
            installation: {name: X, unlocode: CNXXX, latitude: "1", longitude: "1",
                           period: {start: 2023-01-01, end: 2023-12-31}}
            """ + yaml)
        : write(yaml);
    CbamResult r = compute(file);
    assertThat(r.findings()).extracting(Finding::code, Finding::where)
        .contains(org.assertj.core.groups.Tuple.tuple(code, where));
    Finding f = r.findings().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
    assertThat(f.position()).as("a line for %s", code).isNotNull();
    assertThat(f.message(Locale.ENGLISH)).doesNotContain("!cbam");
    assertThat(f.message(Messages.ZH)).doesNotContain("!cbam");
  }

  @Test
  void read_unknownReference() throws IOException {
    Path seed = Path.of("..", "examples", "seed-003-steel-balls.yaml").toAbsolutePath();
    Path file = Files.writeString(dir.resolve("r.cbam.yaml"), """
        tanji-cbam: 1
        study: %s
        installation: {name: X, unlocode: CNXXX, latitude: "1", longitude: "1"}
        processes:
          - {id: p, category: iron-or-steel-products, production: {from: inventory/钢球}}
        """.formatted(seed));
    CbamRead read = CbamReader.read(file);
    Finding f = read.findings().get(0);
    assertThat(f.code()).isEqualTo(CbamReader.UNKNOWN_REFERENCE);
    assertThat(f.where()).isEqualTo("processes[0].production.from");
    assertThat(f.position().line()).isEqualTo(5);
    assertThat(f.message(Locale.ENGLISH)).contains("inventory/钢球", "inventory/圆钢");
  }

  @Test
  void read_referenceWithoutStudy() throws IOException {
    CbamRead read = CbamReader.read(write("""
        purchasedPrecursors: [{id: b, category: crude-steel, see: {direct: {from: factors/x}, source: supplier}}]
        """));
    assertThat(read.findings()).extracting(Finding::code).containsExactly(CbamReader.NO_STUDY);
  }
}

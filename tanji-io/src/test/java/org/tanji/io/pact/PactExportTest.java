package org.tanji.io.pact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tanji.core.model.Finding;
import org.tanji.io.ReadResult;
import org.tanji.io.StudyFiles;
import org.tanji.io.StudyFormat;

final class PactExportTest {

  private static final Instant NOW = Instant.parse("2026-11-30T05:00:00Z");
  private static final UUID ID = PactIssue.idOf("org:1", "study-1", 3);

  private static PactExport.Exported export(ReadResult read, PactIssue issue) {
    return PactExport.footprint(read.study(), read.calculate(), issue);
  }

  private static PactExport.Exported example(String file) throws IOException {
    return export(StudyFiles.read(Path.of("..", "examples", file)), PactIssue.draft(ID, NOW));
  }

  private static PactExport.Exported yaml(String yaml) {
    return export(StudyFiles.read(yaml.getBytes(StandardCharsets.UTF_8), StudyFormat.YAML, "test.yaml"),
        PactIssue.draft(ID, NOW));
  }

  /** The footprint, checked against the specification's schema first. */
  private static ObjectNode valid(PactExport.Exported e) {
    assertThat(e.footprint()).as("footprint, findings %s", e.findings()).isPresent();
    assertThat(PactSchema.errors(e.footprint().get())).as("schema errors").isEmpty();
    return e.footprint().get();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String round(String decimal, int places) {
    return new BigDecimal(decimal).setScale(places, RoundingMode.HALF_UP).toPlainString();
  }

  @Test
  void specVersion_isTheOneOfTheSchemaInTheTests() {
    assertThat(PactExport.SPEC_VERSION).isEqualTo(PactSchema.version());
  }

  @Test
  void seed003_perKilogram() throws IOException {
    ObjectNode pf = valid(example("seed-003-steel-balls.yaml"));
    assertThat(pf.get("id").asText()).isEqualTo(ID.toString());
    assertThat(pf.get("specVersion").asText()).isEqualTo("3.0.3");
    assertThat(pf.get("created").asText()).isEqualTo("2026-11-30T05:00:00Z");
    assertThat(pf.get("status").asText()).isEqualTo("Active");
    assertThat(pf.get("companyName").asText()).isEqualTo("山东华民钢球股份有限公司");
    assertThat(texts(pf.get("companyIds"))).containsExactly("urn:pact:samr.gov.cn:uscc:913701811634663822");
    assertThat(texts(pf.get("productIds"))).containsExactly("urn:pact:taxation-customs.ec.europa.eu:cn:73261100");
    assertThat(texts(pf.get("productClassifications")))
        .containsExactly("urn:pact:taxation-customs.ec.europa.eu:cn:73261100", "urn:pact:wcoomd.org:hs:732611");
    assertThat(pf.get("productNameCompany").asText()).isEqualTo("锻造耐磨钢球");

    JsonNode pcf = pf.get("pcf");
    // 1 t becomes 1 kg: 2821.88 kgCO2e/t is 2.82188 kgCO2e/kg, and a kilogram weighs 1 kg
    assertThat(pcf.get("declaredUnitOfMeasurement").asText()).isEqualTo("kilogram");
    assertThat(pcf.get("declaredUnitAmount").asText()).isEqualTo("1");
    assertThat(pcf.get("productMassPerDeclaredUnit").asText()).isEqualTo("1");
    assertThat(round(pcf.get("pcfExcludingBiogenicUptake").asText(), 5)).isEqualTo("2.82188");
    assertThat(pcf.get("pcfIncludingBiogenicUptake").asText()).isEqualTo(pcf.get("pcfExcludingBiogenicUptake").asText());
    assertThat(pcf.get("fossilGhgEmissions").asText()).isEqualTo(pcf.get("pcfExcludingBiogenicUptake").asText());
    // the study's last day, 2023-12-31, is included; PACT's end is exclusive
    assertThat(pcf.get("referencePeriodStart").asText()).isEqualTo("2023-01-01T00:00:00Z");
    assertThat(pcf.get("referencePeriodEnd").asText()).isEqualTo("2024-01-01T00:00:00Z");
    assertThat(pcf.get("geographyCountrySubdivision").asText()).isEqualTo("CN-SD");
    assertThat(pcf.has("geographyCountry")).isFalse();
    assertThat(texts(pcf.get("ipccCharacterizationFactors"))).containsExactly("AR5");
    assertThat(texts(pcf.get("crossSectoralStandards"))).containsExactly("ISO14067", "PAS2050");
    assertThat(pcf.get("exemptedEmissionsPercent").asText()).isEqualTo("0");
    assertThat(pcf.has("exemptedEmissionsDescription")).isFalse();
    // packaging: 65.38 t × 2510 kgCO2e/t = 164,103.8 kg over 43,585,400 kg of balls: 0.00376511 per kg
    assertThat(round(pcf.get("packagingGhgEmissions").asText(), 8)).isEqualTo("0.00376511");
    assertThat(pcf.get("packagingEmissionsIncluded").asBoolean()).isTrue();
    // every factor is national or regional: no primary data
    assertThat(pcf.get("primaryDataShare").asText()).isEqualTo("0");
    // factors national (2 points → DQR 4.2) but the grid, regional (3 points → 3.4), 12,170,133 of 122,992,867 kg:
    // 4.2 − 0.8 × 0.09895 = 4.12
    assertThat(pcf.at("/dqi/technologicalDQR").asText()).isEqualTo("4.12");
    assertThat(pcf.at("/dqi/geographicalDQR").asText()).isEqualTo("4.12");
    // steel 2022 (a year before the period: 2) 87.302 %, grid 2023 (1) 9.895 %, freight and bags without year (5)
    // 2.670 % + 0.133 %: 1.74604 + 0.09895 + 0.14015 = 1.985
    assertThat(pcf.at("/dqi/temporalDQR").asText()).isEqualTo("1.99");
    assertThat(pcf.get("secondaryEmissionFactorSources")).hasSize(2);
    assertThat(pcf.at("/secondaryEmissionFactorSources/0/version").asText()).isEqualTo("2022");
    assertThat(pcf.at("/secondaryEmissionFactorSources/1/version").asText()).isEqualTo("2023");
    assertThat(pcf.has("verification")).isFalse();
    assertThat(pcf.has("biogenicCarbonContent")).isFalse();
    assertThat(pcf.get("fossilCarbonContent").asText()).isEqualTo("0");
  }

  /** What {@code calc --json} says of a study: its result written as the command writes it. */
  private static JsonNode calcJson(ReadResult read) throws IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        org.tanji.io.ResultJson.toJson(read.calculate(), java.util.Locale.ENGLISH));
  }

  /** The same figure, whatever the digits of its spelling. */
  private static void assertSameFigure(String pact, BigDecimal calc) {
    assertThat(new BigDecimal(pact)).as("PACT %s, calc --json %s", pact, calc)
        .isEqualByComparingTo(new BigDecimal(PactExport.decimal(calc)));
  }

  @Test
  void seed003_perKilogram_isCalcsPerKgFigure() throws IOException {
    ReadResult read = StudyFiles.read(Path.of("..", "examples", "seed-003-steel-balls.yaml"));
    JsonNode pcf = valid(export(read, PactIssue.draft(ID, NOW))).get("pcf");
    JsonNode calc = calcJson(read);
    assertThat(round(calc.get("perKg_kgCO2e").asText(), 5)).isEqualTo("2.82188");
    assertSameFigure(pcf.get("pcfExcludingBiogenicUptake").asText(), calc.get("perKg_kgCO2e").decimalValue());
  }

  @Test
  void bioCoke_perKilogram_biogenicFiguresAreCalcsPerTonneOnesOverAThousand() throws IOException {
    // the study as the testdata has it, with the two things PACT needs that it leaves out
    String yaml = java.nio.file.Files.readString(Path.of("..", "testdata", "bio-coke-per-tonne.yaml"))
        .replace("  period: {start: 2023-01-01, end: 2023-12-31}\n",
            "  period: {start: 2023-01-01, end: 2023-12-31}\n  gwp: AR5\norganization: {name: 生物焦厂}\n");
    ReadResult read = StudyFiles.read(yaml.getBytes(StandardCharsets.UTF_8), StudyFormat.YAML, "bio-coke.yaml");
    JsonNode pcf = valid(export(read, PactIssue.draft(ID, NOW))).get("pcf");
    JsonNode calc = calcJson(read);
    // 392.64 kgCO2e/t is 0.39264 per kg; 800 kg C in a tonne is 0.8 kg C per kg, 800 × 44/12 = 2933.33 kgCO2 per t
    // is an uptake of 2.93333 per kg
    assertThat(pcf.get("pcfExcludingBiogenicUptake").asText()).isEqualTo("0.39264");
    assertThat(pcf.get("biogenicCarbonContent").asText()).isEqualTo("0.8");
    assertThat(round(pcf.get("biogenicCO2Uptake").asText(), 5)).isEqualTo("-2.93333");
    assertSameFigure(pcf.get("pcfExcludingBiogenicUptake").asText(), calc.get("perKg_kgCO2e").decimalValue());
    assertSameFigure(pcf.get("biogenicCarbonContent").asText(),
        calc.at("/biogenic/carbonContentPerUnit_kgC").decimalValue().movePointLeft(3));
    assertSameFigure(pcf.get("biogenicCO2Uptake").asText(),
        calc.at("/biogenic/carbonContentPerUnit_kgCO2e").decimalValue().movePointLeft(3).negate());
    assertSameFigure(pcf.get("pcfIncludingBiogenicUptake").asText(), new BigDecimal(pcf.get("pcfExcludingBiogenicUptake")
        .asText()).add(new BigDecimal(pcf.get("biogenicCO2Uptake").asText())));
  }

  @Test
  void seed003_saysWhatItWroteInPlaceOfWhatTheStudyLacks() throws IOException {
    PactExport.Exported e = example("seed-003-steel-balls.yaml");
    assertThat(e.findings()).extracting(Finding::code, Finding::where)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("PACT_ASSUMED", "product.fossilCarbonContent"));
    assertThat(e.footprint().get().get("comment").asText()).contains("锻造耐磨钢球产品碳足迹评价").contains("化石碳含量");
  }

  @Test
  void seed000_perPiece_withLocalIdsAndAnUncountedCutoff() throws IOException {
    PactExport.Exported e = example("cast-back-plate-per-piece.yaml");
    ObjectNode pf = valid(e);
    JsonNode pcf = pf.get("pcf");
    assertThat(pcf.get("declaredUnitOfMeasurement").asText()).isEqualTo("piece");
    assertThat(pcf.get("productMassPerDeclaredUnit").asText()).isEqualTo("1.8");
    assertThat(texts(pcf.get("ipccCharacterizationFactors"))).containsExactly("AR6");
    // GB/T 24067 is not one of PACT's names; PACT accepts others as written
    assertThat(texts(pcf.get("crossSectoralStandards"))).containsExactly("ISO14067", "GB/T 24067-2024");
    assertThat(pf.get("companyIds").get(0).asText()).startsWith("urn:uuid:");
    assertThat(pf.get("productIds").get(0).asText()).startsWith("urn:uuid:");
    assertThat(pf.has("productClassifications")).isFalse();
    assertThat(pcf.get("exemptedEmissionsDescription").asText()).contains("辅助材料");
    assertThat(pcf.has("geographyCountry") || pcf.has("geographyCountrySubdivision")).isFalse();
    assertThat(e.findings()).extracting(Finding::code).containsExactlyInAnyOrder("PACT_LOCAL_ID", "PACT_LOCAL_ID",
        "PACT_GLOBAL", "PACT_ASSUMED", "PACT_EXEMPTED_UNCOUNTED");
    // 14,678,827.8 kgCO2e over the period for 2,000,000 pieces (the example's own total and output)
    assertThat(new BigDecimal(pcf.get("fossilGhgEmissions").asText()).doubleValue())
        .isCloseTo(14_678_827.8 / 2_000_000, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void tinyExample_isRefused_namingEveryKeyPactNeeds() throws IOException {
    PactExport.Exported e = export(StudyFiles.read(Path.of("..", "testdata", "tiny-per-piece.yaml")),
        PactIssue.draft(ID, NOW));
    assertThat(e.footprint()).isEmpty();
    assertThat(e.findings().stream().filter(Finding::isError).map(Finding::where))
        .containsExactlyInAnyOrder("organization.name", "product.massPerUnit", "study.gwp", "study.standards");
  }

  @Test
  void issued_carriesItsVerification() throws IOException {
    Instant issuedAt = Instant.parse("2026-11-29T08:15:30.123Z");
    PactIssue issue = PactIssue.issued(ID, new PactIssue.Verification(issuedAt, "HM-2026-007",
        "https://tanji.example.com/verify/ABCD", "王审批"));
    ObjectNode pf = valid(export(StudyFiles.read(Path.of("..", "examples", "seed-003-steel-balls.yaml")), issue));
    assertThat(pf.get("created").asText()).isEqualTo("2026-11-29T08:15:30Z");
    JsonNode v = pf.at("/pcf/verification");
    assertThat(v.get("coverage").asText()).isEqualTo("product level");
    assertThat(v.get("completedAt").asText()).isEqualTo("2026-11-29T08:15:30Z");
    assertThat(v.get("standardName").asText()).isEqualTo("ISO 14067:2018; PAS 2050:2011");
    assertThat(v.get("comments").asText()).contains("HM-2026-007", "王审批", "https://tanji.example.com/verify/ABCD");
  }

  private static final String STUDY = """
      tanji: 1
      study:
        title: Test
        language: en
        standards: [ISO 14067:2018]
        boundary: cradle-to-gate
        period: {start: 2023-01-01, end: 2023-12-31}
        gwp: AR6
      organization: {name: Test Co, creditCode: 91110000600037341L}
      product:
        name: Balls
        declaredUnit: 1 t
        output: 100 t
        cnCode: 732611
      factors:
        steel: {value: 2000 kgCO2e/t, type: supplier, year: 2023}
      inventory:
        - name: Steel
          stage: raw-materials
          amount: 110 t
          factor: steel
          quality: {activity: continuous, calibration: compliant}
      """;

  @Test
  void hsHeading_isBothIdAndClassification_andSupplierFactorsArePrimary() {
    ObjectNode pf = valid(yaml(STUDY));
    assertThat(texts(pf.get("productIds"))).containsExactly("urn:pact:wcoomd.org:hs:732611");
    assertThat(texts(pf.get("productClassifications"))).containsExactly("urn:pact:wcoomd.org:hs:732611");
    // 110 t × 2000 kgCO2e/t over 100 t: 2200 kgCO2e/t, 2.2 per kg
    assertThat(pf.at("/pcf/fossilGhgEmissions").asText()).isEqualTo("2.2");
    assertThat(pf.at("/pcf/primaryDataShare").asText()).isEqualTo("100");
    // supplier factor: 4 points → 1 + 2 × 0.8
    assertThat(pf.at("/pcf/dqi/technologicalDQR").asText()).isEqualTo("2.6");
    assertThat(pf.at("/pcf/dqi/temporalDQR").asText()).isEqualTo("1");
    assertThat(pf.at("/pcf/allocationRulesDescription").asText()).startsWith("No allocation");
  }

  @Test
  void creditLine_weighsInTheRatingsByMagnitude_asInTheStudysScore() {
    ObjectNode pf = valid(yaml(STUDY.replace("factors:\n", "factors:\n  credit: {value: -1000 kgCO2e/t, type: international, year: 2023}\n")
        + "  - {name: Scrap sold, stage: waste, amount: 100 t, factor: credit, quality: {activity: estimated, calibration: none}}\n"));
    // steel 220,000 kg, supplier (4 points → DQR 2.6, primary); the credit −100,000 kg, international
    // (1 point → DQR 5, secondary): weights 220/320 and 100/320
    assertThat(pf.at("/pcf/fossilGhgEmissions").asText()).isEqualTo("1.2"); // (220,000 − 100,000) / 100,000 kg
    assertThat(pf.at("/pcf/dqi/technologicalDQR").asText()).isEqualTo("3.35"); // (2.6 × 220 + 5 × 100) / 320
    assertThat(pf.at("/pcf/primaryDataShare").asText()).isEqualTo("68.75"); // 220 / 320
  }

  @Test
  void biogenicCarbon_becomesUptake_andFossilCarbonIsTaken() {
    ObjectNode pf = valid(yaml(STUDY.replace("cnCode: 732611", "cnCode: 732611\n  fossilCarbonContent: 6 kg")
        + "biogenic: {carbonContent: 120 kg}\n"));
    JsonNode pcf = pf.get("pcf");
    // per kg: 0.12 kg C, taking up 0.12 × 44 / 12 = 0.44 kgCO2
    assertThat(pcf.get("biogenicCarbonContent").asText()).isEqualTo("0.12");
    assertThat(pcf.get("biogenicCO2Uptake").asText()).isEqualTo("-0.44");
    assertThat(pcf.get("pcfIncludingBiogenicUptake").asText()).isEqualTo("1.76");
    assertThat(pcf.get("pcfExcludingBiogenicUptake").asText()).isEqualTo("2.2");
    assertThat(pcf.get("fossilCarbonContent").asText()).isEqualTo("0.006");
  }

  @Test
  void excludedLineWithAFactor_countsInTheExemptedShare() {
    ObjectNode pf = valid(yaml(STUDY + """
          - name: Grease
            stage: raw-materials
            amount: 0.4 t
            factor: steel
            excluded: below the cut-off
        """));
    // 0.4 t × 2000 = 800 kg over 220,000 + 800: 0.3623 %
    assertThat(pf.at("/pcf/exemptedEmissionsPercent").asText()).isEqualTo("0.36");
    assertThat(pf.at("/pcf/exemptedEmissionsDescription").asText()).isEqualTo("Grease: below the cut-off");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      'creditCode: 91110000600037341L' | 'creditCode: 9111-0000'          | PACT_INVALID | organization.creditCode
      'declaredUnit: 1 t'              | 'declaredUnit: 1 km'             | PACT_UNIT    | product.declaredUnit
      'gwp: AR6'                       | 'gwp: {CH4: 30}'                 | PACT_MISSING | study.gwp
      'name: Test Co'                  | 'address: nowhere'               | PACT_MISSING | organization.name
      """)
  void missingOrUnmappable_isAnError(String from, String to, String code, String where) {
    String yaml = STUDY.replace(from, to);
    if (to.contains("km")) {
      yaml = yaml.replace("output: 100 t", "output: 100 km").replace("2000 kgCO2e/t", "2000 kgCO2e/km")
          .replace("amount: 110 t", "amount: 110 km");
    }
    PactExport.Exported e = yaml(yaml);
    assertThat(e.footprint()).isEmpty();
    assertThat(e.findings()).filteredOn(Finding::isError).extracting(Finding::code, Finding::where)
        .contains(org.assertj.core.groups.Tuple.tuple(code, where));
  }

  @Test
  void studyWithErrors_isRefused() {
    PactExport.Exported e = yaml(STUDY.replace("factor: steel", "factor: stell"));
    assertThat(e.footprint()).isEmpty();
    assertThat(e.findings()).extracting(Finding::code).containsExactly("PACT_NOT_COMPUTED");
  }

  @Test
  void energyProduct_isPerKilowattHour_withoutMass() {
    ObjectNode pf = valid(yaml(STUDY.replace("declaredUnit: 1 t", "declaredUnit: 1 MWh")
        .replace("output: 100 t", "output: 100 MWh")));
    assertThat(pf.at("/pcf/declaredUnitOfMeasurement").asText()).isEqualTo("kilowatt hour");
    assertThat(pf.at("/pcf/productMassPerDeclaredUnit").asText()).isEqualTo("0");
    // 220,000 kg over 100 MWh: 2.2 kg per kWh
    assertThat(pf.at("/pcf/fossilGhgEmissions").asText()).isEqualTo("2.2");
  }
}

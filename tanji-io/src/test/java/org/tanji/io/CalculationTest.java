package org.tanji.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tanji.io.Fixtures.MINIMAL;
import static org.tanji.io.Fixtures.calc;
import static org.tanji.io.Fixtures.en;
import static org.tanji.io.Fixtures.findings;
import static org.tanji.io.Fixtures.only;
import static org.tanji.io.Fixtures.testdata;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tanji.core.calc.Result;
import org.tanji.core.model.Finding;

/** The calculator's rules, each on a small study whose figures can be checked by hand. */
final class CalculationTest {

  /** MINIMAL computes to 110 t × 2000 kgCO2e/t = 220000 kgCO2e for 100 t: 2200 kgCO2e/t. */
  @Test
  void minimal_perUnitAndPerKg() {
    Result r = calc(MINIMAL);
    assertThat(r.findings()).isEmpty();
    assertThat(r.totalKgCO2e()).isEqualTo(220_000);
    assertThat(r.perUnitKgCO2e()).isEqualTo(2200);
    assertThat(r.perKgKgCO2e()).isEqualTo(2.2);
    assertThat(r.allocationShare()).isEqualTo(1.0);
    assertThat(r.dataQuality().score()).isCloseTo((6 + 2 + 6) / 3.0, within(1e-12));
  }

  @Test
  void supplierFootprint_usedByIdLikeAnyFactor() {
    Result r = Fixtures.withPlates(2025, "40 piece", "Active").calculate();
    assertThat(r.findings()).isEmpty();
    assertThat(r.lines().get(1).kgCO2e()).isEqualTo(3080);
    assertThat(r.totalKgCO2e()).isEqualTo(223_080);
    assertThat(r.factors()).filteredOn(f -> f.id().equals("supplier-plate")).singleElement()
        .satisfies(f -> assertThat(f.footprint().orElseThrow().companyName()).isEqualTo("Company 3"));
  }

  @Test
  void supplierFootprint_declaredUnitThatDoesNotFitTheLine() {
    Result r = Fixtures.withPlates(2025, "40 t", "Active").calculate();
    assertThat(r.findings()).extracting(Finding::code, Finding::where)
        .contains(org.assertj.core.groups.Tuple.tuple("UNIT_MISMATCH", "inventory[1].amount"));
    assertThat(r.totalKgCO2e()).isNull();
  }

  @Test
  void supplierFootprint_outsideTheStudyPeriod() {
    // valid 2024-12-31 to 2027-12-31: a 2023 study is outside, a 2024 study shares its last day
    Result r = Fixtures.withPlates(2023, "40 piece", "Active").calculate();
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("SUPPLIER_FOOTPRINT_NOT_VALID");
      assertThat(f.where()).isEqualTo("inventory[1].factor");
      assertThat(en(f)).isEqualTo("factor \"supplier-plate\" is a footprint of Company 3 valid from 2024-12-31 to"
          + " 2027-12-30, which does not overlap the study period 2023-01-01 to 2023-12-31 (line 20, column 60)");
    });
    assertThat(r.totalKgCO2e()).isEqualTo(223_080);
    assertThat(Fixtures.withPlates(2024, "40 piece", "Active").calculate().findings()).isEmpty();
    assertThat(Fixtures.withPlates(2028, "40 piece", "Active").calculate().findings())
        .extracting(Finding::code).containsExactly("SUPPLIER_FOOTPRINT_NOT_VALID");
  }

  @Test
  void supplierFootprint_deprecated() {
    Result r = Fixtures.withPlates(2025, "40 piece", "Deprecated").calculate();
    assertThat(r.findings()).extracting(Finding::code).containsExactly("SUPPLIER_FOOTPRINT_DEPRECATED");
    assertThat(r.findings().get(0).severity()).isEqualTo(org.tanji.core.model.Severity.WARNING);
  }

  @ParameterizedTest
  @CsvSource({"AR4, 112500", "AR5, 114000", "AR6, 113950"})
  void gasLevelEmissions_useTheStudysGwpSet(String gwp, double kgCO2e) {
    // 100 t CO2 + 500 kg CH4 × 25 (AR4) | 28 (AR5) | 27.9 (AR6)
    String yaml = MINIMAL.replace("gwp: AR5", "gwp: " + gwp)
        + "  - {name: Process, stage: production, emissions: {CO2: 100 t, CH4: 500 kg},"
        + " quality: {activity: continuous, calibration: compliant, factor: 6}}\n";
    Result r = calc(yaml);
    assertThat(r.findings()).isEmpty();
    assertThat(r.lines().get(1).kgCO2e()).isCloseTo(kgCO2e, within(1e-6));
    assertThat(r.lines().get(1).points().factor()).isEqualTo(6);
  }

  @Test
  void gasLevelEmissions_needAGwpSetAndKnownGases() {
    String yaml = MINIMAL.replace("  gwp: AR5\n", "")
        + "  - {name: Process, stage: production, emissions: {CO2: 100 t}}\n";
    assertThat(en(only(yaml, "MISSING_VALUE"))).contains("needs a GWP set");
    // said once, however many gas lines need it
    assertThat(findings(yaml + "  - {name: Process 2, stage: production, emissions: {CH4: 1 t}}\n", "MISSING_VALUE"))
        .hasSize(1);
    Finding gas = only(MINIMAL + "  - {name: P, stage: production, emissions: {ch4: 1 t}}\n", "UNKNOWN_GAS");
    assertThat(en(gas)).contains("did you mean \"CH4\"");
    Finding unit = only(MINIMAL + "  - {name: P, stage: production, emissions: {CH4: 1 kWh}}\n", "UNIT_MISMATCH");
    assertThat(unit.where()).isEqualTo("inventory[1].emissions.CH4");
  }

  @Test
  void unitMismatch_namesBothDimensionsInWords() {
    Finding f = only(MINIMAL.replace("amount: 110 t", "amount: 110 kWh"), "UNIT_MISMATCH");
    assertThat(f.where()).isEqualTo("inventory[0].amount");
    assertThat(en(f)).isEqualTo("line \"Steel\": the amount is an energy (kWh) but factor \"steel\" (kgCO2e/t) needs"
        + " a mass (t) (line 17, column 5)");
  }

  @Test
  void unitMismatch_factorThatIsNotCo2ePerActivity() {
    Finding f = only(MINIMAL.replace("2000 kgCO2e/t", "2000 kg/t"), "UNIT_MISMATCH");
    assertThat(f.where()).isEqualTo("factors.steel.value");
    assertThat(en(f)).contains("a factor must be CO₂e per unit of activity");
  }

  @Test
  void transport_massTimesDistance_andWrongFactor() {
    String yaml = MINIMAL.replace("factors:\n", "factors:\n  truck: {value: 0.1 kgCO2e/(t*km), type: national}\n")
        + "  - {name: Haul, stage: transport, mass: 110 t, distance: 50 km, factor: truck,"
        + " quality: {activity: estimated, calibration: none}}\n";
    Result r = calc(yaml);
    assertThat(r.lines().get(1).kgCO2e()).isCloseTo(110 * 50 * 0.1, within(1e-9)); // 550 kgCO2e
    Finding f = only(yaml.replace("factor: truck,", "factor: steel,").replace("  truck: {value: 0.1 kgCO2e/(t*km), type: national}\n", ""),
        "UNIT_MISMATCH");
    assertThat(en(f)).contains("needs a mass (t)");
    Finding km = only(yaml.replace("distance: 50 km", "distance: 50 t"), "UNIT_MISMATCH");
    assertThat(km.where()).isEqualTo("inventory[1].distance");
  }

  @Test
  void unknownFactor_suggestsTheKeyMeant() {
    Finding f = only(MINIMAL.replace("factor: steel", "factor: stel"), "UNKNOWN_FACTOR");
    assertThat(en(f)).contains("did you mean \"steel\"");
    assertThat(f.position().line()).isEqualTo(18);
  }

  @Test
  void massAllocation_andDedicatedLines() {
    // 100 t product + 300 t coproduct: share 0.25 of the shared 220000; the dedicated 10 t × 1000 is all ours
    String yaml = MINIMAL.replace("amount: 110 t", "amount: 410 t")
        .replace("factors:\n", "coproducts:\n  - {name: Bars, output: 300 t}\nallocation: mass\nfactors:\n"
            + "  bag: {value: 1000 kgCO2e/t, type: national}\n")
        + "  - {name: Bags, stage: packaging, amount: 10 t, factor: bag, dedicated: true,"
        + " quality: {activity: periodic, calibration: partial}}\n";
    Result r = calc(yaml);
    assertThat(r.findings()).isEmpty();
    assertThat(r.allocationShare()).isEqualTo(0.25);
    assertThat(r.lines().get(0).kgCO2e()).isCloseTo(410 * 2000 * 0.25, within(1e-9));
    assertThat(r.lines().get(1).kgCO2e()).isEqualTo(10_000);
    assertThat(r.lines().get(1).allocated()).isFalse();
    assertThat(r.totalKgCO2e()).isCloseTo(205_000 + 10_000, within(1e-9));
    assertThat(r.perUnitKgCO2e()).isCloseTo(2150, within(1e-9));
  }

  @Test
  void economicAllocation_pricesPerDeclaredUnit() {
    // product 100 t × 5600 = 560000; coproduct 20000 kg at 5200 per t = 104000; share 560000 / 664000
    String yaml = MINIMAL.replace("output: 100 t", "output: 100 t\n  price: 5600")
        .replace("factors:\n", "coproducts:\n  - {name: Bars, output: 20000 kg, price: 5200, declaredUnit: 1 t}\n"
            + "allocation: economic\nfactors:\n");
    Result r = calc(yaml);
    assertThat(r.allocationShare()).isCloseTo(560_000.0 / 664_000.0, within(1e-12));
    assertThat(r.totalKgCO2e()).isCloseTo(220_000 * 560_000.0 / 664_000.0, within(1e-6));
  }

  @Test
  void allocation_missingRuleOrPrices_areErrors() {
    String withCoproduct = MINIMAL.replace("factors:\n", "coproducts:\n  - {name: Bars, output: 300 t}\nfactors:\n");
    assertThat(en(only(withCoproduct, "MISSING_VALUE"))).contains("no allocation rule");
    assertThat(findings(withCoproduct.replace("factors:\n", "allocation: economic\nfactors:\n"), "MISSING_VALUE"))
        .extracting(Finding::where).containsExactly("product.price");
    assertThat(en(only(MINIMAL.replace("factors:\n", "allocation: mass\nfactors:\n"), "ALLOCATION_UNUSED")))
        .contains("has no effect");
  }

  @Test
  void massAllocation_coproductCountedInPieces() {
    // coproduct: 20000 pieces of 5 kg = 100 t beside our 100 t: share 0.5
    String yaml = MINIMAL.replace("amount: 110 t", "amount: 220 t")
        .replace("factors:\n", "coproducts:\n  - {name: Plates, output: 20000 piece, massPerUnit: 5 kg}\n"
            + "allocation: mass\nfactors:\n");
    Result r = calc(yaml);
    assertThat(r.findings()).isEmpty();
    assertThat(r.allocationShare()).isEqualTo(0.5);
    assertThat(r.totalKgCO2e()).isEqualTo(220_000);
  }

  @Test
  void coproductMasses_mustBePositive() {
    // regression: −50 kg per piece gave an allocation share of 2.0 without a word
    String yaml = MINIMAL.replace("factors:\n", "coproducts:\n  - {name: Plates, output: 1000 piece, massPerUnit: -50 kg}\n"
        + "allocation: mass\nfactors:\n");
    Result r = calc(yaml);
    assertThat(r.totalKgCO2e()).isNull();
    assertThat(r.findings()).filteredOn(Finding::isError).extracting(Finding::where)
        .containsExactly("coproducts[0].massPerUnit");
    // also checked under economic allocation, where the mass is not used for the share
    assertThat(calc(yaml.replace("allocation: mass", "allocation: economic")).hasErrors()).isTrue();
  }

  @Test
  void coproductWithoutName_isAFindingNotACrash() {
    Result r = calc(MINIMAL.replace("output: 100 t", "output: 100 t\n  price: 10")
        .replace("factors:\n", "coproducts:\n  - {output: 1000 piece}\nallocation: economic\nfactors:\n"));
    assertThat(r.findings()).extracting(Finding::where).contains("coproducts[0].name", "coproducts[0].price");
  }

  @Test
  void negativeCoproductPrice_saysSoOnce() {
    Result r = calc(MINIMAL.replace("output: 100 t", "output: 100 t\n  price: 10")
        .replace("factors:\n", "coproducts:\n  - {name: Bars, output: 10 t, price: -5}\nallocation: economic\nfactors:\n"));
    assertThat(r.findings()).filteredOn(Finding::isError).extracting(Fixtures::en)
        .containsExactly("the price of coproduct \"Bars\" is -5.00; a price cannot be negative (line 14, column 32)");
  }

  @Test
  void stageOutsideTheBoundary_isAWarning() {
    String yaml = MINIMAL.replace("period:", "boundary: cradle-to-gate\n  period:")
        + "  - {name: Washing, stage: use, amount: 1 t, factor: steel, quality: {activity: estimated, calibration: none}}\n";
    Finding f = only(yaml, "STAGE_OUTSIDE_BOUNDARY");
    assertThat(en(f)).startsWith("line \"Washing\" is in stage use, which lies outside the cradle-to-gate boundary");
    assertThat(findings(yaml.replace("cradle-to-gate", "cradle-to-grave"), "STAGE_OUTSIDE_BOUNDARY")).isEmpty();
  }

  @Test
  void perUnitBeyondDoubles_isAnError() {
    // regression: a subnormal output printed "Infinity" into the JSON with exit status 0
    Result r = calc(MINIMAL.replace("output: 100 t", "output: 1e-310 t"));
    assertThat(r.findings()).extracting(Finding::code).contains("NUMBER_OUT_OF_RANGE");
    assertThat(r.perUnitKgCO2e()).isNull();
  }

  @Test
  void creditLine_keepsTheScoreWithinRange() {
    // regression: a negative line pushed the weighted score to 16.71
    String yaml = MINIMAL.replace("factors:\n", "factors:\n  credit: {value: -1000 kgCO2e/t, type: international}\n")
        + "  - {name: Credit, stage: waste, amount: 150 t, factor: credit, quality: {activity: estimated, calibration: none}}\n";
    Result r = calc(yaml);
    // steel (6+2+6)/3 on 220000, credit (1+1+1)/3 on |−150000|: (4.667 × 220 + 1 × 150) / 370
    assertThat(r.dataQuality().score()).isCloseTo((14.0 / 3 * 220 + 150) / 370, within(1e-9));
  }

  @Test
  void perPieceProduct_usesMassPerUnit() {
    // 1000 pieces of 2.5 kg from 110 t of steel: 220000 / 1000 = 220 kgCO2e per piece, 88 per kg
    String yaml = MINIMAL.replace("declaredUnit: 1 t", "declaredUnit: 1 piece")
        .replace("output: 100 t", "output: 1000 个\n  massPerUnit: 2.5 kg");
    Result r = calc(yaml);
    assertThat(r.perUnitKgCO2e()).isEqualTo(220);
    assertThat(r.perKgKgCO2e()).isEqualTo(88);
    Result noMass = calc(yaml.replace("  massPerUnit: 2.5 kg\n", ""));
    assertThat(noMass.perKgKgCO2e()).isNull();
    assertThat(noMass.findings()).extracting(Finding::code).containsExactly("MASS_UNKNOWN");
  }

  @Test
  void outputAndDeclaredUnitOfDifferentKinds_isAnError() {
    Finding f = only(MINIMAL.replace("output: 100 t", "output: 100 piece"), "UNIT_MISMATCH");
    assertThat(f.where()).isEqualTo("product.output");
  }

  @Test
  void cutoff_excludedLinesAboveTheShareAreFlagged() {
    // 0.6 t of 110.6 t raw-material mass is 0.54 % ≥ 0.5 %
    String yaml = MINIMAL + "  - {name: Release agent, stage: raw-materials, excluded: no factor, amount: 0.6 t}\n";
    Finding f = only(yaml, "CUTOFF_EXCEEDED");
    assertThat(en(f)).contains("0.54 %").contains("0.50 %");
    assertThat(findings(yaml.replace("0.6 t", "0.5 t"), "CUTOFF_EXCEEDED")).isEmpty(); // 0.45 %
    assertThat(findings(yaml + "cutoff: {massShare: 0.01}\n", "CUTOFF_EXCEEDED")).isEmpty();
    Result r = calc(yaml);
    assertThat(r.lines().get(1).excluded()).isTrue();
    assertThat(r.lines().get(1).kgCO2e()).isZero();
    assertThat(r.lines().get(1).score()).isNull();
    assertThat(en(only(yaml.replace("amount: 0.6 t}", "amount: 5 kWh}"), "CUTOFF_UNCHECKED")))
        .contains("energy inputs may not be left out");
  }

  @Test
  void perHectare_outputInMu_dieselInKilolitres() {
    // 1.2 kL × 2.7 kg/L + 5 t × 1500 kg/t + 6820 + 44 (the field line) = 17,604 kg over 750 亩 = 50 ha
    Result r = calc(testdata("sunflower-per-hectare.yaml"));
    assertThat(r.hasErrors()).as(r.findings().toString()).isFalse();
    assertThat(r.lines()).extracting(l -> l.kgCO2e()).containsExactly(3240.0, 7500.0, 6864.0);
    assertThat(r.totalKgCO2e()).isCloseTo(17_604, within(1e-9));
    assertThat(r.perUnitKgCO2e()).isCloseTo(352.08, within(1e-9));
    assertThat(r.perKgKgCO2e()).isNull(); // an area has no mass
    assertThat(r.findings()).extracting(Finding::code).containsExactly("MASS_UNKNOWN");
  }

  @Test
  void perCopy_sheetsSpendAndCoalEquivalent() {
    // 12,000 + 400 张 × 1.5 + 8 万元 × 0.35/元 + 2 tce × 2.66 t/tce = 45,920 kg over 20,000 本
    Result r = calc(testdata("book-per-copy.yaml"));
    assertThat(r.findings()).isEmpty();
    assertThat(r.lines()).extracting(l -> l.kgCO2e()).containsExactly(12_000.0, 600.0, 28_000.0, 5_320.0);
    assertThat(r.perUnitKgCO2e()).isCloseTo(2.296, within(1e-12));
    assertThat(r.perKgKgCO2e()).isCloseTo(4.592, within(1e-12));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      8 万USD | money in US dollars (万USD) but factor "binding" (kgCO2e/元) needs money in yuan (CNY)
      8 t     | a mass (t) but factor "binding" (kgCO2e/元) needs money in yuan (CNY)
      """)
  void spend_otherCurrencyOrDimension_isAMismatchNeverConverted(String amount, String words) {
    Finding f = only(testdata("book-per-copy.yaml").replace("amount: 8 万元", "amount: " + amount), "UNIT_MISMATCH");
    assertThat(en(f)).contains("the amount is " + words);
  }

  @Test
  void spend_inAnotherCurrency_computesWithTheStudysRate() {
    // 10 t × 2000 = 20,000; 1000 USD × 7.10 × 0.5 = 3,550; 7100 CNY ÷ 7.10 × 0.2 = 200;
    // 500 EUR × 7.80 × 0.5 = 1,950: 25,700 kg over 100 pieces
    Result r = calc(testdata("spend-in-three-currencies.yaml"));
    assertThat(r.findings()).isEmpty();
    assertThat(r.lines()).extracting(l -> l.kgCO2e()).satisfiesExactly(
        kg -> assertThat(kg).isEqualTo(20_000.0),
        kg -> assertThat(kg).isCloseTo(3_550.0, within(1e-9)),
        kg -> assertThat(kg).isCloseTo(200.0, within(1e-9)),
        kg -> assertThat(kg).isCloseTo(1_950.0, within(1e-9)));
    assertThat(r.perUnitKgCO2e()).isCloseTo(257.0, within(1e-9));
  }

  @Test
  void spend_rateWithAMultiple_andTheRateTheOtherWay() {
    // 1 USD = 0.00071 万元 = 7.10 CNY: 1000 USD × 7.10 × 0.5 = 3,550 kg, as with 7.10 CNY
    String yaml = testdata("spend-in-three-currencies.yaml");
    Result r = calc(yaml.replace("USD: 7.10 CNY", "USD: 0.00071 万元"));
    assertThat(r.findings()).isEmpty();
    assertThat(r.lines().get(1).kgCO2e()).isCloseTo(3_550.0, within(1e-9));
    // the same pair given from the yuan's side, 1 CNY = 0.2 USD: 7100 CNY × 0.2 × 0.2 = 284 kg
    r = calc(yaml.replace("USD: 7.10 CNY", "CNY: 0.2 USD"));
    assertThat(r.findings()).isEmpty();
    // 1000 USD ÷ 0.2 = 5000 CNY × 0.5 = 2,500 kg
    assertThat(r.lines().get(1).kgCO2e()).isCloseTo(2_500.0, within(1e-9));
    assertThat(r.lines().get(2).kgCO2e()).isCloseTo(284.0, within(1e-9));
  }

  @Test
  void spend_withoutARate_isAMismatchThatSaysHowToGiveOne() {
    String yaml = testdata("spend-in-three-currencies.yaml").replace("{USD: 7.10 CNY, EUR: 7.80 CNY}",
        "{USD: 7.10 CNY}");
    Finding f = only(yaml, "UNIT_MISMATCH");
    assertThat(f.where()).isEqualTo("inventory[3].amount");
    assertThat(en(f)).isEqualTo("line \"Consulting\": the amount is money in euros (EUR) but factor \"services\""
        + " (kgCO2e/CNY) needs money in yuan (CNY), and the study gives no exchange rate between EUR and CNY: add one"
        + " under study.exchangeRates, e.g. \"EUR: <rate> CNY\", what 1 EUR is worth in CNY (line 43, column 5)");
    assertThat(f.message(org.tanji.core.i18n.Messages.ZH)).contains("study.exchangeRates", "\"EUR: <汇率> CNY\"");
    // rates are not chained: EUR against a factor per USD needs a EUR–USD rate, though both have one to CNY
    String chained = testdata("spend-in-three-currencies.yaml").replace("amount: 500 EUR\n    factor: services",
        "amount: 500 EUR\n    factor: insurance");
    assertThat(en(only(chained, "UNIT_MISMATCH"))).contains("no exchange rate between EUR and USD");
  }

  @Test
  void tceIsCoalEquivalentAtGbt2589() {
    // 1 tce = 29.3076 GJ (GB/T 2589): a factor per GJ applies to tce
    Result r = calc(MINIMAL.replace("amount: 110 t\n    factor: steel", "amount: 1 tce\n    factor: coal")
        .replace("factors:\n", "factors:\n  coal: {value: 100 kgCO2e/GJ, type: national}\n"));
    assertThat(r.lines().get(0).kgCO2e()).isCloseTo(2930.76, within(1e-9));
  }

  @Test
  void cradleToCustomer_includesDistribution_knownInputWithoutAmountIsADataGap() {
    // 90,000 + 18,720 + 228,120 + 32,400 + 23,400 = 392,640 kg over 1000 t; the tar is not counted
    Result r = calc(testdata("bio-coke-per-tonne.yaml"));
    assertThat(r.perUnitKgCO2e()).isCloseTo(392.64, within(1e-9));
    assertThat(r.findings()).extracting(Finding::code).containsExactly("DATA_GAP");
    Finding gap = r.findings().get(0);
    assertThat(gap.where()).isEqualTo("inventory[4]");
    assertThat(en(gap)).startsWith("line \"木焦油\" is a known input without an amount: a data gap");
    assertThat(r.lines().get(4).excluded()).isTrue();
    assertThat(r.lines().get(4).kgCO2e()).isZero();
  }

  @Test
  void unreadableAmountOfAnExcludedLine_isAnErrorNotAGap() {
    Result r = calc(testdata("bio-coke-per-tonne.yaml").replace("excluded: 副产物，未称重", "excluded: 副产物，未称重\n    amount: lots"));
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.findings()).extracting(Finding::code).doesNotContain("DATA_GAP");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      cradle-to-gate                         | inventory[5].stage
      '[production, packaging, distribution]' | inventory[0].stage, inventory[1].stage, inventory[4].stage
      '生产, 分销'                             |
      """)
  void boundary_namedOrListed_linesOutsideKeepTheirWarning(String boundary, String outside) {
    String yaml = testdata("bio-coke-per-tonne.yaml").replace("boundary: cradle-to-customer", "boundary: " + boundary);
    List<Finding> found = findings(yaml, "STAGE_OUTSIDE_BOUNDARY");
    if (outside == null) { // Chinese stage names are not ids in a YAML file: refused with the choices
      assertThat(findings(yaml, "INVALID_VALUE")).extracting(Finding::where).containsExactly("study.boundary[0]",
          "study.boundary[1]");
      return;
    }
    assertThat(found).extracting(Finding::where).containsExactly(outside.split(", "));
  }

  /** The field line: 14 kg N2O-N × 44/28 = 22 kg N2O, 12 kg CO2-C × 44/12 = 44 kg CO2. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      gwp: SAR             | 6864      # 22 × 310 + 44
      gwp: TAR             | 6556      # 22 × 296 + 44
      gwp: AR5             | 5874      # 22 × 265 + 44
      'gwp: {N2O: 300}'    | 6644      # the study's own table; CO2 is 1 by definition
      """)
  void nitrogenAndCarbonReportedAsElements_weightedWithTheStudysGwps(String gwp, String expected) {
    Result r = calc(testdata("sunflower-per-hectare.yaml").replace("gwp: SAR", gwp));
    assertThat(r.hasErrors()).as(r.findings().toString()).isFalse();
    assertThat(r.lines().get(2).kgCO2e()).isCloseTo(Double.parseDouble(expected.split("#")[0].strip()), within(1e-9));
  }

  @Test
  void customGwpTable_gasNotInIt_isAnErrorNamingTheTable() {
    Finding f = only(testdata("sunflower-per-hectare.yaml").replace("gwp: SAR", "gwp: {CH4: 30}"), "UNKNOWN_GAS");
    assertThat(en(f)).startsWith("line \"Field emissions (fertilizer N, urea)\": gas \"N2O\" is not in the study's own "
        + "GWP table (study.gwp: CH4); add its value there");
  }

  @Test
  void sarHasNoNf3_tarHas() {
    String yaml = MINIMAL.replace("gwp: AR5", "gwp: SAR") + "  - {name: Switchgear, stage: production, emissions: {NF3: 1 kg}}\n";
    assertThat(findings(yaml, "UNKNOWN_GAS")).hasSize(1);
    assertThat(calc(yaml.replace("gwp: SAR", "gwp: TAR")).lines().get(1).kgCO2e()).isEqualTo(10_800);
  }

  /** The valve study: stages 5100, 6843.6 and 55.2864 t; production 57.04 % of 11,998.8864 t. */
  private static final String VALVES = testdata("valves-zh.yaml").replaceAll("(?s)\nclaimed:\n.*", "\n")
      .replace("    claimedShare: 57.04 %\n", "");

  @Test
  void claims_theValveStudysPublishedFigures_allAgree() {
    assertThat(calc(testdata("valves-zh.yaml")).findings()).extracting(Finding::code)
        .doesNotContain("CLAIM_MISMATCH", "CLAIM_INCONSISTENT");
  }

  @Test
  void claims_onStageSubtotalsAndShares_matchWhenRight() {
    String yaml = VALVES + "claimed:\n  stages: {raw-materials: 5100 tCO2e, production: 6843.6 tCO2e}\n"
        + "  shares: {production: 57.04 %, distribution: 0.46 %}\n";
    assertThat(findings(yaml.replace("    factor: grid\n", "    factor: grid\n    claimedShare: 57.04 %\n"), "CLAIM_MISMATCH"))
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      'stages: {production: 6900 tCO2e}'    | claimed.stages.production | claimed emissions of stage production 6900 tCO2e does not match the recomputed 6843.60 tCO2e
      'shares: {raw-materials: 45.00 %}'    | claimed.shares.raw-materials | claimed share of stage raw-material acquisition 45.00 % does not match the recomputed 42.50 %
      """)
  void claims_onStageSubtotalsAndShares_wrongOnesAreFlagged(String claim, String where, String words) {
    Finding f = only(VALVES + "claimed:\n  " + claim + "\n", "CLAIM_MISMATCH");
    assertThat(f.where()).isEqualTo(where);
    assertThat(en(f)).startsWith(words);
  }

  @Test
  void claims_lineShare_wrongOneIsFlagged() {
    Finding f = only(VALVES.replace("    factor: grid\n", "    factor: grid\n    claimedShare: 60 %\n"), "CLAIM_MISMATCH");
    assertThat(f.where()).isEqualTo("inventory[1].claimedShare");
    assertThat(en(f)).startsWith("claimed share of line \"外购电力\" 60 % does not match the recomputed 57.04 %");
  }

  @Test
  void claims_totalAndPerUnitDisagreeByTen_isInconsistent() {
    // 11,998.89 t ÷ 3544 t = 3385.69 kg/t, but the report prints 338.57: its two figures differ by 10
    String yaml = VALVES + "claimed: {total: 11998.89 tCO2e, perUnit: 338.57 kgCO2e/t}\n";
    Finding f = only(yaml, "CLAIM_INCONSISTENT");
    assertThat(en(f)).startsWith("the claimed total 11998.89 tCO2e divided by the output 3544 t is 3385.69 kgCO2e/t per "
        + "declared unit, but the claimed per-unit figure is 338.57 kgCO2e/t (0.1 times as much)");
    assertThat(findings(VALVES + "claimed: {total: 11998.89 tCO2e, perUnit: 3385.69 kgCO2e/t}\n", "CLAIM_INCONSISTENT"))
        .isEmpty();
  }

  @Test
  void claims_judgedOnTheRangeThePrintedInputsAllow() {
    // 1.23 t (printed to 3 significant figures) × 2000 kg/t = 2460 kg, but 1.225 … 1.235 t and 1999.5 … 2000.5
    // kg/t allow 1.225 × 1999.5 = 2449.39 … 1.235 × 2000.5 = 2470.62 kg: a report that computed 2463.6 kg from
    // the unrounded 1.2318 t is 0.15 % off the printed figures, yet right
    String yaml = MINIMAL.replace("amount: 110 t", "amount: 1.23 t").replace("output: 100 t", "output: 1 t");
    assertThat(findings(yaml.replace("    factor: steel\n", "    factor: steel\n    claimed: 2463.6 kgCO2e\n"),
        "CLAIM_MISMATCH")).isEmpty();
    Finding f = only(yaml.replace("    factor: steel\n", "    factor: steel\n    claimed: 2480 kgCO2e\n"), "CLAIM_MISMATCH");
    assertThat(en(f)).contains("does not match the recomputed 2460.00 kgCO2e")
        .contains("the printed inputs allow 2449.39 kgCO2e to 2470.62 kgCO2e, and the claim lies outside even that range");
  }

  @Test
  void beside_biogenicAvoidedAndOffsets_neverInTheTotal() {
    Result r = calc(testdata("bio-coke-per-tonne.yaml"));
    assertThat(r.totalKgCO2e()).isCloseTo(392_640, within(1e-6)); // as without them
    var b = r.beside();
    assertThat(b.biogenicEmissionsKgCO2e()).isEqualTo(2_200_000);
    assertThat(b.biogenicRemovalsKgCO2e()).isEqualTo(5_500_000);
    assertThat(b.perUnit(b.biogenicRemovalsKgCO2e())).isEqualTo(5_500); // over 1000 t
    assertThat(b.biogenicCarbonAsCo2Kg()).isCloseTo(800 * 44.0 / 12, within(1e-9));
    assertThat(b.avoided()).containsExactly(new org.tanji.core.calc.BesideFigures.Named("替代燃煤", 1_180_000));
    assertThat(b.offsets()).containsExactly(new org.tanji.core.calc.BesideFigures.Named("CCER", 50_000));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      removals: 5500 tCO2e   | removals: -5500 tCO2e | NEGATIVE_VALUE | biogenic.removals
      removals: 5500 tCO2e   | removals: 5500 t      | UNIT_MISMATCH  | biogenic.removals
      carbonContent: 800 kg  | carbonContent: 800 kgCO2e | UNIT_MISMATCH | biogenic.carbonContent
      amount: 1180 tCO2e     | amount: 1180 t        | UNIT_MISMATCH  | avoided[0].amount
      """)
  void beside_wrongSignOrUnit_isAnError(String from, String to, String code, String where) {
    Finding f = only(testdata("bio-coke-per-tonne.yaml").replace(from, to), code);
    assertThat(f.where()).isEqualTo(where);
  }

  @Test
  void massBalance_outputHeavierThanInputs() {
    Finding f = only(MINIMAL.replace("amount: 110 t", "amount: 90 t"), "MASS_BALANCE");
    // no padding zeros: the output was typed as 100 t
    assertThat(en(f)).contains("products weigh 100 t but all raw-material inputs only 90 t").doesNotContain("100.00");
  }

  @Test
  void implausibleIntensity_bothWays() {
    assertThat(en(only(MINIMAL.replace("2000 kgCO2e/t", "2 kgCO2e/t"), "IMPLAUSIBLE_INTENSITY")))
        .contains("0.0022 kgCO₂e per kg").contains("below the plausible 0.05");
    assertThat(findings(MINIMAL.replace("2000 kgCO2e/t", "2000 tCO2e/t"), "IMPLAUSIBLE_INTENSITY")).hasSize(1);
  }

  @Test
  void claims_matchWhenRoundedOrWithinATenthOfAPercent() {
    String yaml = MINIMAL + "claimed: {total: 220 tCO2e, perUnit: 2200.4 kgCO2e, dataQuality: 4.67}\n";
    assertThat(findings(yaml, "CLAIM_MISMATCH")).isEmpty();
    Finding f = only(yaml.replace("perUnit: 2200.4 kgCO2e", "perUnit: 2.2 kgCO2e"), "CLAIM_MISMATCH");
    assertThat(f.where()).isEqualTo("claimed.perUnit");
    assertThat(en(f)).contains("factor of about 1000");
    // per-unit claims may carry the declared unit's dimension
    assertThat(findings(MINIMAL + "claimed: {perUnit: 2.2 kgCO2e/kg}\n", "CLAIM_MISMATCH")).isEmpty();
    assertThat(findings(MINIMAL + "claimed: {perUnit: 2.2 tCO2e/t}\n", "CLAIM_MISMATCH")).isEmpty();
    assertThat(findings(MINIMAL + "claimed: {perUnit: 2.2 tCO2e/kWh}\n", "UNIT_MISMATCH")).hasSize(1);
    // regression (found by StudyReaderFuzz): an error among the claims leaves no figures behind
    assertThat(calc(MINIMAL + "claimed: {total: 220 t}\n").totalKgCO2e()).isNull();
  }

  @Test
  void qualityMissing_scoresOneAndSaysWhich() {
    Result r = calc(MINIMAL.replace("    quality: {activity: continuous, calibration: compliant}\n", ""));
    Finding f = r.findings().get(0);
    assertThat(f.code()).isEqualTo("QUALITY_MISSING");
    assertThat(en(f)).contains("for activity data and calibration;");
    assertThat(r.lines().get(0).score()).isCloseTo((1 + 2 + 1) / 3.0, within(1e-12));
    // reported even when the study has errors, with everything else that is wrong
    Result withError = calc(MINIMAL.replace("    quality: {activity: continuous, calibration: compliant}\n", "")
        .replace("output: 100 t", "output: 100 kWh"));
    assertThat(withError.findings()).extracting(Finding::code).contains("UNIT_MISMATCH", "QUALITY_MISSING");
    Finding type = only(MINIMAL.replace(", type: national", ""), "QUALITY_MISSING");
    assertThat(en(type)).contains("its type is not given");
  }

  @Test
  void negativeAndZero_areRefusedWhereTheyCannotBe() {
    assertThat(only(MINIMAL.replace("output: 100 t", "output: 0 t"), "INVALID_VALUE").where()).isEqualTo("product.output");
    assertThat(only(MINIMAL.replace("amount: 110 t", "amount: -1 t"), "NEGATIVE_VALUE").where())
        .isEqualTo("inventory[0].amount");
    assertThat(only(MINIMAL.replace("2000 kgCO2e/t", "-20 kgCO2e/t"), "NEGATIVE_FACTOR").severity().id())
        .isEqualTo("warning");
  }

  @Test
  void co2OnlyFactor_isNoted() {
    assertThat(only(MINIMAL.replace("2000 kgCO2e/t", "2000 kgCO2/t"), "CO2_ONLY_FACTOR").severity().id())
        .isEqualTo("info");
  }

  @Test
  void stagesInOrderOfFirstAppearance_sharesOfTheTotal() {
    String yaml = MINIMAL.replace("factors:\n", "factors:\n  grid: {value: 1 kgCO2e/kWh, type: national}\n")
        + "  - {name: Power, stage: production, amount: 20000 kWh, factor: grid,"
        + " quality: {activity: continuous, calibration: compliant}}\n"
        + "  - {name: More steel, stage: raw-materials, amount: 10 t, factor: steel,"
        + " quality: {activity: continuous, calibration: compliant}}\n";
    Result r = calc(yaml);
    assertThat(r.stages()).extracting(s -> s.stage().id()).containsExactly("raw-materials", "production");
    assertThat(r.stages().get(0).kgCO2e()).isEqualTo(240_000);
    assertThat(r.stages().get(0).share()).isCloseTo(240.0 / 260.0, within(1e-12));
  }
}

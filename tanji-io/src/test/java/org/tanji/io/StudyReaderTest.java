package org.tanji.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanji.io.Fixtures.MINIMAL;
import static org.tanji.io.Fixtures.calc;
import static org.tanji.io.Fixtures.en;
import static org.tanji.io.Fixtures.only;
import static org.tanji.io.Fixtures.read;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tanji.core.calc.Result;
import org.tanji.core.model.Activity;
import org.tanji.core.model.Boundary;
import org.tanji.core.model.FactorType;
import org.tanji.core.model.Finding;
import org.tanji.core.model.GwpSet;
import org.tanji.core.model.Quality;
import org.tanji.core.model.Stage;
import org.tanji.core.model.Study;

final class StudyReaderTest {

  @Test
  void read_everyKeyOfTheFormat() {
    String yaml = """
        tanji: 1
        study:
          title: 锻造耐磨钢球产品碳足迹评价
          language: zh
          standards: [ISO 14067:2018, PAS 2050:2011]
          boundary: cradle-to-gate
          period: {start: 2023-01-01, end: 2023-12-31}
          gwp: AR6
        organization:
          name: 山东华民钢球股份有限公司
          address: 济南市章丘区
          creditCode: 0913701811634663822
          legalRepresentative: 侯
          industry: 39
          contact: 张
          phone: "0531"
          email: a@b.c
        product: {name: 钢球, declaredUnit: 1 t, output: 100 t, massPerUnit: 1000 kg, price: 5600, description: d}
        coproducts:
          - {name: 磨棒, output: 50 t, price: 5200, declaredUnit: 1 t, massPerUnit: 1000 kg}
        allocation: economic
        cutoff: {massShare: 0.01}
        claimed: {total: 1 tCO2e, perUnit: 2 kgCO2e, dataQuality: 4.00}
        factors:
          steel: {name: 圆钢, value: 2420 kgCO2e/t, source: CPCD, type: national, year: 2022, region: CN,
                  boundary: cradle-to-gate, note: n}
          truck: 0.074 kgCO2e/(t*km)
        inventory:
          - {name: 圆钢, stage: raw-materials, amount: 150 t, factor: steel, source: 月报, note: x,
             quality: {activity: continuous, calibration: compliant, factor: 5}, claimed: 363 tCO2e}
          - {name: 运输, stage: transport, mass: 150 t, distance: 100 km, factor: truck, dedicated: true}
          - {name: 工艺排放, stage: production, emissions: {CO2: 1 t, CH4: 0.01 t}}
          - {name: 脱模剂, stage: raw-materials, excluded: 低于 0.5 %, amount: 0.1 t}
        """;
    ReadResult r = read(yaml);
    assertThat(r.findings()).filteredOn(Finding::isError).isEmpty();
    Study s = r.study();
    assertThat(s.info().title()).isEqualTo("锻造耐磨钢球产品碳足迹评价");
    assertThat(s.info().standards()).containsExactly("ISO 14067:2018", "PAS 2050:2011");
    assertThat(s.info().boundary()).isEqualTo(Boundary.CRADLE_TO_GATE);
    assertThat(s.info().period().start()).isEqualTo(LocalDate.of(2023, 1, 1));
    assertThat(s.info().gwp()).isEqualTo(GwpSet.AR6);
    // numbers in free-text fields keep the digits as typed, leading zero included
    assertThat(s.organization().creditCode()).isEqualTo("0913701811634663822");
    assertThat(s.organization().industry()).isEqualTo("39");
    assertThat(s.product().massPerUnit().text()).isEqualTo("1000 kg");
    assertThat(s.product().price()).isEqualTo(5600);
    assertThat(s.coproducts().get(0).price()).isEqualTo(5200);
    assertThat(s.cutoffMassShare()).isEqualTo(0.01);
    assertThat(s.claims().dataQuality().toPlainString()).isEqualTo("4.00");
    assertThat(s.factors().get("steel").type()).isEqualTo(FactorType.NATIONAL);
    assertThat(s.factors().get("steel").year()).isEqualTo(2022);
    assertThat(s.factors().get("truck").value().text()).isEqualTo("0.074 kgCO2e/(t*km)");
    assertThat(s.inventory()).hasSize(4);
    assertThat(s.inventory().get(0).quality()).isEqualTo(new Quality(Quality.ActivityLevel.CONTINUOUS,
        Quality.Calibration.COMPLIANT, 5));
    assertThat(s.inventory().get(0).source()).isEqualTo("月报");
    assertThat(s.inventory().get(1).activity()).isInstanceOf(Activity.Transport.class);
    assertThat(s.inventory().get(1).dedicated()).isTrue();
    assertThat(s.inventory().get(2).activity()).isInstanceOfSatisfying(Activity.Emissions.class,
        e -> assertThat(e.gases()).containsOnlyKeys("CO2", "CH4"));
    assertThat(s.inventory().get(3).activity()).isInstanceOfSatisfying(Activity.Excluded.class,
        e -> assertThat(e.reason()).isEqualTo("低于 0.5 %"));
    assertThat(s.inventory().get(3).stage()).isEqualTo(Stage.RAW_MATERIALS);
  }

  @Test
  void read_jsonWithTheSameKeys() {
    String json = """
        {"tanji": 1, "study": {"title": "T", "language": "en", "boundary": "cradle-to-gate",
                              "period": {"start": "2023-01-01", "end": "2023-12-31"}},
         "product": {"name": "Steel balls", "declaredUnit": "1 t", "output": "100 t"},
         "factors": {"steel": {"value": "2000 kgCO2e/t", "type": "national"}},
         "inventory": [{"name": "Steel", "stage": "raw-materials", "amount": "110 t", "factor": "steel",
                        "quality": {"activity": "continuous", "calibration": "compliant"}}]}
        """;
    Result r = StudyFiles.read(json.getBytes(StandardCharsets.UTF_8), null, "t.json").calculate();
    assertThat(r.findings()).isEmpty();
    assertThat(r.totalKgCO2e()).isEqualTo(220_000);
  }

  @Test
  void reportBlock_readsSignersWithOrWithoutDates_andChecksDates() {
    ReadResult r = StudyFiles.read(MINIMAL + """
        report:
          number: R-1
          date: 2024-11-20
          preparedBy: {name: Wang, date: 2024-11-12}
          approvedBy: Zhao
        """, StudyFormat.YAML, "r.yaml");
    assertThat(r.findings()).noneMatch(Finding::isError);
    var report = r.study().report();
    assertThat(report.number()).isEqualTo("R-1");
    assertThat(report.date()).hasToString("2024-11-20");
    assertThat(report.preparedBy()).isEqualTo(new org.tanji.core.model.ReportInfo.Signature("Wang",
        java.time.LocalDate.of(2024, 11, 12)));
    assertThat(report.approvedBy().name()).isEqualTo("Zhao");
    assertThat(report.approvedBy().date()).isNull();
    assertThat(report.reviewedBy()).isNull();

    Finding f = only(MINIMAL + "report:\n  date: 2024-13-01\n", "INVALID_VALUE");
    assertThat(f.where()).isEqualTo("report.date");
    Finding k = only(MINIMAL + "report:\n  aprovedBy: Zhao\n", "UNKNOWN_KEY");
    assertThat(en(k)).contains("did you mean \"approvedBy\"");
  }

  @Test
  void unknownKey_suggestsTheKeyMeantAndNamesTheLine() {
    Finding f = only(MINIMAL.replace("    factor: steel", "    factor: steel\n    dedicaetd: true"), "UNKNOWN_KEY");
    assertThat(f.where()).isEqualTo("inventory[0].dedicaetd");
    assertThat(f.position().line()).isEqualTo(19);
    assertThat(en(f)).isEqualTo("unknown key \"dedicaetd\" in inventory[0]; did you mean \"dedicated\"? (line 19, column 5)");
    assertThat(f.isError()).isTrue();
  }

  @Test
  void unknownKey_topLevel_listsAllowedKeysWhenNothingIsClose() {
    Finding f = only(MINIMAL + "zzzzzzzz: 1\n", "UNKNOWN_KEY");
    assertThat(en(f)).contains("allowed here: tanji, study, organization");
  }

  @Test
  void missingBoundary_isAWarningAndTheFootprintStands() {
    String yaml = MINIMAL.replace("  boundary: cradle-to-gate\n", "");
    Finding f = only(yaml, "MISSING_VALUE");
    assertThat(f.isError()).isFalse();
    assertThat(f.where()).isEqualTo("study.boundary");
    assertThat(en(f)).startsWith("the study has no system boundary (boundary: cradle-to-gate");
    assertThat(calc(yaml).totalKgCO2e()).isEqualTo(220_000); // 110 t × 2000 kg/t
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      '[productoin, packaging]'   | study.boundary[0] | did you mean "production"?
      '[production, production]'  | study.boundary[1] | stage "production" is listed twice
      '[]'                        | study.boundary    | lists no stages
      '[production, [packaging]]' | study.boundary[1] | must be a single value
      """)
  void boundaryList_badStages_areRefusedWhereTheyAre(String boundary, String where, String words) {
    Finding f = only(MINIMAL.replace("boundary: cradle-to-gate", "boundary: " + boundary), "INVALID_VALUE");
    assertThat(f.where()).isEqualTo(where);
    assertThat(en(f)).contains(words);
  }

  @Test
  void missingProductName_isAWarning() {
    Finding f = only(MINIMAL.replace("  name: Steel balls\n", ""), "MISSING_VALUE");
    assertThat(f.isError()).isFalse();
    assertThat(f.where()).isEqualTo("product.name");
    assertThat(en(f)).startsWith("the product has no name");
  }

  @Test
  void missingValue_namesKeyPathAndLine() {
    Finding f = only(MINIMAL.replace("  output: 100 t\n", ""), "MISSING_VALUE");
    assertThat(f.where()).isEqualTo("product.output");
    assertThat(f.position().line()).isEqualTo(8);
    assertThat(en(f)).startsWith("product.output is missing");
  }

  @Test
  void parseError_hasLineAndColumn() {
    ReadResult r = read("tanji: 1\nstudy:\n  title: [unclosed\nproduct: {}\n");
    assertThat(r.study()).isNull();
    Finding f = r.findings().get(0);
    assertThat(f.code()).isEqualTo("PARSE_ERROR");
    assertThat(f.position()).isNotNull();
    assertThat(f.position().line()).isBetween(3, 5);
  }

  @Test
  void allProblemsAreReportedAtOnce() {
    String yaml = MINIMAL
        .replace("declaredUnit: 1 t", "declaredUnit: 1 tonnez")
        .replace("stage: raw-materials", "stage: raw-material")
        .replace("activity: continuous", "activity: always")
        + "  - {name: Power, stage: production, amount: 5 kwh, factor: grid}\n";
    Result r = calc(yaml);
    assertThat(r.findings()).extracting(Finding::code)
        .contains("UNKNOWN_UNIT", "INVALID_VALUE", "UNKNOWN_UNIT", "UNKNOWN_FACTOR");
    assertThat(r.findings().stream().filter(Finding::isError).count()).isGreaterThanOrEqualTo(5);
    assertThat(r.totalKgCO2e()).isNull();
    assertThat(r.findings()).extracting(Fixtures::en)
        .anySatisfy(m -> assertThat(m).contains("did you mean \"raw-materials\""))
        .anySatisfy(m -> assertThat(m).contains("did you mean \"kWh\""));
  }

  /** MINIMAL with exchange rates on line 8, after its GWP set. */
  private static String withRates(String rates) {
    return MINIMAL.replace("  gwp: AR5\n", "  gwp: AR5\n  exchangeRates: " + rates + "\n");
  }

  @Test
  void exchangeRates_asAMappingOrAsOneWorkbookCell_readAlike() {
    var map = read(withRates("{USD: 7.10 CNY, €: 7.80 元}")).study().info().exchangeRates();
    var cell = read(withRates("\"USD=7.10 CNY; €=7.80 元\"")).study().info().exchangeRates();
    assertThat(map).isEqualTo(cell);
    assertThat(map).extracting(Object::toString).containsExactly("USD: 7.10 CNY", "EUR: 7.80 元");
    assertThat(calc(withRates("{USD: 7.10 CNY}")).findings()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      {kg: 7.10 CNY}                  | INVALID_RATE     | study.exchangeRates.kg  | study.exchangeRates.kg: "kg" is not a currency; the key names the currency priced: CNY (元), USD or EUR
      {USD: 7.10 kg}                  | UNIT_MISMATCH    | study.exchangeRates.USD | study.exchangeRates.USD is "7.10 kg", which is not an amount of money; write what 1 USD is worth in another currency, e.g. 7.10 CNY
      {USD: 0 CNY}                    | INVALID_RATE     | study.exchangeRates.USD | study.exchangeRates.USD is "0 CNY"; an exchange rate must be greater than zero
      {USD: -7.10 CNY}                | INVALID_RATE     | study.exchangeRates.USD | study.exchangeRates.USD is "-7.10 CNY"; an exchange rate must be greater than zero
      {USD: 7.10 US$}                 | INVALID_RATE     | study.exchangeRates.USD | study.exchangeRates.USD is "7.10 US$", a rate of USD to itself; give what 1 USD is worth in another currency
      {USD: 7.10 CNY, US$: 7.20 CNY}  | CONFLICTING_RATE | study.exchangeRates.US$ | study.exchangeRates.US$ ("7.20 CNY") is a second rate between USD and CNY, after study.exchangeRates.USD ("7.10 CNY"); give one rate for each pair of currencies
      {USD: 7.10 CNY, CNY: 0.1408 USD} | CONFLICTING_RATE | study.exchangeRates.CNY | study.exchangeRates.CNY ("0.1408 USD") is a second rate between CNY and USD, after study.exchangeRates.USD ("7.10 CNY"); give one rate for each pair of currencies
      {USD: 7.10}                     | INVALID_QUANTITY | study.exchangeRates.USD | "7.10" has no unit
      "USD=7.10 CNY; EUR 7.80 CNY"    | INVALID_VALUE    | study.exchangeRates     | study.exchangeRates "USD=7.10 CNY; EUR 7.80 CNY" is not a list of currency=rate pairs separated by ";"; write e.g. USD=7.10 CNY; EUR=7.80 CNY
      """)
  void exchangeRates_badRate_isAFindingAtItsKeyAndLine(String rates, String code, String where, String message) {
    Finding f = only(withRates(rates), code);
    assertThat(f.isError()).isTrue();
    assertThat(f.where()).isEqualTo(where);
    assertThat(f.position().line()).isEqualTo(8);
    assertThat(en(f)).startsWith(message);
    assertThat(f.message(org.tanji.core.i18n.Messages.ZH)).isNotEqualTo(en(f));
  }

  @Test
  void exchangeRates_aRateOnItsOwnLine_isFoundThere() {
    Finding f = only(withRates("\n    USD: 7.10 CNY\n    EUR: 0 CNY"), "INVALID_RATE");
    assertThat(f.where()).isEqualTo("study.exchangeRates.EUR");
    assertThat(f.position().line()).isEqualTo(10);
  }

  @Test
  void duplicateKey_isAnErrorNamingBothLines() {
    Finding f = only(MINIMAL.replace("  output: 100 t\n", "  output: 100 t\n  output: 200 t\n"), "DUPLICATE_KEY");
    assertThat(f.position().line()).isEqualTo(12);
    assertThat(en(f)).contains("first on line 11");
  }

  @Test
  void yamlAlias_isRefused() {
    Result r = calc(MINIMAL.replace("output: 100 t", "output: &o 100 t\n  massPerUnit: *o"));
    assertThat(r.findings()).extracting(Finding::code).contains("PARSE_ERROR");
  }

  @Test
  void secondDocument_isRefused() {
    assertThat(read(MINIMAL + "---\ntanji: 1\n").findings()).extracting(Fixtures::en)
        .anySatisfy(m -> assertThat(m).contains("more than one YAML document"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   \n\n", "\uFEFF"})
  void emptyFile_isAFinding(String text) {
    ReadResult r = StudyFiles.read(text.getBytes(StandardCharsets.UTF_8), null, "e.yaml");
    assertThat(r.study()).isNull();
    assertThat(r.findings()).extracting(Finding::code).containsExactly("PARSE_ERROR");
    assertThat(en(r.findings().get(0))).contains("empty");
  }

  @Test
  void binaryFile_isAFinding() {
    byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe};
    assertThat(en(StudyFiles.read(bytes, null, "x.png").findings().get(0))).contains("not a text file");
  }

  @Test
  void gbkFile_isRecognisedAsNotUtf8() {
    byte[] gbk = MINIMAL.replace("Steel balls", "锻造耐磨钢球").getBytes(Charset.forName("GBK"));
    assertThat(en(StudyFiles.read(gbk, null, "gbk.yaml").findings().get(0))).contains("save it as UTF-8");
  }

  @Test
  void fullWidthDigitsAndUnits_areReadWithAWarning() {
    Result r = calc(MINIMAL.replace("amount: 110 t", "amount: １１０ 吨"));
    assertThat(r.totalKgCO2e()).isEqualTo(220_000);
    Finding f = r.findings().stream().filter(x -> x.code().equals("FULLWIDTH_CHARACTERS")).findFirst().orElseThrow();
    assertThat(f.severity().id()).isEqualTo("warning");
    assertThat(en(f)).contains("\"１１０ 吨\"").contains("\"110 吨\"");
  }

  @Test
  void tenMegabyteYamlLine_isAFinding() {
    String big = "x".repeat(10 * 1024 * 1024);
    ReadResult r = read(MINIMAL.replace("title: Test study", "title: " + big));
    assertThat(r.study()).isNull();
    Finding f = r.findings().get(0);
    assertThat(f.position().line()).isEqualTo(3);
    assertThat(en(f)).startsWith("line 3 is 10.0 MB long; a YAML study line may be at most 1 MB");
  }

  @Test
  void longValuesUnderTheLineLimit_areReadAndRefusedByLength() {
    String name = "钢".repeat(100_000);
    Result r = calc(MINIMAL.replace("name: Steel balls", "name: " + name));
    assertThat(r.findings()).extracting(Finding::code).containsExactly("TEXT_TOO_LONG");
    Result bad = calc(MINIMAL.replace("amount: 110 t", "amount: 110 " + "x".repeat(500_000)));
    assertThat(bad.findings()).extracting(Finding::code).contains("TEXT_TOO_LONG", "UNKNOWN_UNIT");
  }

  @Test
  void tenMegabyteJsonLine_isRead() {
    String json = "{\"tanji\": 1, \"study\": {\"title\": \"" + "x".repeat(10 * 1024 * 1024) + "\", \"language\": \"en\","
        + " \"boundary\": \"cradle-to-gate\", \"period\": {\"start\": \"2023-01-01\", \"end\": \"2023-12-31\"}},"
        + " \"product\": {\"name\": \"Steel bar\", \"declaredUnit\": \"1 t\", \"output\": \"100 t\"},"
        + " \"factors\": {\"steel\": {\"value\": \"2000 kgCO2e/t\", \"type\": \"national\"}},"
        + " \"inventory\": [{\"name\": \"Steel\", \"stage\": \"raw-materials\", \"amount\": \"110 t\","
        + " \"factor\": \"steel\", \"quality\": {\"activity\": \"continuous\", \"calibration\": \"compliant\"}}]}";
    Result r = StudyFiles.read(json.getBytes(StandardCharsets.UTF_8), StudyFormat.JSON, "big.json").calculate();
    // read to its end (JSON has no line limit); the title is far over its own limit
    assertThat(r.findings()).extracting(Finding::code, Finding::where).containsExactly(
        org.assertj.core.groups.Tuple.tuple("TEXT_TOO_LONG", "study.title"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN t", ".nan t", "-110 t", "1e309 t", "110", "t 110", "110 t t"})
  void badAmounts_areErrors(String amount) {
    Result r = calc(MINIMAL.replace("amount: 110 t", "amount: " + amount));
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.totalKgCO2e()).isNull();
    assertThat(r.findings()).filteredOn(Finding::isError).allSatisfy(f -> assertThat(f.where()).startsWith("inventory[0].amount"));
  }

  @Test
  void hugeButFiniteNumbers_overflowIsAFinding() {
    Result r = calc(MINIMAL.replace("amount: 110 t", "amount: 1e300 t").replace("2000 kgCO2e/t", "1e300 kgCO2e/t"));
    assertThat(r.findings()).extracting(Finding::code).contains("NUMBER_OUT_OF_RANGE");
  }

  @Test
  void unusedFactor_isAWarning() {
    Finding f = only(MINIMAL.replace("factors:\n", "factors:\n  grid: {value: 0.6 kgCO2e/kWh, type: national}\n"),
        "UNUSED_FACTOR");
    assertThat(f.where()).isEqualTo("factors.grid");
    assertThat(f.position().line()).isEqualTo(13);
  }

  @Test
  void lineWithTwoForms_isAConflict() {
    Finding f = only(MINIMAL.replace("amount: 110 t", "amount: 110 t\n    mass: 110 t\n    distance: 5 km"),
        "CONFLICTING_VALUES");
    assertThat(f.where()).isEqualTo("inventory[0]");
  }

  @Test
  void wrongTypes_areFindings() {
    Result r = calc(MINIMAL.replace("  - name: Steel\n", "  - name: Steel\n    dedicated: maybe\n")
        .replace("title: Test study", "title: [a, b]")
        .replace("period: {start: 2023-01-01, end: 2023-12-31}", "period: {start: 2023-13-01, end: 2023-12-31}")
        .replace("tanji: 1", "tanji: 2"));
    assertThat(r.findings()).extracting(Fixtures::en)
        .anySatisfy(m -> assertThat(m).contains("must be true or false"))
        .anySatisfy(m -> assertThat(m).contains("study.title must be a single value"))
        .anySatisfy(m -> assertThat(m).contains("write a date as YYYY-MM-DD"))
        .anySatisfy(m -> assertThat(m).contains("format version 2 is not known"));
  }

  @Test
  void findingsAreInTheStudysLanguageOnRequest() {
    Finding f = only(MINIMAL.replace("amount: 110 t", "amount: 110 kwh"), "UNKNOWN_UNIT");
    assertThat(f.message(org.tanji.core.i18n.Messages.ZH)).contains("未知单位 \"kwh\"；是否应为 \"kWh\"？");
  }

  @Test
  void excludedFalse_isRefusedNotDropped() {
    // regression: any value of `excluded` used to leave the line out, `false` included
    String yaml = MINIMAL + "  - {name: Ferro, stage: raw-materials, amount: 0.5 t, factor: steel, excluded: false}\n";
    Finding f = only(yaml, "INVALID_VALUE");
    assertThat(f.where()).isEqualTo("inventory[1].excluded");
    assertThat(en(f)).contains("must say why the input is left out");
    assertThat(calc(yaml).totalKgCO2e()).isNull();
    assertThat(calc(yaml).findings()).extracting(Finding::code).doesNotContain("CUTOFF_EXCEEDED");
  }

  @Test
  void nonMappingInventoryEntries_areFindingsNotCrashes() {
    // regression: a skipped entry shifted the calculator's arrays (ArrayIndexOutOfBounds)
    Result r = calc(MINIMAL.replace("inventory:\n", "inventory:\n  - oops\n  -\n"));
    assertThat(r.findings()).extracting(Finding::code).contains("INVALID_VALUE", "MISSING_VALUE");
    assertThat(r.totalKgCO2e()).isNull();
  }

  @Test
  void specialSpaces_areReadWithAWarning() {
    // a no-break space, as pasted from Excel or Word, and an em space
    Result r = calc(MINIMAL.replace("amount: 110 t", "amount: \u2003110\u00a0t"));
    assertThat(r.totalKgCO2e()).isEqualTo(220_000);
    assertThat(r.findings()).extracting(Finding::code).containsExactly("FULLWIDTH_CHARACTERS");
  }

  @Test
  void topLevelNotAMapping_isOneFinding() {
    ReadResult r = StudyFiles.read("[1, 2]".getBytes(StandardCharsets.UTF_8), null, "a.json");
    assertThat(r.findings()).extracting(Finding::code).containsExactly("PARSE_ERROR");
    assertThat(en(r.findings().get(0))).contains("must be a mapping of keys");
  }

  @Test
  void twoJsonValues_areNamedAsJson() {
    ReadResult r = StudyFiles.read("{\"tanji\": 1} {\"tanji\": 1}".getBytes(StandardCharsets.UTF_8), StudyFormat.JSON, "b.json");
    assertThat(r.findings()).extracting(Fixtures::en).anySatisfy(m -> assertThat(m).contains("more than one JSON value"));
  }

  /** Told from the depth this reader counts, not from words in a library's message, and the same for both formats. */
  @ParameterizedTest
  @CsvSource({"JSON, 201", "JSON, 300", "JSON, 5000", "YAML, 201", "YAML, 300", "YAML, 5000"})
  void deepNesting_isSaidInOurWords(StudyFormat format, int levels) {
    String deep = format == StudyFormat.JSON ? "{\"a\": ".repeat(levels) + "1" + "}".repeat(levels)
        : "[".repeat(levels) + "1" + "]".repeat(levels);
    ReadResult r = StudyFiles.read(deep.getBytes(StandardCharsets.UTF_8), format, "deep");
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(en(f)).startsWith("the file is nested more than 200 levels deep");
      assertThat(f.position()).isNotNull();
    });
  }

  @Test
  void nesting200Deep_isRead() {
    String deep = "[".repeat(200) + "1" + "]".repeat(200);
    ReadResult r = StudyFiles.read(deep.getBytes(StandardCharsets.UTF_8), StudyFormat.JSON, "deep.json");
    assertThat(r.findings()).extracting(Fixtures::en).noneSatisfy(m -> assertThat(m).contains("nested"));
  }

  // ---------------------------------------------------------------- text lengths

  /** The study with one line of YAML replaced. */
  private static String with(String line, String replacement) {
    assertThat(MINIMAL).contains(line);
    return MINIMAL.replace(line, replacement);
  }

  @ParameterizedTest
  @CsvSource({
      // where, the YAML line, its limit; 钢 counts as one character like a letter
      "product.name, '  name: Steel balls', 500, '  name: %s'",
      "study.title, '  title: Test study', 500, '  title: %s'",
      "inventory[0].name, '  - name: Steel', 500, '  - name: %s'",
      "product.description, '  name: Steel balls', 4000, '  name: Steel balls\n  description: %s'",
      "inventory[0].note, '    stage: raw-materials', 4000, '    stage: raw-materials\n    note: %s'",
      "inventory[0].amount, '    amount: 110 t', 500, '    amount: 1%s t'"})
  void textLength_limitIsAllowed_oneMoreIsAnError(String where, String line, int limit, String pattern) {
    String fill = "钢".repeat(limit / 2) + "x".repeat(limit - limit / 2);
    if (where.endsWith("amount")) {
      fill = "1." + "0".repeat(limit - 5); // "11.000…0 t": as long as allowed, and still 11 t
    }
    String atLimit = with(line, pattern.replace("\\n", "\n").formatted(fill));
    assertThat(Fixtures.findings(atLimit, "TEXT_TOO_LONG")).isEmpty();
    String over = with(line, pattern.replace("\\n", "\n").formatted(fill + "x"));
    Finding f = only(over, "TEXT_TOO_LONG");
    assertThat(f.where()).isEqualTo(where);
    assertThat(f.isError()).isTrue();
    assertThat(en(f)).startsWith(where + " is " + (limit + 1) + " characters long")
        .contains("at most " + limit);
    assertThat(f.position()).isNotNull();
  }

  /** A product name of 100,000 characters once read and computed fine, then broke every export. */
  @Test
  void textLength_hundredThousandCharacterName_isAnErrorNotAResult() {
    String yaml = with("  name: Steel balls", "  name: " + "x".repeat(100_000));
    Result r = calc(yaml);
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.totalKgCO2e()).isNull();
    assertThat(only(yaml, "TEXT_TOO_LONG").where()).isEqualTo("product.name");
  }

  @Test
  void textLength_longKey_isAnErrorAtTheKey() {
    String key = "k".repeat(501);
    Finding f = only(with("  steel: {value: 2000 kgCO2e/t, type: national}",
        "  steel: {value: 2000 kgCO2e/t, type: national}\n  " + key + ": {value: 1 kgCO2e/t}"), "TEXT_TOO_LONG");
    assertThat(f.where()).isEqualTo("factors");
    assertThat(en(f)).isEqualTo("a key of 501 characters under factors; a key may have at most 500: use a short key"
        + " (line 14, column 3)");
  }

  @Test
  void manyKeys_areReadInLinearTime() {
    // regression: duplicate detection and position lookup were quadratic in the size of a mapping
    StringBuilder yaml = new StringBuilder(MINIMAL.replace("factors:\n", "factors:\n"));
    StringBuilder factors = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      factors.append("  f").append(i).append(": {value: 1 kgCO2e/t, type: national}\n");
    }
    String text = yaml.toString().replace("factors:\n", "factors:\n" + factors);
    long start = System.nanoTime();
    Result r = calc(text);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(r.findings()).filteredOn(f -> f.code().equals("UNUSED_FACTOR")).hasSize(50_000)
        .allSatisfy(f -> assertThat(f.position()).isNotNull());
    assertThat(seconds).as("seconds for 50,000 factors").isLessThan(30); // quadratic took minutes
  }

  @Test
  void libraryFactors_areUsedByIdAndLocalOnesWin() {
    String yaml = MINIMAL.replace("factors:\n", "factors:\n  cn-fuel-diesel: {value: 3 tCO2e/t, type: measured}\n")
        + "  - {name: Power, stage: production, amount: 1000 kWh, factor: cn-electricity-footprint-2023,"
        + " quality: {activity: continuous, calibration: compliant}}\n"
        + "  - {name: Diesel, stage: production, amount: 1 t, factor: cn-fuel-diesel,"
        + " quality: {activity: continuous, calibration: compliant}}\n";
    Result r = calc(yaml);
    // 220000 + 1000 kWh × 0.6205 + 1 t × 3 tCO2e/t (the study's own diesel factor, not the library's 3.0959)
    assertThat(r.totalKgCO2e()).isCloseTo(220_000 + 620.5 + 3000, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(r.factors()).extracting(f -> f.id() + "=" + f.libraryId())
        .containsExactly("steel=null", "cn-electricity-footprint-2023=cn-electricity-footprint-2023", "cn-fuel-diesel=null");
    Finding f = only(yaml, "FACTOR_SHADOWS_LIBRARY");
    assertThat(f.position().line()).isEqualTo(13);
    assertThat(only(MINIMAL.replace("factor: steel", "factor: cn-electricity-footprint-2032"), "UNKNOWN_FACTOR")).isNotNull();
  }

  @Test
  void sourceMap_keysWithDots() {
    Study s = read(MINIMAL.replace("steel: {value", "cpcd.steel: {value").replace("factor: steel", "factor: cpcd.steel")).study();
    assertThat(s.source().find("factors.cpcd.steel.value")).get().extracting(p -> p.line()).isEqualTo(13);
  }

  @Test
  void sourceMap_findsNearestEnclosingKey() {
    Study s = read(MINIMAL).study();
    assertThat(s.source().find("inventory[0].quality.activity")).isPresent();
    assertThat(s.source().find("inventory[0].nothing.here")).get().extracting(p -> p.line())
        .isEqualTo(s.source().find("inventory[0]").get().line());
    assertThat(s.source().file()).contains("test.yaml");
  }

  // ------------------------------------------------------------------ uncertainty (issue 17)

  private static final String UNCERTAIN = MINIMAL.replace(
      "    quality: {activity: continuous, calibration: compliant}\n",
      "    quality: {activity: continuous, calibration: compliant}\n    uncertainty: {@U@}\n");

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "gsd: 0.9                          | INVALID_UNCERTAINTY | inventory[0].uncertainty.gsd | greater than 1",
      "gsd: 1                            | INVALID_UNCERTAINTY | inventory[0].uncertainty.gsd | greater than 1",
      "sd: -5 t                          | INVALID_UNCERTAINTY | inventory[0].uncertainty.sd  | cannot be negative",
      "sd: 5 kWh                         | UNIT_MISMATCH       | inventory[0].uncertainty.sd  | energy",
      "sd: 5                             | INVALID_QUANTITY    | inventory[0].uncertainty.sd  | unit",
      "cv: 15                            | INVALID_UNCERTAINTY | inventory[0].uncertainty.cv  | did you mean 0.15?",
      "min: 120 t, max: 100 t            | INVALID_UNCERTAINTY | inventory[0].uncertainty.min | must not exceed",
      "min: 100 t, mode: 130 t, max: 120 t | INVALID_UNCERTAINTY | inventory[0].uncertainty.mode | outside its range",
      "min: -10 t, max: 120 t            | UNCERTAINTY_SIGN    | inventory[0].uncertainty.min | below zero",
      "min: 100 t                        | MISSING_VALUE       | inventory[0].uncertainty.max | max",
      "gsd: 1.2, sd: 5 t                 | CONFLICTING_VALUES  | inventory[0].uncertainty     | one of",
      "gsd: abc                          | INVALID_VALUE       | inventory[0].uncertainty.gsd | abc",
      "gds: 1.2                          | UNKNOWN_KEY         | inventory[0].uncertainty.gds | gsd",
      "pedigree: {reliability: 2, completeness: 2, temporal: 2, geographical: 2, technological: 7}, basic: 0.0006 | INVALID_UNCERTAINTY | inventory[0].uncertainty.pedigree.technological | 1 to 5",
      "pedigree: {reliability: 2}, basic: 0.0006 | MISSING_VALUE | inventory[0].uncertainty.pedigree.completeness | completeness"})
  void uncertainty_badInput(String block, String code, String where, String message) {
    Result r = calc(UNCERTAIN.replace("@U@", block));
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.findings()).filteredOn(f -> f.code().equals(code)).first().satisfies(f -> {
      assertThat(f.where()).isEqualTo(where);
      assertThat(en(f)).contains(message);
      assertThat(f.position()).as("located in the file").isNotNull();
    });
  }

  @Test
  void uncertainty_locatedOnItsLine() {
    Finding f = only(UNCERTAIN.replace("@U@", "gsd: 0.9"), "INVALID_UNCERTAINTY");
    assertThat(f.position().line()).isEqualTo(20); // the line of `uncertainty: {gsd: 0.9}`
    assertThat(en(f)).contains("the amount of line \"Steel\"").contains("line 20");
  }

  @Test
  void uncertainty_normalBelowZero_isAWarningAndComputes() {
    Result r = calc(UNCERTAIN.replace("@U@", "sd: 60 t"));
    assertThat(r.hasErrors()).isFalse();
    assertThat(en(only(UNCERTAIN.replace("@U@", "sd: 60 t"), "UNCERTAINTY_TRUNCATED"))).contains("set to zero");
  }

  @Test
  void uncertainty_onGasLine_isRefused() {
    String yaml = MINIMAL + """
          - name: Furnace gas
            stage: production
            emissions: {CO2: 10 t}
            uncertainty: {gsd: 1.1}
        """;
    assertThat(only(yaml, "INVALID_VALUE").where()).isEqualTo("inventory[1].uncertainty");
  }

  @Test
  void uncertainty_readIntoTheModel() {
    String yaml = MINIMAL.replace("steel: {value: 2000 kgCO2e/t, type: national}",
        "steel: {value: 2000 kgCO2e/t, type: national, uncertainty: {pedigree: {reliability: 2, completeness: 3,"
            + " temporal: 1, geographical: 2, technological: 3}, basic: 0.0006}}")
        .replace("tanji: 1\n", "tanji: 1\nuncertainty: {fromQuality: true}\n") + """
          - name: Truck
            stage: transport
            mass: 110 t
            distance: 100 km
            factor: road
            uncertainty: {distance: {min: 80 km, mode: 100 km, max: 150 km}}
        """;
    yaml = yaml.replace("factors:\n", "factors:\n  road: {value: 0.074 kgCO2e/(t*km), type: national}\n");
    ReadResult read = read(yaml);
    assertThat(read.findings()).isEmpty();
    var study = read.study();
    assertThat(study.uncertaintyFromQuality()).isTrue();
    assertThat(study.factors().get("steel").uncertainty()).isEqualTo(new org.tanji.core.model.Uncertainty.Pedigree(
        new org.tanji.core.model.Uncertainty.PedigreeScores(2, 3, 1, 2, 3), 0.0006));
    var truck = study.inventory().get(1).uncertainty();
    assertThat(truck.mass()).isNull();
    assertThat(truck.distance()).isInstanceOfSatisfying(org.tanji.core.model.Uncertainty.Triangular.class,
        t -> assertThat(t.max().text()).isEqualTo("150 km"));
  }

  @Test
  void productCodes_areReadNormalized() {
    Study s = read(MINIMAL.replace("output: 100 t", "output: 100 t\n  cnCode: 7326.11.00\n  geography: cn-sd\n"
        + "  fossilCarbonContent: 6 kg")).study();
    assertThat(s.product().customsCode().digits()).isEqualTo("73261100");
    assertThat(s.product().geography().code()).isEqualTo("CN-SD");
    assertThat(s.product().fossilCarbon().inBase()).isEqualTo(6.0);
    assertThat(calc(MINIMAL.replace("output: 100 t", "output: 100 t\n  cnCode: 732611")).findings()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      'cnCode: 7326 11 0'           | product.cnCode              | product.cnCode is "7326 11 0"; write the product's customs code as 8 digits (CN, e.g. 7326 11 00) or 6 digits (HS, e.g. 7326 11)
      'cnCode: 7326-11-00'          | product.cnCode              | product.cnCode is "7326-11-00"; write the product's customs code as 8 digits
      'geography: China'            | product.geography           | product.geography is "China"; write an ISO 3166 country code (CN) or a subdivision code (CN-SD)
      'geography: XX-SD'            | product.geography           | product.geography is "XX-SD"
      'fossilCarbonContent: 6 kWh'  | product.fossilCarbonContent | product.fossilCarbonContent is "6 kWh"; write the mass of carbon in one declared unit, not negative, e.g. 6 kg
      'fossilCarbonContent: -6 kg'  | product.fossilCarbonContent | product.fossilCarbonContent is "-6 kg"
      """)
  void productCodes_badValue_isAnErrorAtItsKey(String line, String where, String message) {
    Finding f = only(MINIMAL.replace("output: 100 t", "output: 100 t\n  " + line), "INVALID_VALUE");
    assertThat(f.where()).isEqualTo(where);
    assertThat(f.isError()).isTrue();
    assertThat(en(f)).startsWith(message);
    assertThat(f.position()).isNotNull();
  }
}

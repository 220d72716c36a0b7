package org.tanji.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Study;
import org.tanji.io.library.FactorLibrary;
import org.tanji.io.StudyDiff.Change;
import org.tanji.io.StudyDiff.Kind;

/**
 * What the version history says changed between two studies. Every expected value can be checked by
 * reading the two YAML texts side by side.
 */
class StudyDiffTest {

  private static final Path EXAMPLES = Path.of("../examples");

  private static final String HEAD = """
      tanji: 1
      study:
        title: Steel balls 2023
        period: {start: 2023-01-01, end: 2023-12-31}
      product:
        name: Steel balls
        declaredUnit: 1 t
        output: 100 t
      factors:
        steel: {name: Round steel, value: 2420 kgCO2e/t, type: national}
        truck: {value: 0.074 kgCO2e/(t*km), type: national}
        grid: {value: 0.6205 tCO2e/MWh, type: regional}
      """;

  private static final String STEEL = """
        - name: Round steel
          stage: raw-materials
          amount: 110 t
          factor: steel
      """;
  private static final String TRANSPORT = """
        - name: Steel transport
          stage: transport
          mass: 110 t
          distance: 1000 km
          factor: truck
      """;
  private static final String ELECTRICITY = """
        - name: Electricity
          stage: production
          amount: 5000 kWh
          factor: grid
          quality: {activity: periodic, calibration: compliant}
      """;
  private static final String BAGS = """
        - name: Bulk bags
          stage: packaging
          amount: 2 t
          factor: steel
      """;

  /** The study most tests start from: three lines, round steel, its transport and electricity. */
  private static final String BASE = HEAD + "inventory:\n" + STEEL + TRANSPORT + ELECTRICITY;

  // ---- the examples ----

  @Test
  void seedExamplesReportExactlyWhatTheFilesDiffer() throws IOException {
    Study balls = example("seed-003-steel-balls.yaml");
    Study published = example("seed-003-transport-in-km.yaml");

    List<Change> expected = List.of(
        changed("study", "", "title", "锻造耐磨钢球产品碳足迹评价", "锻造耐磨钢球产品碳足迹评价（按已发布报告）"),
        removed("organization", "", "industry", "生产和销售选矿用锻造钢球、磨棒"),
        removed("product", "", "cnCode", "7326 11 00"),
        removed("product", "", "geography", "CN-SD"),
        removed("factors", "round-steel", "year", "2022"),
        changed("factors", "road-freight", "name", "道路货运 (平均)", "货运公里载重"),
        removed("factors", "grid", "year", "2023"),
        changed("factors", "pp-bag", "name", "PP 塑料编织吨袋", "吨袋"),
        changed("factors", "pp-bag", "value", "2510 kgCO2e/t", "2510 kgCO2/t"),
        // the published version has no evidence list; nothing precedes them, so they come first
        removed("evidence", "企业营业执照", "", "企业营业执照"),
        removed("evidence", "企业简介", "", "企业简介"),
        removed("evidence", "组织机构图", "", "组织机构图"),
        removed("evidence", "厂区布局图", "", "厂区布局图"),
        removed("evidence", "生产运行统计", "", "生产运行统计"),
        removed("evidence", "产品包装材料及包装材料消耗量统计表", "", "产品包装材料及包装材料消耗量统计表"),
        removed("evidence", "财务发票", "", "财务发票"),
        removed("evidence", "产品原材料运输距离", "", "产品原材料运输距离"),
        removed("evidence", "现场访问名单表", "", "现场访问名单表"),
        added("inventory", "圆钢", "quality.factor", "1"),
        added("inventory", "圆钢", "claimed", "107375.25 tCO2e"),
        removed("inventory", "圆钢", "source", "《生产运行统计》"),
        // mass × distance became a bare distance
        added("inventory", "圆钢运输", "amount", "1000 km"),
        removed("inventory", "圆钢运输", "mass", "44369.94 t"),
        removed("inventory", "圆钢运输", "distance", "1000 km"),
        added("inventory", "圆钢运输", "claimed", "0.07 tCO2e"),
        removed("inventory", "圆钢运输", "source", "产品原材料运输距离"),
        added("inventory", "电力", "claimed", "12170.13 tCO2e"),
        removed("inventory", "电力", "source", "《耗能统计表》"),
        added("inventory", "吨袋", "claimed", "164.10 tCO2e"),
        removed("inventory", "吨袋", "source", "《产品包装材料及包装材料消耗量统计表》"),
        added("claims", "", "total", "119709.55 tCO2e"),
        added("claims", "", "perUnit", "2746.55 kgCO2e"),
        added("claims", "", "dataQuality", "4.00"));
    assertThat(StudyDiff.between(balls, published)).containsExactlyElementsOf(expected);
  }

  @Test
  void swappingTheVersionsSwapsAddedAndRemoved() throws IOException {
    Study balls = example("seed-003-steel-balls.yaml");
    Study published = example("seed-003-transport-in-km.yaml");

    List<Change> mirrored = StudyDiff.between(balls, published).stream()
        .map(c -> new Change(c.kind() == Kind.ADDED ? Kind.REMOVED : c.kind() == Kind.REMOVED ? Kind.ADDED : c.kind(),
            c.section(), c.subject(), c.field(), c.after(), c.before()))
        .toList();
    assertThat(StudyDiff.between(published, balls)).containsExactlyInAnyOrderElementsOf(mirrored);
  }

  @Test
  void identicalStudiesHaveNoChanges() throws IOException {
    assertThat(StudyDiff.between(example("seed-003-steel-balls.yaml"), example("seed-003-steel-balls.yaml")))
        .isEmpty();
    assertThat(StudyDiff.between(example("two-products-mass-allocation.yaml"),
        example("two-products-mass-allocation.yaml"))).isEmpty();
    Study base = read(BASE);
    assertThat(StudyDiff.between(base, base)).isEmpty();
    assertThat(StudyDiff.between(null, null)).isEmpty();
  }

  // ---- values of a line ----

  @Test
  void changedAmount() {
    Study after = read(BASE.replace("amount: 110 t", "amount: 112.5 t"));

    assertThat(StudyDiff.between(read(BASE), after))
        .containsExactly(changed("inventory", "Round steel", "amount", "110 t", "112.5 t"));
  }

  @Test
  void aValueTypedDifferentlyIsAChangeEvenWhenItMeansTheSame() {
    Study after = read(BASE.replace("amount: 110 t", "amount: 110.0 t").replace("5000 kWh", "5 MWh"));

    assertThat(StudyDiff.between(read(BASE), after)).containsExactly(
        changed("inventory", "Round steel", "amount", "110 t", "110.0 t"),
        changed("inventory", "Electricity", "amount", "5000 kWh", "5 MWh"));
  }

  @Test
  void renamedLineIsOneChangeOfItsName() {
    Study after = read(BASE.replace("name: Steel transport", "name: Steel haulage"));

    assertThat(StudyDiff.between(read(BASE), after))
        .containsExactly(changed("inventory", "Steel haulage", "name", "Steel transport", "Steel haulage"));
  }

  @Test
  void renamedLineKeepsItsOtherChanges() {
    Study after = read(BASE.replace("name: Steel transport", "name: Steel haulage")
        .replace("distance: 1000 km", "distance: 800 km"));

    assertThat(StudyDiff.between(read(BASE), after)).containsExactly(
        changed("inventory", "Steel haulage", "name", "Steel transport", "Steel haulage"),
        changed("inventory", "Steel haulage", "distance", "1000 km", "800 km"));
  }

  @Test
  void lineMovedToAnotherStageIsMatchedByName() {
    Study after = read(BASE.replace("stage: production", "stage: packaging"));

    assertThat(StudyDiff.between(read(BASE), after))
        .containsExactly(changed("inventory", "Electricity", "stage", "production", "packaging"));
  }

  @Test
  void changedQualityLevel() {
    Study after = read(BASE.replace("{activity: periodic, calibration: compliant}",
        "{activity: continuous, calibration: compliant, factor: 3}"));

    assertThat(StudyDiff.between(read(BASE), after)).containsExactly(
        changed("inventory", "Electricity", "quality.activity", "periodic", "continuous"),
        added("inventory", "Electricity", "quality.factor", "3"));
  }

  @Test
  void qualityLeftOut() {
    Study after = read(BASE.replace("    quality: {activity: periodic, calibration: compliant}\n", ""));

    assertThat(StudyDiff.between(read(BASE), after)).containsExactly(
        removed("inventory", "Electricity", "quality.activity", "periodic"),
        removed("inventory", "Electricity", "quality.calibration", "compliant"));
  }

  @Test
  void lineExcludedInsteadOfCounted() {
    Study after = read(BASE.replace("amount: 110 t", "amount: 110 t\n    excluded: below cut-off"));

    assertThat(StudyDiff.between(read(BASE), after))
        .containsExactly(added("inventory", "Round steel", "excluded", "below cut-off"));
  }

  @Test
  void gasesOfAnEmissionsLineComparedOneByOne() {
    String head = HEAD.replace("  period:", "  gwp: AR5\n  period:");
    String gases = """
          - name: Process emissions
            stage: production
            emissions: {CH4: 1.2 t, N2O: 0.1 t}
        """;
    Study before = read(head + "inventory:\n" + STEEL + gases);
    Study after = read(head + "inventory:\n" + STEEL
        + gases.replace("{CH4: 1.2 t, N2O: 0.1 t}", "{CH4: 1.5 t, CO2: 3 t}"));

    assertThat(StudyDiff.between(before, after)).containsExactly(
        changed("inventory", "Process emissions", "emissions.CH4", "1.2 t", "1.5 t"),
        removed("inventory", "Process emissions", "emissions.N2O", "0.1 t"),
        added("inventory", "Process emissions", "emissions.CO2", "3 t"));
  }

  // ---- lines added, removed, moved ----

  @Test
  void addedAndRemovedLine() {
    // Steel transport is gone, Bulk bags comes first: the removal is reported after Round steel,
    // the line that preceded it
    Study after = read(HEAD + "inventory:\n" + BAGS + STEEL + ELECTRICITY);

    assertThat(StudyDiff.between(read(BASE), after)).containsExactly(
        added("inventory", "Bulk bags", "", "2 t × steel"),
        removed("inventory", "Steel transport", "", "110 t × 1000 km × truck"));
  }

  @Test
  void removedFirstLineComesFirst() {
    Study after = read(HEAD + "inventory:\n" + TRANSPORT + ELECTRICITY + BAGS);

    assertThat(StudyDiff.between(read(BASE), after)).containsExactly(
        removed("inventory", "Round steel", "", "110 t × steel"),
        added("inventory", "Bulk bags", "", "2 t × steel"));
  }

  @Test
  void lineInThePlaceOfAnotherIsReadAsThatLineChanged() {
    // no name matches, so the lines pair by position (both follow Round steel)
    Study after = read(HEAD + "inventory:\n" + STEEL + BAGS + ELECTRICITY);

    assertThat(StudyDiff.between(read(BASE), after)).containsExactly(
        changed("inventory", "Bulk bags", "name", "Steel transport", "Bulk bags"),
        changed("inventory", "Bulk bags", "stage", "transport", "packaging"),
        added("inventory", "Bulk bags", "amount", "2 t"),
        changed("inventory", "Bulk bags", "factor", "truck", "steel"),
        removed("inventory", "Bulk bags", "mass", "110 t"),
        removed("inventory", "Bulk bags", "distance", "1000 km"));
  }

  @Test
  void reorderedInventoryIsNoChange() {
    Study after = read(HEAD + "inventory:\n" + ELECTRICITY + TRANSPORT + STEEL);

    assertThat(StudyDiff.between(read(BASE), after)).isEmpty();
  }

  @Test
  void reorderedFactorsAreNoChange() {
    String factors = """
          steel: {name: Round steel, value: 2420 kgCO2e/t, type: national}
          truck: {value: 0.074 kgCO2e/(t*km), type: national}
          grid: {value: 0.6205 tCO2e/MWh, type: regional}
        """;
    String reordered = """
          grid: {value: 0.6205 tCO2e/MWh, type: regional}
          steel: {name: Round steel, value: 2420 kgCO2e/t, type: national}
          truck: {value: 0.074 kgCO2e/(t*km), type: national}
        """;
    assertThat(BASE).contains(factors);

    assertThat(StudyDiff.between(read(BASE), read(BASE.replace(factors, reordered)))).isEmpty();
  }

  // ---- duplicate names ----

  private static final String POWER_A = ELECTRICITY;
  private static final String POWER_B = ELECTRICITY.replace("5000 kWh", "3000 kWh");

  @Test
  void duplicateNamesPairInFileOrder() {
    Study before = read(HEAD + "inventory:\n" + STEEL + POWER_A + POWER_B);
    Study after = read(HEAD + "inventory:\n" + STEEL + POWER_A + POWER_B.replace("3000 kWh", "3500 kWh"));

    assertThat(StudyDiff.between(before, after))
        .containsExactly(changed("inventory", "Electricity", "amount", "3000 kWh", "3500 kWh"));
  }

  @Test
  void removingTheSecondOfTwoEqualNamesRemovesTheSecond() {
    Study before = read(HEAD + "inventory:\n" + STEEL + POWER_A + POWER_B);
    Study after = read(HEAD + "inventory:\n" + STEEL + POWER_A);

    assertThat(StudyDiff.between(before, after))
        .containsExactly(removed("inventory", "Electricity", "", "3000 kWh × grid"));
  }

  @Test
  void equalNamesInDifferentStagesPairByStage() {
    String packaging = POWER_B.replace("stage: production", "stage: packaging");
    Study before = read(HEAD + "inventory:\n" + STEEL + POWER_A + packaging);
    Study after = read(HEAD + "inventory:\n" + packaging + STEEL + POWER_A);

    assertThat(StudyDiff.between(before, after)).isEmpty();
  }

  // ---- factors, product and the other blocks ----

  @Test
  void changedFactorValue() {
    Study after = read(BASE.replace("0.6205 tCO2e/MWh", "0.5703 tCO2e/MWh"));

    assertThat(StudyDiff.between(read(BASE), after))
        .containsExactly(changed("factors", "grid", "value", "0.6205 tCO2e/MWh", "0.5703 tCO2e/MWh"));
  }

  @Test
  void renamedFactorKeyIsARemovalAndAnAddition() {
    Study after = read(BASE.replace("truck: {", "lorry: {").replace("factor: truck", "factor: lorry"));

    assertThat(StudyDiff.between(read(BASE), after)).containsExactly(
        removed("factors", "truck", "", "0.074 kgCO2e/(t*km)"),
        added("factors", "lorry", "", "0.074 kgCO2e/(t*km)"),
        changed("inventory", "Steel transport", "factor", "truck", "lorry"));
  }

  @Test
  void changedProductOutput() {
    Study after = read(BASE.replace("output: 100 t", "output: 98.5 t\n  price: 3500.00"));

    assertThat(StudyDiff.between(read(BASE), after)).containsExactly(
        changed("product", "", "output", "100 t", "98.5 t"),
        added("product", "", "price", "3500"));
  }

  @Test
  void blocksCoproductsEvidenceAllocationCutoffAndReport() throws IOException {
    String text = Files.readString(EXAMPLES.resolve("two-products-mass-allocation.yaml"));
    String edited = replaceOnce(text, "standards: [ISO 14067:2018]", "standards: [ISO 14067:2018, PAS 2050:2011]");
    edited = replaceOnce(edited, "  name: Example Forging Co.\n",
        "  name: Example Forging Co.\n  email: info@example.com\n");
    edited = replaceOnce(edited, "  - {name: Grinding bars, output: 10000 t}\n",
        "  - {name: Grinding bars, output: 12000 t, price: 2800}\n  - {name: Bar ends, output: 50 t}\n");
    edited = replaceOnce(edited, "allocation: mass", "allocation: economic");
    edited = replaceOnce(edited, "preparedBy: {name: Wang, date: 2024-11-12}", "preparedBy: Wang");
    edited = replaceOnce(edited, "approvedBy: Zhao", "approvedBy: {name: Zhao, date: 2024-11-21}");
    edited += "cutoff: {massShare: 0.01}\nevidence:\n  - {title: Invoices, reference: INV-2023}\n";

    assertThat(StudyDiff.between(read(text), read(edited))).containsExactly(
        changed("study", "", "standards", "ISO 14067:2018", "ISO 14067:2018, PAS 2050:2011"),
        added("organization", "", "email", "info@example.com"),
        added("evidence", "Invoices", "", "Invoices"),
        changed("coproducts", "Grinding bars", "output", "10000 t", "12000 t"),
        added("coproducts", "Grinding bars", "price", "2800"),
        added("coproducts", "Bar ends", "", "50 t"),
        changed("allocation", "", "", "mass", "economic"),
        added("cutoff", "", "massShare", "0.01"),
        removed("report", "", "preparedBy.date", "2024-11-12"),
        added("report", "", "approvedBy.date", "2024-11-21"));
  }

  // ---- a version without data ----

  @Test
  void nullStudyOnOneSideAddsOrRemovesEverything() {
    Study base = read(BASE);
    List<Change> added = List.of(
        added("study", "", "title", "Steel balls 2023"),
        added("study", "", "period.start", "2023-01-01"),
        added("study", "", "period.end", "2023-12-31"),
        added("product", "", "name", "Steel balls"),
        added("product", "", "declaredUnit", "1 t"),
        added("product", "", "output", "100 t"),
        added("factors", "steel", "", "2420 kgCO2e/t"),
        added("factors", "truck", "", "0.074 kgCO2e/(t*km)"),
        added("factors", "grid", "", "0.6205 tCO2e/MWh"),
        added("inventory", "Round steel", "", "110 t × steel"),
        added("inventory", "Steel transport", "", "110 t × 1000 km × truck"),
        added("inventory", "Electricity", "", "5000 kWh × grid"));
    assertThat(StudyDiff.between(null, base)).containsExactlyElementsOf(added);

    List<Change> removed = added.stream()
        .map(c -> new Change(Kind.REMOVED, c.section(), c.subject(), c.field(), c.after(), null))
        .toList();
    assertThat(StudyDiff.between(base, null)).containsExactlyElementsOf(removed);
  }

  // ---- helpers ----

  private static Change added(String section, String subject, String field, String after) {
    return new Change(Kind.ADDED, section, subject, field, null, after);
  }

  private static Change removed(String section, String subject, String field, String before) {
    return new Change(Kind.REMOVED, section, subject, field, before, null);
  }

  private static Change changed(String section, String subject, String field, String before, String after) {
    return new Change(Kind.CHANGED, section, subject, field, before, after);
  }

  private static String replaceOnce(String text, String from, String to) {
    assertThat(text.split(Pattern.quote(from), -1)).as("occurrences of %s", from).hasSize(2);
    return text.replace(from, to);
  }

  private static Study example(String name) throws IOException {
    return read(Files.readString(EXAMPLES.resolve(name)));
  }

  /** Reads a study, making sure the text is a study without errors (so a typo in a test cannot pass). */
  private static Study read(String yaml) {
    ReadResult r = StudyFiles.read(yaml.getBytes(StandardCharsets.UTF_8), StudyFormat.YAML, "study.yaml",
        FactorLibrary.builtIn());
    assertThat(r.findings().stream().filter(Finding::isError).map(f -> f.where() + " " + f.code()).toList())
        .as("errors reading the study").isEmpty();
    assertThat(r.study()).isNotNull();
    return r.study();
  }
}

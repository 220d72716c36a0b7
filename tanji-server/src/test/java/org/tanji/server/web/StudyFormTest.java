package org.tanji.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tanji.core.calc.Result;
import org.tanji.io.StudyFiles;
import org.tanji.io.StudyFormat;
import org.tanji.io.library.FactorLibrary;

/** The editor's form over a study file: what it shows, and what saving it writes. */
class StudyFormTest {

  static byte[] example(String name) throws Exception {
    return Files.readAllBytes(Path.of("..", "examples", name));
  }

  static Result compute(byte[] yaml) {
    return StudyFiles.read(yaml, StudyFormat.YAML, "study.yaml", FactorLibrary.builtIn()).calculate();
  }

  @Test
  void theFormUnchangedWritesTheSameStudy() throws Exception {
    byte[] original = example("seed-003-steel-balls.yaml");
    ObjectNode tree = StudyForm.parse(original, "yaml").orElseThrow();
    StudyForm.Values v = StudyForm.of(tree);
    assertThat(v.scalars()).containsEntry("product.output", "43585.4 t").containsEntry("study.period.start", "2023-01-01")
        .containsEntry("study.standards", "ISO 14067:2018, PAS 2050:2011")
        .containsEntry("organization.creditCode", "913701811634663822")
        .containsEntry("product.cnCode", "7326 11 00").containsEntry("product.geography", "CN-SD");
    assertThat(v.lines()).hasSize(4);
    assertThat(v.lines().get(1).values()).containsEntry("mass", "44369.94 t").containsEntry("distance", "1000 km")
        .containsEntry("activity", "estimated").containsEntry("source", "产品原材料运输距离");
    byte[] written = StudyForm.yaml(StudyForm.apply(tree, v));
    Result before = compute(original);
    Result after = compute(written);
    assertThat(after.perUnitKgCO2e()).isEqualTo(before.perUnitKgCO2e());
    assertThat(after.dataQuality()).isEqualTo(before.dataQuality());
    assertThat(after.findings()).hasSameSizeAs(before.findings());
    String text = new String(written, StandardCharsets.UTF_8);
    assertThat(text).contains("企业营业执照", "《生产运行统计》", "913701811634663822", "cnCode: 7326 11 00");
  }

  @Test
  void rowsAreTheFormsOrderAndKeepWhatTheFormDoesNotShow() throws Exception {
    ObjectNode tree = StudyForm.parse(example("seed-003-steel-balls.yaml"), "yaml").orElseThrow();
    StudyForm.Values v = StudyForm.of(tree);
    List<StudyForm.Line> lines = new ArrayList<>(v.lines());
    StudyForm.Line bags = lines.remove(3); // 吨袋 first, 电力 removed, a new line at the end
    lines.add(0, bags);
    lines.remove(3);
    Map<String, String> fresh = new LinkedHashMap<>();
    StudyForm.LINE_FIELDS.keySet().forEach(k -> fresh.put(k, ""));
    fresh.put("name", "天然气");
    fresh.put("stage", "production");
    fresh.put("amount", "12 10^4Nm3");
    fresh.put("factor", "grid");
    lines.add(new StudyForm.Line("", fresh, ""));
    Map<String, String> empty = new LinkedHashMap<>(fresh);
    empty.replaceAll((k, x) -> "");
    lines.add(new StudyForm.Line("", empty, "")); // added and never filled in: dropped
    ObjectNode out = StudyForm.apply(tree, new StudyForm.Values(v.scalars(), v.factors(), lines));
    assertThat(out.get("inventory")).hasSize(4);
    assertThat(out.at("/inventory/0/name").asText()).isEqualTo("吨袋");
    assertThat(out.at("/inventory/0/source").asText()).isEqualTo("《产品包装材料及包装材料消耗量统计表》");
    assertThat(out.at("/inventory/2/name").asText()).isEqualTo("圆钢运输");
    assertThat(out.at("/inventory/3/amount").asText()).isEqualTo("12 10^4Nm3");
    assertThat(out.at("/inventory/3").has("quality")).isFalse();
    assertThat(out.get("evidence")).hasSize(9);
  }

  @Test
  void emptiedFieldsAreRemovedAndTheirBlocksWithThem() throws Exception {
    ObjectNode tree = StudyForm.parse(example("seed-003-steel-balls.yaml"), "yaml").orElseThrow();
    StudyForm.Values v = StudyForm.of(tree);
    Map<String, String> scalars = new LinkedHashMap<>(v.scalars());
    scalars.put("organization.name", "");
    scalars.put("organization.address", "");
    scalars.put("organization.creditCode", "");
    scalars.put("organization.industry", "");
    scalars.put("claimed.total", "119709.55 tCO2e");
    Map<String, String> line = new LinkedHashMap<>(v.lines().get(0).values());
    line.put("activity", "");
    line.put("calibration", "");
    List<StudyForm.Line> lines = new ArrayList<>(v.lines());
    lines.set(0, new StudyForm.Line("0", line, ""));
    ObjectNode out = StudyForm.apply(tree, new StudyForm.Values(scalars, v.factors(), lines));
    assertThat(out.has("organization")).isFalse();
    assertThat(out.at("/inventory/0").has("quality")).isFalse();
    assertThat(out.at("/claimed/total").asText()).isEqualTo("119709.55 tCO2e");
    List<String> keys = new ArrayList<>();
    out.fieldNames().forEachRemaining(keys::add);
    assertThat(keys.indexOf("claimed")).isLessThan(keys.indexOf("inventory")); // a new block before the lines
  }

  @Test
  void factorKeysMustBeGivenAndUnique() {
    Map<String, String> a = Map.of("key", "grid", "name", "", "value", "0.5 kgCO2e/kWh", "type", "", "source", "",
        "year", "");
    Map<String, String> b = Map.of("key", " grid ", "name", "", "value", "0.6 kgCO2e/kWh", "type", "", "source", "",
        "year", "");
    Map<String, String> c = Map.of("key", "", "name", "Steam", "value", "", "type", "", "source", "", "year", "");
    Map<String, String> blank = Map.of("key", "", "name", "", "value", "", "type", "", "source", "", "year", "");
    StudyForm.Values v = new StudyForm.Values(Map.of(), List.of(new StudyForm.FactorRow("", a),
        new StudyForm.FactorRow("", b), new StudyForm.FactorRow("", c), new StudyForm.FactorRow("", blank)), List.of());
    List<StudyForm.Problem> problems = StudyForm.problems(v);
    assertThat(problems).extracting(StudyForm.Problem::field).containsExactly("factors#1.key", "factors#2.key");
    assertThat(problems.get(0).args()).containsExactly("grid", 1, 2);
  }

  @Test
  void aShorthandFactorStaysShortUnlessMoreIsGiven() throws Exception {
    ObjectNode tree = StudyForm.parse("tanji: 1\nfactors:\n  grid: 0.6205 tCO2e/MWh\n  coal: 2.5 tCO2e/t\ninventory: []\n"
        .getBytes(StandardCharsets.UTF_8), "yaml").orElseThrow();
    StudyForm.Values v = StudyForm.of(tree);
    assertThat(v.factors()).hasSize(2);
    Map<String, String> coal = new LinkedHashMap<>(v.factors().get(1).values());
    coal.put("type", "national");
    coal.put("year", "2022");
    StudyForm.Values edited = new StudyForm.Values(v.scalars(), List.of(v.factors().get(0),
        new StudyForm.FactorRow("coal", coal)), v.lines());
    String yaml = new String(StudyForm.yaml(StudyForm.apply(tree, edited)), StandardCharsets.UTF_8);
    assertThat(yaml).contains("grid: 0.6205 tCO2e/MWh").contains("type: national").contains("year: 2022");
  }

  @Test
  void aNewStudyStartsWithTheFormatVersionAndTheLanguage() {
    ObjectNode blank = StudyForm.blank(Locale.SIMPLIFIED_CHINESE);
    assertThat(blank.get("tanji").asInt()).isEqualTo(1);
    assertThat(blank.at("/study/language").asText()).isEqualTo("zh");
    assertThat(StudyForm.parse("- a list".getBytes(StandardCharsets.UTF_8), "yaml")).isEmpty();
    assertThat(StudyForm.parse("a: [".getBytes(StandardCharsets.UTF_8), "yaml")).isEmpty();
  }

  @Test
  void aListedBoundaryAndTheStudysOwnGwpTable_surviveTheForm() {
    ObjectNode tree = StudyForm.parse(("tanji: 1\nstudy:\n  boundary: [production, distribution]\n"
        + "  gwp: {CH4: 30, N2O: 300}\ninventory: []\n").getBytes(StandardCharsets.UTF_8), "yaml").orElseThrow();
    StudyForm.Values v = StudyForm.of(tree);
    String yaml = new String(StudyForm.yaml(StudyForm.apply(tree, v)), StandardCharsets.UTF_8);
    assertThat(yaml).contains("- production").contains("- distribution").contains("CH4: 30")
        .contains("N2O: 300");
    // chosen anew in the form, the named boundary replaces the list
    java.util.Map<String, String> scalars = new java.util.LinkedHashMap<>(v.scalars());
    scalars.put("study.boundary", "cradle-to-gate");
    String chosen = new String(StudyForm.yaml(StudyForm.apply(tree, new StudyForm.Values(scalars, v.factors(),
        v.lines()))), StandardCharsets.UTF_8);
    assertThat(chosen).contains("boundary: cradle-to-gate").doesNotContain("distribution");
  }

  @Test
  void everyFieldOfTheForm_isAKeyOfTheFormat() {
    assertThat(StudyForm.SCALARS).allMatch(org.tanji.io.StudyKeys.PATHS::contains);
    assertThat(StudyForm.LINE_FIELDS.values()).allMatch(p -> org.tanji.io.StudyKeys.PATHS.contains("inventory[]." + p));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.tanji.io.StudyKeys.require("study.titel"))
        .hasMessageContaining("study.titel");
  }
}

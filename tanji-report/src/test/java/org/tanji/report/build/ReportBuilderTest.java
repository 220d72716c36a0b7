package org.tanji.report.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tanji.core.calc.Result;
import org.tanji.io.ReadResult;
import org.tanji.io.StudyFiles;
import org.tanji.io.StudyFormat;
import org.tanji.report.model.Block;
import org.tanji.report.model.ReportDocument;

/**
 * The report's content for the faults a valve maker's published report showed (issue 14), from a
 * study of the same shape ({@code testdata/valves-zh.yaml}, figures checkable by hand there), in
 * Chinese and in English.
 */
final class ReportBuilderTest {

  private static final String VALVES = read(Path.of("..", "testdata", "valves-zh.yaml"));

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ReportDocument build(String yaml, String lang) {
    ReadResult read = StudyFiles.read(yaml, StudyFormat.YAML, "valves.yaml");
    Result result = read.calculate();
    assertThat(result.hasErrors()).as(result.findings().toString()).isFalse();
    return ReportBuilder.build(read.study(), result, Locale.forLanguageTag(lang));
  }

  /** Every text of the document, cell by cell and sentence by sentence. */
  private static List<String> texts(ReportDocument doc) {
    List<String> out = new ArrayList<>();
    doc.cover().facts().forEach(f -> out.add(f.value()));
    for (Block b : doc.blocks()) {
      if (b instanceof Block.Paragraph p) {
        out.add(p.text());
      } else if (b instanceof Block.Note n) {
        out.add(n.text());
      } else if (b instanceof Block.ItemList l) {
        out.addAll(l.items());
      } else if (b instanceof Block.Formula f) {
        out.addAll(f.legend());
      } else if (b instanceof Block.Table t) {
        t.columns().forEach(c -> out.add(c.header()));
        t.rows().forEach(out::addAll);
        t.footer().forEach(out::addAll);
      }
    }
    return out;
  }

  private static Block.Table table(ReportDocument doc, String id) {
    return doc.blocks().stream().filter(b -> b instanceof Block.Table t && t.id().equals(id))
        .map(b -> (Block.Table) b).findFirst().orElseThrow(() -> new AssertionError("no table " + id));
  }

  private static boolean zh(String lang) {
    return lang.equals("zh");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh", "en"})
  void build_withoutPeriod_saysItIsNotStated(String lang) {
    ReportDocument doc = build(VALVES.replace("  period: {start: 2023-01-01, end: 2023-12-31}\n", ""), lang);
    assertThat(texts(doc)).contains(zh(lang) ? "研究未说明核算期，数据所覆盖的时间范围无据可查。"
        : "The study does not state its period, so the time the data cover is not documented.");
    assertThat(String.join("\n", texts(doc))).doesNotContain("!", "2023年", "2023 to");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh", "en"})
  void build_withoutBoundary_saysItIsNotStated(String lang) {
    ReportDocument doc = build(VALVES.replace("  boundary: cradle-to-gate\n", ""), lang);
    List<String> texts = texts(doc);
    assertThat(texts).anyMatch(t -> t.startsWith(zh(lang) ? "研究未说明系统边界。" : "The study does not state its system boundary."));
    // without a boundary every stage with lines is counted and declared, distribution included
    Block.Table declaration = table(doc, "declaration");
    assertThat(declaration.rows().get(4).get(1)).isEqualTo(zh(lang)
        ? "（未说明）：原材料获取、产品生产、分销。时间边界：2023年1月1日至2023年12月31日。"
        : "(not stated): raw-material acquisition, production, distribution. Time boundary: 1 January 2023 to 31 December 2023.");
    assertThat(String.join("\n", texts)).doesNotContain("!");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh", "en"})
  void cutoff_nothingExcluded_announcesNoTable(String lang) {
    ReportDocument doc = build(VALVES, lang);
    assertThat(texts(doc)).contains(zh(lang) ? "质量低于原材料投入总质量 0.50% 的输入可以舍去。"
        : "Inputs whose mass is below 0.50 % of all raw-material input mass may be left out.");
    assertThat(String.join("\n", texts(doc))).doesNotContain("见下表", "shown below");
    assertThat(doc.blocks()).noneMatch(b -> b instanceof Block.Table t && t.id().equals("cutoff"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh", "en"})
  void advice_purchasedElectricity_notCalledWhatItsNameSays(String lang) {
    // 12,000,000 kWh × 0.5703 = 6,843,600 kg of 11,998,886.4 kg: 57.04 %
    String item = texts(build(VALVES, lang)).stream().filter(t -> t.startsWith(zh(lang) ? "外购电力（占 57.04%）" : "外购电力 (57.04 %)"))
        .findFirst().orElseThrow();
    assertThat(item).startsWith(zh(lang) ? "外购电力（占 57.04%）：对主要用电设备" : "外购电力 (57.04 %): efficiency work")
        .doesNotContain("为外购电力", "is purchased electricity");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh", "en"})
  void advice_lineWithoutQuality_notCalledEstimated(String lang) {
    List<String> texts = texts(build(VALVES, lang));
    assertThat(texts).contains(zh(lang)
        ? "以下占比较大的条目未说明活动数据的获取方式，按最低分计：铸钢件。建议下一轮评价记录其获取方式（连续监测、定期测量或估算）。"
        : "The following lines with a large share give no rating of how their activity data were obtained and are scored with the lowest point: 铸钢件. Record the method (measured, periodic, estimated) in the next study.");
    assertThat(String.join("\n", texts)).doesNotContain("活动数据为估算", "measured rather than estimated");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh", "en"})
  void calculation_withoutAllocation_columnIsEmissions(String lang) {
    Block.Table calc = table(build(VALVES, lang), "calculation");
    assertThat(calc.columns()).extracting(Block.Column::header)
        .contains(zh(lang) ? "排放量（tCO₂e）" : "Emissions (tCO₂e)")
        .doesNotContain(zh(lang) ? "分配后排放量（tCO₂e）" : "Attributed (tCO₂e)");
  }

  @Test
  void calculation_withAllocation_keepsAttributedColumn() {
    String yaml = VALVES.replace("factors:", "coproducts:\n  - {name: 阀体毛坯, output: 456 t}\nallocation: mass\nfactors:");
    assertThat(table(build(yaml, "zh"), "calculation").columns()).extracting(Block.Column::header)
        .contains("分配前排放量（tCO₂e）", "分配后排放量（tCO₂e）");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh", "en"})
  void declaration_stageOutsideBoundary_namedAsCounted(String lang) {
    Block.Table declaration = table(build(VALVES, lang), "declaration");
    assertThat(declaration.rows().get(4).get(1)).isEqualTo(zh(lang)
        ? "从摇篮到大门：原材料获取、产品生产；超出所述系统边界但计入合计的阶段：分销（见第 9 章）。时间边界：2023年1月1日至2023年12月31日。"
        : "Cradle-to-gate: raw-material acquisition, production; outside the stated boundary, yet counted in the total: distribution (see section 9). Time boundary: 1 January 2023 to 31 December 2023.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh", "en"})
  void output_sameDigitsEverywhere(String lang) {
    List<String> texts = texts(build(VALVES, lang));
    assertThat(texts).contains(zh(lang) ? "Q：核算期内生产的声明单位数量，3,544 t ÷ 1 t = 3,544"
        : "Q: declared units produced in the period, 3,544 t ÷ 1 t = 3,544");
    // the mass-balance finding writes the output as typed, not 3544.00 t
    assertThat(String.join("\n", texts)).contains("3544 t").doesNotContain("3,544.00", "3544.00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh", "en"})
  void findings_rowAndNameForPeople_keyPathsInAppendix(String lang) {
    ReportDocument doc = build(VALVES, lang);
    Block.Table findings = table(doc, "findings");
    assertThat(findings.rows()).extracting(r -> r.get(2)).containsExactly(
        zh(lang) ? "清单第 1 行（铸钢件）" : "Inventory row 1 (铸钢件)",
        zh(lang) ? "清单第 3 行（产品配送）" : "Inventory row 3 (产品配送)",
        zh(lang) ? "产品" : "Product");
    assertThat(findings.rows()).extracting(r -> r.get(3))
        .noneMatch(m -> m.matches(".*(第 \\d+ 行|line \\d+, column).*"))
        .noneMatch(m -> m.contains("inventory["));
    Block.Table places = table(doc, "locations");
    // the valve study's lines 25, 36 and 19: the first line's quality, the distribution stage, the output
    assertThat(places.rows()).containsExactly(
        List.of("1", "QUALITY_MISSING", "inventory[0].quality", zh(lang) ? "第 25 行，第 5 列" : "line 25, column 5"),
        List.of("2", "STAGE_OUTSIDE_BOUNDARY", "inventory[2].stage", zh(lang) ? "第 36 行，第 5 列" : "line 36, column 5"),
        List.of("3", "MASS_BALANCE", "product.output", zh(lang) ? "第 19 行，第 3 列" : "line 19, column 3"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh", "en"})
  void boundary_listedStages_statedAndDrawn(String lang) {
    ReportDocument doc = build(VALVES.replace("boundary: cradle-to-gate", "boundary: [raw-materials, production, distribution]"), lang);
    assertThat(texts(doc)).contains(zh(lang)
        ? "系统边界为按阶段列出的：研究列出了边界内的阶段：原材料获取、产品生产、分销；其余阶段不在边界内。"
        : "The system boundary is stage-by-stage: the study lists the stages inside it: raw-material acquisition, production, distribution; the other stages are outside it.");
    Block.BoundaryDiagram diagram = doc.blocks().stream().filter(b -> b instanceof Block.BoundaryDiagram)
        .map(b -> (Block.BoundaryDiagram) b).findFirst().orElseThrow();
    assertThat(diagram.stages()).extracting(Block.StageBox::included)
        .containsExactly(true, false, true, false, false, true, false, false);
    // distribution is inside now: no stage outside the boundary in the declaration
    assertThat(String.join("\n", texts(doc))).doesNotContain("超出所述系统边界", "outside the stated boundary");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh", "en"})
  void dataGap_listedAndCountedAgainstCompleteness(String lang) {
    String yaml = read(Path.of("..", "testdata", "bio-coke-per-tonne.yaml"));
    ReportDocument doc = build(yaml, lang);
    assertThat(table(doc, "cutoff").rows()).containsExactly(List.of("木焦油", zh(lang) ? "未量化" : "not quantified", "—",
        "副产物，未称重"));
    assertThat(texts(doc)).contains(zh(lang)
        ? "清单的 6 个条目中有 5 个已量化；1 个已知输入没有数量，属于数据缺口，未计入碳足迹：木焦油。"
        : "5 of the 6 inventory lines are quantified; 1 known input(s) have no amount and are data gaps, not counted in the footprint: 木焦油.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh", "en"})
  void gwp_olderSetAndElements_shownWithTheirConversion(String lang) {
    ReportDocument doc = build(read(Path.of("..", "testdata", "sunflower-per-hectare.yaml")), lang);
    assertThat(table(doc, "gwp").rows()).containsExactly(List.of("N2O-N", "44/28 × 310"), List.of("CO2-C", "44/12 × 1"));
    assertThat(texts(doc)).anyMatch(t -> t.contains(zh(lang) ? "IPCC 第二次评估报告（SAR）" : "IPCC Second Assessment Report (SAR)"));
    ReportDocument custom = build(read(Path.of("..", "testdata", "sunflower-per-hectare.yaml"))
        .replace("gwp: SAR", "gwp: {N2O: 300}"), lang);
    assertThat(table(custom, "gwp").rows()).containsExactly(List.of("N2O-N", "44/28 × 300"), List.of("CO2-C", "44/12 × 1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh", "en"})
  void exchangeRates_eachConversionInTheCalculation_theRatesInTheMethod(String lang) {
    // 1000 USD × 7.10 = 7,100 CNY × 0.5 = 3.55 t; 7100 CNY ÷ 7.10 = 1,000 USD × 0.2 = 0.2 t;
    // 500 EUR × 7.80 = 3,900 CNY × 0.5 = 1.95 t
    ReportDocument doc = build(read(Path.of("..", "testdata", "spend-in-three-currencies.yaml")), lang);
    assertThat(table(doc, "calculation").rows()).extracting(r -> r.get(1) + " | " + r.get(3)).containsExactly(
        "10 t | 20.00",
        "1,000 USD × 7.10 CNY/USD = 7,100 CNY | 3.55",
        "7,100 CNY ÷ 7.10 CNY/USD = 1,000 USD | 0.2",
        "500 EUR × 7.80 CNY/EUR = 3,900 CNY | 1.95");
    assertThat(texts(doc)).contains(zh(lang)
        ? "金额的货币与排放因子所用货币不同的条目，按本研究给出的汇率折算：1 USD = 7.10 CNY、1 EUR = 7.80 CNY。各条目的折算见计算表中的活动数据。"
        : "Amounts of money in another currency than their emission factor's are converted with the exchange rates the"
            + " study gives: 1 USD = 7.10 CNY, 1 EUR = 7.80 CNY. The calculation table shows each conversion in the"
            + " line's activity.");
    // a rate no line needs is not mentioned
    ReportDocument valves = build(VALVES.replace("  language: zh\n", "  language: zh\n  exchangeRates: {USD: 7.10 CNY}\n"), lang);
    assertThat(String.join("\n", texts(valves))).doesNotContain("7.10 CNY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh", "en"})
  void beside_shownApartAndTheTotalSaysSo(String lang) {
    ReportDocument doc = build(read(Path.of("..", "testdata", "bio-coke-per-tonne.yaml")), lang);
    // total 392,640 kg: shown in t (≥ 10 t); per tonne of coke over 1000 t
    assertThat(table(doc, "beside").rows()).containsExactly(
        List.of(zh(lang) ? "生物源 CO₂ 排放" : "Biogenic CO₂ emissions", "2,200.00 tCO₂e", "2,200.00 kgCO₂e / t"),
        List.of(zh(lang) ? "生物源 CO₂ 清除（吸收）" : "Biogenic CO₂ removals (taken up)", "5,500.00 tCO₂e",
            "5,500.00 kgCO₂e / t"),
        List.of(zh(lang) ? "产品中的生物源碳" : "Biogenic carbon in the product", "—",
            zh(lang) ? "800.00 kg C / t（2,933.33 kgCO₂）" : "800.00 kg C / t (2,933.33 kgCO₂)"),
        List.of(zh(lang) ? "避免的排放（未扣减）：替代燃煤" : "Avoided elsewhere, not subtracted: 替代燃煤", "1,180.00 tCO₂e",
            "1,180.00 kgCO₂e / t"),
        List.of(zh(lang) ? "抵消（未扣减）：CCER" : "Offsets, not subtracted: CCER", "50.00 tCO₂e", "50.00 kgCO₂e / t"));
    assertThat(table(doc, "summary").rows().get(2).get(0)).contains(zh(lang) ? "生物源 CO₂、避免的排放和抵消见 7.4 节"
        : "biogenic CO₂, avoided emissions and offsets are shown apart in 7.4");
    assertThat(table(doc, "summary").rows().get(2).get(1)).isEqualTo("392.64 tCO₂e");
  }

  @Test
  void findings_noneMeansNoAppendixB() {
    String clean = VALVES.replaceAll("(?s)\nclaimed:\n.*", "\n").replace("    claimedShare: 57.04 %\n", "").replace("    factor: cast-steel\n", "    factor: cast-steel\n    quality: {activity: periodic, calibration: compliant}\n")
        .replace("  - name: 产品配送\n    stage: distribution\n", "  - name: 产品配送\n    stage: transport\n")
        .replace("amount: 3000 t", "amount: 3600 t");
    ReportDocument doc = build(clean, "en");
    assertThat(doc.blocks()).noneMatch(b -> b instanceof Block.Table t && t.id().equals("locations"));
  }
}

package org.tanji.report.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tanji.core.calc.Result;
import org.tanji.core.cbam.PcfBesideCbam;
import org.tanji.core.cbam.PcfBesideCbam.Kind;
import org.tanji.core.cbam.PcfBesideCbam.Step;
import org.tanji.core.i18n.Messages;
import org.tanji.core.i18n.Text;
import org.tanji.io.ReadResult;
import org.tanji.io.StudyFiles;
import org.tanji.report.ReportFormat;
import org.tanji.report.Reports;
import org.tanji.report.model.Block;
import org.tanji.report.model.ReportDocument;

/** The section "PCF beside CBAM" at the end of seed 003's report, in both languages. */
final class CbamSectionTest {

  /** Hand-made: 2.822 = 2.464 + 0.279 + 0.050 + 0.029; CBAM 2.036 + 0.279 = 2.315. */
  private static final PcfBesideCbam BALLS = new PcfBesideCbam("7326 11 00", 2.822, OptionalDouble.of(2.315), List.of(
      new Step(Kind.PRECURSOR, "圆钢", 2.464, OptionalDouble.of(2.036), Text.of("cbam.beside.why.precursor", "2.420", "2.000")),
      new Step(Kind.ELECTRICITY, "电力", 0.279, OptionalDouble.of(0.279), Text.of("cbam.beside.why.electricity", "0.6205", "0.6191")),
      new Step(Kind.TRANSPORT, "圆钢运输", 0.050, OptionalDouble.of(0), Text.of("cbam.beside.why.transport")),
      new Step(Kind.PACKAGING, "吨袋", 0.029, OptionalDouble.of(0), Text.of("cbam.beside.why.packaging"))));

  private static ReportDocument seed003(Locale locale) throws Exception {
    ReadResult read = StudyFiles.read(Path.of("..", "examples", "seed-003-steel-balls.yaml"));
    Result result = read.calculate();
    return Reports.build(read.study(), result, locale);
  }

  @Test
  void append_headingSummaryAndTable() throws Exception {
    ReportDocument before = seed003(Messages.EN);
    ReportDocument doc = CbamSection.append(before, List.of(BALLS));
    List<Block> added = doc.blocks().subList(before.blocks().size(), doc.blocks().size());
    assertThat(((Block.Heading) added.get(0)).text()).isEqualTo("Product footprint beside CBAM embedded emissions");
    assertThat(((Block.Paragraph) added.get(2)).text()).isEqualTo("CN 7326 11 00: footprint 2.822 tCO2e/t (cradle to "
        + "gate, all gases); CBAM specific embedded emissions 2.315 tCO2e/t (direct + indirect, installation and "
        + "precursors); CBAM minus footprint -0.507 tCO2e/t.");
    Block.Table t = (Block.Table) added.get(3);
    assertThat(t.caption()).endsWith("Footprint and CBAM SEE of CN 7326 11 00, per t of product (tCO2e/t)");
    assertThat(t.rows().get(0)).containsExactly("圆钢", "Precursor", "2.464", "2.036", "-0.428",
        "the PCF counts 2.420 tCO2e per t of precursor (a life-cycle factor); CBAM counts its SEE, 2.000 tCO2e/t "
            + "(direct + indirect)");
    assertThat(t.rows().get(2)).containsExactly("圆钢运输", "Transport", "0.050", "0.000", "-0.050",
        "transport: outside CBAM's boundary");
    assertThat(t.footer()).containsExactly(List.of("Total", "", "2.822", "2.315", "-0.507", ""));
    // the table is numbered after the report's own tables
    long tables = before.blocks().stream().filter(b -> b instanceof Block.Table x && !x.caption().isEmpty()).count();
    assertThat(t.caption()).startsWith("Table " + (tables + 1) + " ");
  }

  @Test
  void append_restWhenTheLinesDoNotAddUp() throws Exception {
    PcfBesideCbam off = new PcfBesideCbam("7326 11 00", 2.822, OptionalDouble.of(2.415), BALLS.steps());
    Block.Table t = (Block.Table) CbamSection.append(seed003(Messages.EN), List.of(off)).blocks().stream()
        .filter(b -> b instanceof Block.Table x && x.id().startsWith("cbam-")).findFirst().orElseThrow();
    assertThat(t.footer().get(1)).containsExactly("Not explained by the lines", "", "", "", "0.100", "");
  }

  @Test
  void append_chineseAndRendered() throws Exception {
    ReportDocument doc = Reports.withCbam(seed003(Messages.ZH), List.of(BALLS));
    String html = new String(Reports.bytes(doc, ReportFormat.HTML), StandardCharsets.UTF_8);
    assertThat(html).contains("产品碳足迹与 CBAM 隐含排放对照", "CBAM 减碳足迹 -0.507 tCO2e/t", "运输：不在 CBAM 边界内");
  }

  @ParameterizedTest
  @CsvSource({"en, Electricity, Direct emissions", "zh, 电力, 直接排放"})
  void append_stepsWithoutALine_namedByTheirKindAsOnThePage(String lang, String electricity, String direct)
      throws Exception {
    // CBAM counts the plant's electricity and direct emissions; a study without an electricity line and
    // without fuels (seed 003) has no line to name them by
    PcfBesideCbam noLine = new PcfBesideCbam("7326 11 00", 2.822, OptionalDouble.of(2.315), List.of(
        new Step(Kind.ELECTRICITY, "", 0, OptionalDouble.of(0.279), Text.of("cbam.beside.why.electricityNoLine")),
        new Step(Kind.DIRECT, "", 0, OptionalDouble.of(0), Text.of("cbam.beside.why.direct"))));
    Locale locale = Messages.locale(lang);
    Block.Table t = (Block.Table) CbamSection.append(seed003(locale), List.of(noLine)).blocks().stream()
        .filter(b -> b instanceof Block.Table x && x.id().startsWith("cbam-")).findFirst().orElseThrow();
    assertThat(t.rows()).extracting(row -> row.get(0)).containsExactly(electricity, direct);
    // what the CBAM page shows
    assertThat(noLine.steps()).extracting(s -> s.shownName(locale)).containsExactly(electricity, direct);
  }

  @Test
  void append_nothingToCompare() throws Exception {
    ReportDocument doc = seed003(Messages.EN);
    assertThat(CbamSection.append(doc, List.of())).isSameAs(doc);
  }
}

package org.tanji.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanji.core.calc.LineResult;
import org.tanji.core.calc.Result;
import org.tanji.core.calc.StageResult;
import org.tanji.core.i18n.Messages;

/**
 * The report in its three formats, parsed back: every figure equals the calculation result, the
 * text is escaped, the same study gives the same bytes. Expected figures are the seed's, checkable
 * by hand, or formatted here from the result independently of the report's own formatting.
 */
class ReportTest {

  private static final String SEED = "seed-003-steel-balls.yaml";

  // seed 003 by hand: 44,369.94 t × 2,420 kg/t; 44,369.94 t × 1,000 km × 0.074 kg/t·km;
  // 19,613,430 kWh × 0.6205 t/MWh; 65.38 t × 2,510 kg/t; total / 43,585.4 t
  private static final List<String> SEED_FIGURES =
      List.of("107,375.25", "3,283.38", "12,170.13", "164.10", "122,992.87", "2,821.88", "4.51");

  @Test
  void html_seed003_figuresEqualTheResult() throws IOException {
    Render.Built b = Render.example(SEED, null);
    Document html = Jsoup.parse(new String(Render.bytes(b.doc(), ReportFormat.HTML), StandardCharsets.UTF_8));
    assertThat(html.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
    assertThat(html.text()).contains(SEED_FIGURES).contains("2,821.88 kgCO₂e / t").doesNotContain("!");

    Result r = b.result();
    Element calc = html.getElementById("table-calculation");
    List<Element> rows = calc.select("tbody:not(.totals) tr");
    assertThat(rows).hasSize(r.lines().size());
    for (int i = 0; i < rows.size(); i++) {
      LineResult line = r.lines().get(i);
      List<String> cells = rows.get(i).select("td").eachText();
      assertThat(cells.get(0)).isEqualTo(line.name());
      assertThat(cells.get(3)).isEqualTo(fixed2(line.kgCO2e() / 1000));
      assertThat(cells.get(4)).isEqualTo(percent(line.share(), "%"));
    }
    assertThat(calc.select("tbody.totals tr").first().select("td").eachText()).contains(fixed2(r.totalKgCO2e() / 1000));

    Element stages = html.getElementById("table-stages");
    List<Element> srows = stages.select("tbody:not(.totals) tr");
    assertThat(srows).hasSize(r.stages().size());
    for (int i = 0; i < srows.size(); i++) {
      StageResult s = r.stages().get(i);
      List<String> cells = srows.get(i).select("td").eachText();
      assertThat(cells.get(0)).isEqualTo(Messages.get(s.stage().textKey(), Messages.ZH));
      assertThat(cells.get(1)).isEqualTo(fixed2(s.kgCO2e() / 1000));
      assertThat(cells.get(2)).isEqualTo(fixed2(s.kgCO2e() / 43585.4)); // per t: the period's 43,585.4 t
      assertThat(cells.get(3)).isEqualTo(percent(s.share(), "%"));
    }
    // 87.30 + 2.67 + 9.90 + 0.13 = 99.99: shown as such, and said, not bent to 100.00
    assertThat(stages.select("tbody.totals td").last().text()).isEqualTo("99.99%");
    assertThat(html.select("p.note").eachText()).anyMatch(t -> t.contains("99.99%"));

    Element quality = html.getElementById("table-quality");
    assertThat(quality.select("tbody.totals td").last().text()).isEqualTo(fixed2(r.dataQuality().score())).isEqualTo("4.51");
    // round steel scores (6 + 2 + 6) / 3 = 4.67
    assertThat(quality.select("tbody:not(.totals) tr").first().select("td").eachText()).containsExactly(
        "圆钢", "6", "2", "6", "4.67", percent(r.lines().get(0).kgCO2e() / r.totalKgCO2e(), "%"),
        fixed2(4.666666666666667 * r.lines().get(0).kgCO2e() / r.totalKgCO2e()));

    // the donut: one SVG path per stage; the legend repeats the stage figures
    assertThat(html.select("#chart-stage-donut path")).hasSize(r.stages().size());
    assertThat(html.getElementById("legend-stage-donut").select("tbody:not(.totals) tr")).hasSize(r.stages().size());
    // the bars: lines largest first
    assertThat(html.select("#chart-line-bars tbody tr td:eq(0)").eachText())
        .containsExactly("圆钢", "电力", "圆钢运输", "吨袋");
    // the document list comes from the study's evidence
    assertThat(html.getElementById("table-documents").select("tbody:not(.totals) tr")).hasSize(9);
    // self-contained: no external style sheet, script or image
    assertThat(html.select("link, script, img")).isEmpty();
  }

  /**
   * Seed 000's mistake: 1000 kWh × 0.46 kgCO₂e/kWh = 460 kgCO₂e for 1,000,000 pieces is 0.00046
   * kgCO₂e per piece; every format shows it so, never as 0.00, with the stage's figure per piece.
   */
  @Test
  void tinyPerUnitFigure_everyFormat(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tiny.yaml");
    Files.writeString(file, """
        tanji: 1
        study: {title: Brake back plate, language: en, boundary: cradle-to-gate,
                period: {start: 2024-01-01, end: 2024-12-31}}
        organization: {name: Example Castings}
        product: {name: Cast steel back plate, declaredUnit: 1 piece, output: 1000000 piece}
        factors:
          grid: {value: 0.46 kgCO2e/kWh, type: national}
        inventory:
          - {name: Electricity, stage: production, amount: 1000 kWh, factor: grid,
             quality: {activity: periodic, calibration: compliant}}
        """);
    Render.Built b = Render.build(file, null);
    assertThat(b.result().hasErrors()).as(b.result().findings().toString()).isFalse();
    Document html = Jsoup.parse(new String(Render.bytes(b.doc(), ReportFormat.HTML), StandardCharsets.UTF_8));
    assertThat(html.text()).contains("0.00046 kgCO₂e / piece").doesNotContainPattern("\\b0\\.00 kgCO₂e");
    // kg, not t: 460 kgCO2e would be 0.46 tCO2e; the stage per piece is the whole footprint
    assertThat(html.getElementById("table-stages").select("tbody td").eachText())
        .containsExactly("Production", "460.00", "0.00046", "100.00 %", "Total", "460.00", "0.00046", "100.00 %");
    try (PDDocument pdf = Loader.loadPDF(Render.bytes(b.doc(), ReportFormat.PDF))) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      // the text stripper sets the subscript ₂ apart
      assertThat(text).contains("0.00046 kgCO").doesNotContainPattern("\\b0\\.00 kgCO");
    }
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(Render.bytes(b.doc(), ReportFormat.DOCX)))) {
      StringBuilder all = new StringBuilder();
      docx.getParagraphs().forEach(p -> all.append(p.getText()).append('\n'));
      docx.getTables().forEach(t -> all.append(t.getText()).append('\n'));
      assertThat(all.toString()).contains("0.00046 kgCO₂e / piece").doesNotContainPattern("\\b0\\.00 kgCO₂e");
    }
  }

  /**
   * Every text at its limit (names 500 characters, free texts 4,000) still makes every format: a
   * 100,000-character name, now refused when read, once cost the PDF 24 s of CPU.
   */
  /** An issued report's cover carries the verification address and its QR code, in Word too. */
  @Test
  void anIssuedReportsCover_carriesTheVerificationQrCode() throws Exception {
    Path file = Path.of("..", "examples", "two-products-mass-allocation.yaml");
    org.tanji.io.ReadResult read = org.tanji.io.StudyFiles.read(file);
    String url = "https://tanji.example.com/verify/0123456789abcdef0123456789abcdef";
    var doc = Reports.issued(read.study(), read.calculate(), java.util.Locale.ENGLISH, url);
    assertThat(doc.cover().verification().url()).isEqualTo(url);
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(Render.bytes(doc, ReportFormat.DOCX)))) {
      assertThat(docx.getAllPictures()).hasSize(1);
      assertThat(new org.apache.poi.xwpf.extractor.XWPFWordExtractor(docx).getText()).contains(url);
    }
    Document html = Jsoup.parse(new String(Render.bytes(doc, ReportFormat.HTML), StandardCharsets.UTF_8));
    assertThat(html.getElementById("cover-verification").text()).contains(url);
    assertThat(html.select("#cover-verification img").attr("src")).startsWith("data:image/png;base64,");
  }

  /** A report made outside a server's review workflow says that its names were not signed in Tanji. */
  @Test
  void aReportMadeFromTheStudyFile_saysItIsUnsigned() throws Exception {
    Render.Built b = Render.build(Path.of("..", "examples", "two-products-mass-allocation.yaml"), null);
    Document html = Jsoup.parse(new String(Render.bytes(b.doc(), ReportFormat.HTML), StandardCharsets.UTF_8));
    assertThat(html.text()).contains("not signed in Tanji").doesNotContain("signed in Tanji;");
  }

  @Test
  void longestAllowedTexts_everyFormat(@TempDir Path dir) throws IOException {
    String name = "锻造耐磨钢球" + "x".repeat(494);
    String text = "说明".repeat(2000);
    String yaml = Files.readString(Render.EXAMPLES.resolve(SEED))
        .replace("  name: 锻造耐磨钢球\n", "  name: " + name + "\n  description: " + text + "\n")
        .replaceAll("(?m)^  address: .*$", "  address: " + text)
        .replaceAll("(?m)^  - name: (.*)$", "  - name: $1" + "y".repeat(490) + "\n    note: " + text);
    Path file = dir.resolve("long.yaml");
    Files.writeString(file, yaml);
    Render.Built b = Render.build(file, null);
    assertThat(b.result().findings()).as("at the limits, no finding").isEmpty();
    assertThat(new String(Render.bytes(b.doc(), ReportFormat.HTML), StandardCharsets.UTF_8)).contains(name, text);
    try (PDDocument pdf = Loader.loadPDF(Render.bytes(b.doc(), ReportFormat.PDF))) {
      assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", "")).contains(name);
    }
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(Render.bytes(b.doc(), ReportFormat.DOCX)))) {
      assertThat(docx.getParagraphs().stream().map(XWPFParagraph::getText)).anySatisfy(t -> assertThat(t).contains(name));
    }
  }

  @Test
  void html_conclusionsAndAdviceComeFromTheStudy() throws IOException {
    Render.Built b = Render.example(SEED, null);
    Document html = Jsoup.parse(new String(Render.bytes(b.doc(), ReportFormat.HTML), StandardCharsets.UTF_8));
    String conclusions = sectionText(html, "s10");
    assertThat(conclusions).contains("锻造耐磨钢球", "2,821.88", "原材料获取", "87.30%", "圆钢");
    String advice = sectionText(html, "s11");
    assertThat(advice).contains("圆钢（占碳足迹 87.30%）", "电力（占 9.89%）：对主要用电设备", "圆钢运输（占 2.67%）来自运输")
        .doesNotContain("吨袋"); // 0.13 %: too small to advise on

    Render.Built other = Render.example("two-products-mass-allocation.yaml", Locale.ENGLISH);
    String text = Jsoup.parse(new String(Render.bytes(other.doc(), ReportFormat.HTML), StandardCharsets.UTF_8))
        .text();
    // nothing of another study leaks in: no seed product, material or figure
    assertThat(text).doesNotContain("圆钢", "钢球", "2,821.88", "华民");
    assertThat(text).contains(other.read().study().product().name());
  }

  @Test
  void html_escapesMarkupInEveryField(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("markup.yaml");
    Files.writeString(file, study(3, "<script>alert(1)</script> & \"co\"", "<b>bold</b> 钢 <img src=x onerror=alert(2)>"));
    Render.Built b = Render.build(file, null);
    assertThat(b.result().hasErrors()).isFalse();
    String raw = new String(Render.bytes(b.doc(), ReportFormat.HTML), StandardCharsets.UTF_8);
    Document html = Jsoup.parse(raw);
    assertThat(html.select("script, b, img")).isEmpty();
    assertThat(html.text()).contains("<script>alert(1)</script> & \"co\"", "<b>bold</b> 钢 <img src=x onerror=alert(2)>");
    assertThat(raw).doesNotContain("<script>").contains("&lt;script&gt;");
  }

  @Test
  void pdf_seed003_chineseTextFiguresBookmarksAndEmbeddedFont() throws IOException {
    Render.Built b = Render.example(SEED, null);
    byte[] bytes = Render.bytes(b.doc(), ReportFormat.PDF);
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      assertThat(pdf.getNumberOfPages()).isBetween(6, 20);
      assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains(SEED_FIGURES).contains("锻造耐磨钢球", "山东华民钢球股份有限公司", "原材料获取", "数据质量评价");
      for (LineResult line : b.result().lines()) {
        assertThat(text).contains(fixed2(line.kgCO2e() / 1000));
      }
      // page numbers in the footer: "3 / 9" and so on
      assertThat(text).contains("2 / " + pdf.getNumberOfPages());
      List<String> outline = new ArrayList<>();
      for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
        outline.add(item.getTitle());
      }
      assertThat(outline).contains("1 摘要", "7 计算结果", "8 数据质量评价").hasSizeGreaterThanOrEqualTo(11);
      for (var page : pdf.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
          assertThat(font.getName()).contains("NotoSansSC");
        }
      }
    }
  }

  @Test
  void docx_seed003_headingsTablesAndCharts() throws IOException {
    Render.Built b = Render.example(SEED, null);
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(Render.bytes(b.doc(), ReportFormat.DOCX)))) {
      List<String> h1 = new ArrayList<>();
      for (XWPFParagraph p : docx.getParagraphs()) {
        if ("Heading1".equals(p.getStyle())) {
          h1.add(p.getText());
        }
      }
      assertThat(h1).startsWith("1 摘要", "2 企业基本情况").contains("7 计算结果");
      XWPFTable calc = docx.getTables().stream()
          .filter(t -> t.getRow(0).getCell(0).getText().equals("清单条目") && t.getRow(0).getTableCells().size() == 5)
          .findFirst().orElseThrow();
      for (int i = 0; i < b.result().lines().size(); i++) {
        LineResult line = b.result().lines().get(i);
        assertThat(calc.getRow(i + 1).getCell(0).getText()).isEqualTo(line.name());
        assertThat(calc.getRow(i + 1).getCell(3).getText()).isEqualTo(fixed2(line.kgCO2e() / 1000));
      }
      StringBuilder all = new StringBuilder();
      docx.getTables().forEach(t -> all.append(t.getText()).append('\n'));
      assertThat(all.toString()).contains(SEED_FIGURES);
      assertThat(docx.getCharts()).hasSize(2);
    }
  }

  @Test
  void everyFormat_sameStudySameBytes() throws IOException {
    for (ReportFormat format : ReportFormat.values()) {
      byte[] first = Render.bytes(Render.example(SEED, null).doc(), format);
      byte[] second = Render.bytes(Render.example(SEED, null).doc(), format);
      assertThat(second).as(format.name()).isEqualTo(first);
    }
  }

  @Test
  void errorsRefusedByTheBuilder() throws IOException {
    var read = org.tanji.io.StudyFiles.read(Render.EXAMPLES.resolve("seed-003-transport-in-km.yaml"));
    Result result = read.calculate();
    assertThat(result.hasErrors()).isTrue();
    assertThatThrownBy(() -> Reports.build(read.study(), result, Locale.ENGLISH))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fiveHundredLines_longNames_englishStudyWithChineseNames(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("big.yaml");
    String longName = "Cast brake disc 铸造制动盘 " + "for heavy commercial vehicles ".repeat(8)
        + "X".repeat(120);
    Files.writeString(file, study(500, "华东精密铸造有限公司 East China Precision Casting Co., Ltd.", longName));
    Render.Built b = Render.build(file, null);
    assertThat(b.result().hasErrors()).as(b.result().findings().toString()).isFalse();
    assertThat(b.doc().locale().getLanguage()).isEqualTo("en");

    Document html = Jsoup.parse(new String(Render.bytes(b.doc(), ReportFormat.HTML), StandardCharsets.UTF_8));
    assertThat(html.getElementById("table-calculation").select("tbody:not(.totals) tr")).hasSize(500);
    assertThat(html.select("#chart-line-bars tbody tr")).hasSize(15); // the 15 largest; the rest in a note
    assertThat(html.text()).contains(longName, "电力 line 500", "The chart shows the 15 largest of 500 lines",
        "The other 485 lines together");

    byte[] pdfBytes = Render.bytes(b.doc(), ReportFormat.PDF);
    try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertThat(pdf.getNumberOfPages()).isGreaterThan(20);
      for (LineResult line : b.result().lines()) {
        assertThat(text).contains(figure(line.kgCO2e())); // kg: this study is small
      }
      assertThat(text).contains("电力 line 500", "华东精密铸造有限公司");
      // the totals close the calculation table once, not at every page break (issue 14)
      String perUnit = "Per declared unit (1 t)";
      assertThat(text.split(java.util.regex.Pattern.quote(perUnit), -1)).hasSize(html.text().split(
          java.util.regex.Pattern.quote(perUnit), -1).length);
      assertThat(text.indexOf(perUnit)).isGreaterThan(text.indexOf("电力 line 500"));
    }
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(Render.bytes(b.doc(), ReportFormat.DOCX)))) {
      XWPFTable calc = docx.getTables().stream()
          .filter(t -> t.getRow(0).getCell(0).getText().equals("Input or output") && t.getNumberOfRows() > 500)
          .findFirst().orElseThrow();
      assertThat(calc.getRow(500).getCell(0).getText()).isEqualTo("电力 line 500");
    }
    Render.write(b.doc(), ReportFormat.PDF, "five-hundred-lines");
  }

  @Test
  void missingOptionalBlocks_stillAFullReport(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("minimal.yaml");
    Files.writeString(file, """
        tanji: 1
        study:
          title: Minimal
          language: en
          boundary: cradle-to-gate
          period: {start: 2024-01-01, end: 2024-12-31}
        organization:
          name: Acme
        product:
          name: Widget
          declaredUnit: 1 piece
          output: 1000 piece
        factors:
          grid: {value: 0.5 kgCO2e/kWh}
        inventory:
          - name: electricity
            stage: production
            amount: 2000 kWh
            factor: grid
        """);
    Render.Built b = Render.build(file, null);
    assertThat(b.result().hasErrors()).as(b.result().findings().toString()).isFalse();
    for (ReportFormat format : ReportFormat.values()) {
      assertThat(Render.bytes(b.doc(), format)).isNotEmpty();
    }
    Document html = Jsoup.parse(new String(Render.bytes(b.doc(), ReportFormat.HTML), StandardCharsets.UTF_8));
    // 2000 kWh × 0.5 kg/kWh = 1000 kg over 1000 pieces = 1.00 kg per piece
    assertThat(html.text()).contains("1.00 kgCO₂e / piece", "1,000.00").doesNotContain("!");
    assertThat(html.getElementById("table-documents")).isNull();
    assertThat(html.getElementById("table-cover-signatures")).isNull();
  }

  @Test
  void html_coproducts_grossAllocatedAndAttributed() throws IOException {
    Render.Built b = Render.example("two-products-mass-allocation.yaml", Locale.ENGLISH);
    Result r = b.result();
    assertThat(r.allocationShare()).isLessThan(1.0);
    Document html = Jsoup.parse(new String(Render.bytes(b.doc(), ReportFormat.HTML), StandardCharsets.UTF_8));
    List<Element> rows = html.getElementById("table-calculation").select("tbody:not(.totals) tr");
    assertThat(rows).hasSize(r.lines().size());
    for (int i = 0; i < rows.size(); i++) {
      LineResult line = r.lines().get(i);
      List<String> cells = rows.get(i).select("td").eachText();
      assertThat(cells.get(3)).isEqualTo(fixed2(line.unallocatedKgCO2e() / 1000));
      assertThat(cells.get(4)).isEqualTo(line.excluded() ? "—"
          : percent(line.allocated() ? r.allocationShare() : 1.0, " %"));
      assertThat(cells.get(5)).isEqualTo(fixed2(line.kgCO2e() / 1000));
      if (line.allocated()) { // attributed = gross × the product's share
        assertThat(line.kgCO2e()).isCloseTo(line.unallocatedKgCO2e() * r.allocationShare(),
            org.assertj.core.data.Offset.offset(1e-6));
      }
    }
    // the allocation table shows the basis the share comes from: product's measure / all measures
    List<Element> basis = html.getElementById("table-coproducts").select("tbody:not(.totals) tr");
    assertThat(basis).hasSize(r.allocationBasis().size());
    double all = r.allocationBasis().stream().mapToDouble(Double::doubleValue).sum();
    assertThat(basis.get(0).select("td").eachText().get(3)).isEqualTo(percent(r.allocationShare(), " %"))
        .isEqualTo(percent(r.allocationBasis().get(0) / all, " %"));
    double gross = r.lines().stream().mapToDouble(LineResult::unallocatedKgCO2e).sum();
    assertThat(html.getElementById("table-calculation").select("tbody.totals tr").first().select("td").eachText())
        .containsSubsequence(fixed2(gross / 1000), fixed2(r.totalKgCO2e() / 1000));
  }

  @Test
  void cutoffShareUsesTheRuleBase_allRawMaterialMass() throws IOException {
    // 2 t of release agent left out beside 3,900 t of pig iron: 2 / 3,902 = 0.0513 %
    Render.Built b = Render.example("cast-back-plate-per-piece.yaml", null);
    Document html = Jsoup.parse(new String(Render.bytes(b.doc(), ReportFormat.HTML), StandardCharsets.UTF_8));
    assertThat(html.getElementById("table-cutoff").select("tbody tr td").eachText())
        .containsExactly("脱模剂", "2 t", "0.05%", "辅助材料，质量低于原料总消耗的 0.5 %，且无可查排放因子");
  }

  @Test
  void namesAreText_placeholdersAndControlCharactersIncluded(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("odd.yaml");
    Files.writeString(file, study(2, "Org {0} {2}", "Screw {1} {3}\u000bM8"));
    Render.Built b = Render.build(file, null);
    Document html = Jsoup.parse(new String(Render.bytes(b.doc(), ReportFormat.HTML), StandardCharsets.UTF_8));
    // a {1} typed in a name stays as typed; the vertical tab from a spreadsheet becomes a space
    assertThat(html.text()).contains("carbon footprint of Screw {1} {3} M8, made by Org {0} {2},");
    try (PDDocument pdf = Loader.loadPDF(Render.bytes(b.doc(), ReportFormat.PDF))) {
      assertThat(new PDFTextStripper().getText(pdf)).contains("Screw {1} {3} M8");
    }
    assertThat(Render.bytes(b.doc(), ReportFormat.DOCX)).isNotEmpty();
  }

  @Test
  void dataQuality_creditsWeighByMagnitude_andTheGradeIsNeverRoundedUp(@TempDir Path dir) throws IOException {
    // steel 996 kg × 1 kg/kg, points 6/3/3 = 4.00; scrap credit −4 kg, points 3/3/3 = 3.00;
    // by magnitude the score is (4 × 996 + 3 × 4) / 1000 = 3.996: grade 3, so shown as 3.99, not 4.00
    Path file = dir.resolve("credit.yaml");
    Files.writeString(file, """
        tanji: 1
        study:
          title: Credit
          language: en
          boundary: cradle-to-gate
          period: {start: 2024-01-01, end: 2024-12-31}
        organization: {name: Acme}
        product: {name: Widget, declaredUnit: 1 t, output: 1 t}
        factors:
          steel: {value: 1 kgCO2e/kg, type: regional}
          credit: {value: -1 kgCO2e/kg, type: regional}
        inventory:
          - name: steel
            stage: raw-materials
            amount: 996 kg
            factor: steel
            quality: {activity: continuous, calibration: partial}
          - name: scrap credit
            stage: waste
            amount: 4 kg
            factor: credit
            quality: {activity: periodic, calibration: partial}
        """);
    Render.Built b = Render.build(file, null);
    assertThat(b.result().hasErrors()).as(b.result().findings().toString()).isFalse();
    assertThat(b.result().dataQuality().score()).isCloseTo(3.996, org.assertj.core.data.Offset.offset(1e-9));
    Document html = Jsoup.parse(new String(Render.bytes(b.doc(), ReportFormat.HTML), StandardCharsets.UTF_8));
    Element quality = html.getElementById("table-quality");
    assertThat(quality.select("tbody tr td:eq(5)").eachText()).containsExactly("99.60 %", "0.40 %");
    assertThat(quality.select("tbody.totals td").last().text()).isEqualTo("3.99");
    assertThat(html.text()).contains("The weighted data-quality score is 3.99: grade 3");
  }

  // ---------------------------------------------------------------- helpers

  /** Two decimals, half up, with thousands separators, from the decimal text of the double. */
  static String fixed2(double v) {
    DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return f.format(BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP));
  }

  /** Two decimals from 1 up, four significant digits below (0.02, 0.1, 0.375). */
  static String figure(double v) {
    BigDecimal sig = new BigDecimal(v).round(new java.math.MathContext(4, RoundingMode.HALF_UP));
    return sig.abs().compareTo(BigDecimal.ONE) >= 0 ? fixed2(v) : sig.stripTrailingZeros().toPlainString();
  }

  static String percent(double share, String sign) {
    return fixed2(share * 100) + sign;
  }

  /** The text from a heading to the next heading of the same level. */
  static String sectionText(Document html, String anchor) {
    Element h = html.getElementById(anchor);
    StringBuilder sb = new StringBuilder();
    for (Element e = h.nextElementSibling(); e != null && !e.tagName().equals("h1"); e = e.nextElementSibling()) {
      sb.append(e.text()).append('\n');
    }
    return sb.toString();
  }

  /**
   * An English study of {@code n} lines, steel and electricity alternating, Chinese line names;
   * small figures (0.02 i and 0.01 i kg), so the report shows kg with two exact decimals.
   */
  static String study(int n, String organization, String product) {
    StringBuilder y = new StringBuilder();
    y.append("tanji: 1\nstudy:\n  title: ").append(quote(product + " — footprint")).append('\n');
    y.append("  language: en\n  standards: [ISO 14067:2018]\n  boundary: cradle-to-gate\n");
    y.append("  period: {start: 2024-01-01, end: 2024-12-31}\n  gwp: AR6\n");
    y.append("organization:\n  name: ").append(quote(organization)).append('\n');
    y.append("  address: ").append(quote("No. 1 <Road> & Co, 上海")).append('\n');
    y.append("product:\n  name: ").append(quote(product)).append("\n  declaredUnit: 1 t\n  output: 5 t\n");
    y.append("factors:\n  steel: {name: ").append(quote("steel <grade>")).append(
        ", value: 2 kgCO2e/t, type: national, source: ").append(quote("CPCD & <db>")).append(", year: 2022}\n");
    y.append("  grid: {value: 0.01 kgCO2e/kWh, type: regional}\n");
    y.append("evidence:\n  - {title: ").append(quote("<i>invoice</i>")).append("}\n");
    y.append("report:\n  number: ").append(quote("R-<1>")).append("\n  date: 2025-03-01\n");
    y.append("inventory:\n");
    for (int i = 1; i <= n; i++) {
      boolean steel = i % 2 == 1;
      y.append("  - name: ").append(quote((steel ? "钢材" : "电力") + " line " + i)).append('\n');
      y.append("    stage: ").append(steel ? "raw-materials" : "production").append('\n');
      y.append("    amount: ").append(steel ? i * 10 + " kg" : i + " kWh").append('\n');
      y.append("    factor: ").append(steel ? "steel" : "grid").append('\n');
      y.append("    quality: {activity: periodic, calibration: partial}\n");
    }
    return y.toString();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u000b", "\\v") + "\"";
  }

  @Test
  void uncertainty_sectionWithTheSimulationsFigures_inBothLanguages() throws IOException {
    // the figures come from the same simulation, run here on its own (default runs and seed)
    Render.Built b = Render.example("seed-003-uncertainty.yaml", null);
    org.tanji.core.uncertainty.UncertaintyResult u = org.tanji.core.uncertainty.Simulation
        .prepare(b.read().study(), b.read().findings()).run(org.tanji.core.uncertainty.Settings.defaults());
    String median = org.tanji.core.i18n.Numbers.grouped(org.tanji.core.i18n.Numbers.readable(u.perUnit().median()));
    String p97 = org.tanji.core.i18n.Numbers.grouped(org.tanji.core.i18n.Numbers.readable(u.perUnit().p97_5()));
    byte[] bytes = Render.bytes(b.doc(), ReportFormat.HTML);
    Document html = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8));
    assertThat(html.text()).contains("不确定性与敏感性分析", "蒙特卡洛模拟", "10,000", median, p97, "2,821.88")
        .doesNotContain("!uncertainty");
    Element interval = html.getElementById("table-uncertainty-interval");
    assertThat(interval.select("tbody tr")).hasSize(1 + u.stages().size());
    assertThat(interval.select("tbody tr").get(0).text()).contains("2,821.88", median);
    assertThat(html.getElementById("table-uncertainty-inputs").select("tbody tr")).hasSize(8);
    assertThat(Render.bytes(Render.example("seed-003-uncertainty.yaml", null).doc(), ReportFormat.HTML))
        .as("same bytes again").isEqualTo(bytes);

    Document en = Jsoup.parse(new String(Render.bytes(Render.example("seed-003-uncertainty.yaml", java.util.Locale.ENGLISH).doc(),
        ReportFormat.HTML), StandardCharsets.UTF_8));
    assertThat(en.text()).contains("Uncertainty and sensitivity", "Monte Carlo", median, "pedigree 2,2,2,3,3");
    // a study without distributions has no such section
    assertThat(Jsoup.parse(new String(Render.bytes(Render.example(SEED, null).doc(), ReportFormat.HTML),
        StandardCharsets.UTF_8)).text()).doesNotContain("不确定性与敏感性分析");
  }
}

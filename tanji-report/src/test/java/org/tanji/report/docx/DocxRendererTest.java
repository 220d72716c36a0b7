package org.tanji.report.docx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDoughnutChartData;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.tanji.report.model.Block;
import org.tanji.report.model.Block.ChartItem;
import org.tanji.report.model.Block.Column;
import org.tanji.report.model.Block.StageBox;
import org.tanji.report.model.Cover;
import org.tanji.report.model.ReportDocument;

class DocxRendererTest {

  private static final String MARKUP = "<script>alert(1)</script> & \"quotes\"";
  private static final String LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(4);

  // ---- the documents ------------------------------------------------------------------------

  static ReportDocument english() {
    Block.Table signatures = new Block.Table("signatures", "Approval",
        List.of(Column.text("Role"), Column.text("Name"), Column.text("Date"), Column.text("Signature")),
        List.of(List.of("Prepared by", "A. Smith", "2025-03-01", ""),
            List.of("Reviewed by", "B. Jones", "2025-03-02", ""),
            List.of("Approved by", "C. Wang", "2025-03-03", "")),
        List.of(), false);
    Cover cover = new Cover("Product carbon footprint report", "Steel wire rod Ø 6.5 mm", "ACME <b>Steel</b> & Co.",
        "Carbon footprint per declared unit", "2,821.88 kgCO₂e / t",
        List.of(new Cover.Field("Product", "Wire rod"), new Cover.Field("Declared unit", "1 t"),
            new Cover.Field("Report number", "PCF-2025-001"), new Cover.Field("Date", "2025-03-03")),
        signatures);
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Contents("Contents"));
    blocks.add(new Block.PageBreak());
    blocks.add(new Block.Heading(1, "1", "Introduction", "s1"));
    blocks.add(new Block.Paragraph("This report gives the carbon footprint of the product, following ISO 14067. "
        .repeat(4)));
    blocks.add(new Block.Heading(2, "1.1", "Scope & goal", "s1-1"));
    blocks.add(new Block.ItemList(List.of("Cradle to gate", "Declared unit 1 t", "Cut-off 1 %"), true));
    blocks.add(new Block.ItemList(List.of("Electricity", "Natural gas"), false));
    blocks.add(new Block.Formula("CFP = Σ (AD_i × EF_i)",
        List.of("AD_i: activity data of line i", "EF_i: emission factor of line i")));
    blocks.add(new Block.Heading(1, "2", "Results", "s2"));
    blocks.add(stagesTable());
    blocks.add(new Block.Note("Figures are rounded; totals may differ from the sum of the rows."));
    blocks.add(new Block.Chart("stage-donut", Block.ChartKind.DONUT, "Figure 1 Emissions by stage", "kgCO₂e",
        List.of(new ChartItem("Raw materials", 0.897, "2,531.23", "89.70 %"),
            new ChartItem("Production", 0.08, "225.75", "8.00 %"),
            new ChartItem("Transport", 0.023, "64.90", "2.30 %"))));
    blocks.add(new Block.Chart("line-bars", Block.ChartKind.BARS, "Figure 2 Largest lines", "kgCO₂e",
        List.of(new ChartItem("Iron ore pellets", 0.55, "1,552.03", "55.00 %"),
            new ChartItem("Coking coal", 0.25, "705.47", "25.00 %"),
            new ChartItem("Electricity, grid", 0.12, "338.63", "12.00 %"),
            new ChartItem("Natural gas", 0.05, "141.09", "5.00 %"),
            new ChartItem("Rail freight", 0.03, "84.66", "3.00 %"))));
    blocks.add(new Block.Heading(2, "2.1", "System boundary", "s2-1"));
    blocks.add(boundary("Figure 3 System boundary", "Cradle to gate", List.of("Raw material extraction",
        "Pre-processing", "Transport to plant", "Production", "Packaging", "Distribution", "Use", "End of life"), 4));
    blocks.add(new Block.PageBreak());
    blocks.add(new Block.Heading(1, "", "Appendix A Activity data", "appendix-a"));
    blocks.add(bigTable());
    blocks.add(Block.Table.keyValue("data-quality", "Table A.2 Data quality",
        List.of(List.of("Temporal", "2024"), List.of("Geographical", "China, Hebei"),
            List.of("Technology", LONG_WORD))));
    return new ReportDocument(Locale.ENGLISH, "Steel wire rod", cover, blocks, "PCF-2025-001 · Steel wire rod");
  }

  static ReportDocument chinese() {
    Cover cover = new Cover("产品碳足迹报告", "热轧盘条", "某某钢铁有限公司", "单位产品碳足迹", "2,821.88 kgCO₂e / t",
        List.of(new Cover.Field("产品", "盘条"), new Cover.Field("声明单位", "1 吨")),
        new Block.Table("signatures", "", List.of(Column.text("角色")), List.of(), List.of(), false));
    List<Block> blocks = List.of(
        new Block.Contents("目录"),
        new Block.Heading(1, "1", "概述", "s1"),
        new Block.Paragraph("本报告依据 ISO 14067 计算产品碳足迹。" + MARKUP),
        new Block.Heading(2, "1.1", "系统边界", "s1-1"),
        boundary("图 1 系统边界", "从摇篮到大门", List.of("原材料获取", "生产", "运输", "使用", "废弃"), 2),
        new Block.Table("stages", "表 1 各阶段排放",
            List.of(Column.text("阶段"), Column.number("排放量 (kgCO₂e)"), Column.number("占比")),
            List.of(List.of("原材料获取", "2,531.23", "89.70 %"), List.of("生产", "290.65", "10.30 %")),
            List.of(List.of("合计", "2,821.88", "100.00 %")), false),
        new Block.Chart("stage-donut", Block.ChartKind.DONUT, "图 2 各阶段排放", "kgCO₂e",
            List.of(new ChartItem("原材料获取", 0.897, "2,531.23", "89.70 %"),
                new ChartItem("生产", 0.103, "290.65", "10.30 %"))),
        new Block.Note("注：数值经四舍五入。"));
    return new ReportDocument(Locale.CHINESE, "热轧盘条", cover, blocks, "PCF-2025-001");
  }

  private static Block.Table stagesTable() {
    return new Block.Table("stages", "Table 1 Emissions by stage",
        List.of(Column.text("Stage"), Column.text("Comment"), Column.number("kgCO₂e"), Column.number("Share")),
        List.of(List.of("Raw materials", MARKUP, "2,531.23", "89.70 %"),
            List.of("Production", LONG_WORD, "225.75", "8.00 %"),
            List.of("Transport", "Road & rail", "64.90", "2.30 %")),
        List.of(List.of("Total", "", "2,821.88", "100.00 %")), false);
  }

  private static Block.Table bigTable() {
    List<List<String>> rows = IntStream.rangeClosed(1, 500)
        .mapToObj(i -> List.of(Integer.toString(i), "Input line " + i,
            String.format(Locale.ROOT, "%,d.%02d", i * 13, i % 100)))
        .toList();
    return new Block.Table("activity", "Table A.1 Activity data",
        List.of(Column.number("No."), Column.text("Line"), Column.number("Amount")), rows,
        List.of(List.of("", "Total", "1,628,250.00")), false);
  }

  private static Block.BoundaryDiagram boundary(String caption, String title, List<String> names, int included) {
    List<StageBox> stages = IntStream.range(0, names.size())
        .mapToObj(i -> new StageBox(names.get(i), i < included,
            i < included ? List.of("Input " + (i + 1) + "a", "Input " + (i + 1) + "b") : List.of("—")))
        .toList();
    return new Block.BoundaryDiagram(caption, title, stages);
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static byte[] render(ReportDocument d) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DocxRenderer.write(d, out);
    return out.toByteArray();
  }

  private static XWPFDocument read(byte[] docx) throws IOException {
    return new XWPFDocument(new ByteArrayInputStream(docx));
  }

  /** Writes the file under target/ for a look in Word or LibreOffice. */
  private static byte[] renderAndKeep(ReportDocument d, String name) throws IOException {
    byte[] bytes = render(d);
    Path dir = Path.of("target", "docx-test");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), bytes);
    return bytes;
  }

  private static String part(byte[] docx, String name) throws IOException {
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        if (e.getName().equals(name)) {
          return new String(z.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no part " + name);
  }

  private static List<List<String>> cells(XWPFTable t) {
    return t.getRows().stream().map(r -> r.getTableCells().stream().map(XWPFTableCell::getText).toList()).toList();
  }

  /** The grid a model table should have in Word: header (unless key-value), rows, footer. */
  private static List<List<String>> expected(Block.Table t) {
    List<List<String>> all = new ArrayList<>();
    if (!t.keyValue()) {
      all.add(t.columns().stream().map(Column::header).toList());
    }
    all.addAll(t.rows());
    all.addAll(t.footer());
    return all;
  }

  private static List<Block.Table> modelTables(ReportDocument d) {
    return d.blocks().stream().filter(b -> b instanceof Block.Table).map(b -> (Block.Table) b).toList();
  }

  private static List<Block.Chart> modelCharts(ReportDocument d) {
    return d.blocks().stream().filter(b -> b instanceof Block.Chart).map(b -> (Block.Chart) b).toList();
  }

  // ---- tests -------------------------------------------------------------------------------------

  @Test
  void headingsAreWordHeadingsWithTheirLabelsInOrder() throws IOException {
    for (ReportDocument model : List.of(english(), chinese())) {
      try (XWPFDocument doc = read(render(model))) {
        List<String> actual = doc.getParagraphs().stream()
            .filter(p -> p.getStyle() != null && p.getStyle().startsWith("Heading"))
            .map(p -> p.getStyle() + "|" + p.getText()).toList();
        List<String> want = model.headings().stream()
            .map(h -> "Heading" + h.level() + "|" + (h.number().isEmpty() ? h.text() : h.number() + " " + h.text()))
            .toList();
        assertThat(actual).containsExactlyElementsOf(want);
        assertThat(doc.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
        assertThat(doc.getStyles().getStyle("Heading2").getName()).isEqualTo("heading 2");
        assertThat(doc.getStyles().getStyle("Heading1").getCTStyle().getPPr().getOutlineLvl().getVal()).isZero();
        assertThat(doc.getStyles().getStyle("Heading2").getCTStyle().getPPr().getOutlineLvl().getVal()).isOne();
        assertThat(doc.getStyles().getStyle("Title")).isNotNull();
        assertThat(doc.getStyles().getStyle("Caption")).isNotNull();
      }
    }
  }

  @Test
  void headingsCarryBookmarksThatTheContentsLinkTo() throws IOException {
    String xml = part(render(english()), "word/document.xml");
    assertContains(xml, "w:name=\"s1_1\"", "w:anchor=\"s1_1\"", "w:name=\"appendix_a\"", "w:anchor=\"appendix_a\"");
  }

  @Test
  void contentsIsATocFieldWhoseCachedEntriesAreTheHeadings() throws IOException {
    ReportDocument model = english();
    byte[] bytes = render(model);
    try (XWPFDocument doc = read(bytes)) {
      List<XWPFParagraph> toc = doc.getParagraphs().stream()
          .filter(p -> p.getStyle() != null && p.getStyle().startsWith("TOC") && !p.getStyle().equals("TOCHeading"))
          .toList();
      assertThat(toc).extracting(XWPFParagraph::getText)
          .containsExactlyElementsOf(model.headings().stream().map(Block.Heading::label).toList());
      assertThat(toc).extracting(XWPFParagraph::getStyle)
          .containsExactlyElementsOf(model.headings().stream().map(h -> "TOC" + h.level()).toList());
      assertThat(doc.getParagraphs()).anyMatch(p -> "TOCHeading".equals(p.getStyle()) && p.getText().equals("Contents"));
    }
    String xml = part(bytes, "word/document.xml");
    assertContains(xml, "<w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText>");
    assertThat(xml.contains("updateFields") || part(bytes, "word/settings.xml").contains("updateFields")).isFalse();
  }

  @Test
  void everyModelTableIsAWordTableWithExactlyItsCells() throws IOException {
    ReportDocument model = english();
    try (XWPFDocument doc = read(render(model))) {
      List<List<List<String>>> actual = doc.getTables().stream().map(DocxRendererTest::cells).toList();
      List<List<List<String>>> want = new ArrayList<>();
      want.add(model.cover().facts().stream().map(f -> List.of(f.label(), f.value())).toList());
      want.add(expected(model.cover().signatures()));
      modelTables(model).forEach(t -> want.add(expected(t)));
      assertThat(actual).containsSubsequence(want);
      assertThat(actual).anySatisfy(t -> assertThat(t).contains(List.of("Raw materials", MARKUP, "2,531.23", "89.70 %")));
    }
  }

  @Test
  void tablesHaveStyledHeadersFootersAndNumericColumns() throws IOException {
    ReportDocument model = english();
    try (XWPFDocument doc = read(render(model))) {
      XWPFTable stages = tableStartingWith(doc, expected(stagesTable()).get(0));
      XWPFTableRow header = stages.getRow(0);
      assertThat(header.isRepeatHeader()).isTrue();
      assertThat(header.getCell(0).getColor()).isEqualToIgnoringCase("1F6F8B");
      assertThat(header.getCell(0).getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();
      XWPFTableRow body = stages.getRow(1);
      assertThat(body.isRepeatHeader()).isFalse();
      assertThat(body.getCell(2).getParagraphs().get(0).getAlignment().name()).isEqualTo("RIGHT");
      assertThat(body.getCell(0).getParagraphs().get(0).getAlignment().name()).isEqualTo("LEFT");
      XWPFTableRow total = stages.getRow(stages.getNumberOfRows() - 1);
      assertThat(total.getCell(0).getText()).isEqualTo("Total");
      assertThat(total.getCell(0).getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();
      assertThat(stages.getCTTbl().getTblPr().getTblLayout().getType().toString()).isEqualTo("fixed");

      XWPFTable quality = doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals("Temporal"))
          .findFirst().orElseThrow();
      assertThat(quality.getRow(0).isRepeatHeader()).isFalse();
      assertThat(quality.getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();
      assertThat(quality.getRow(2).getCell(1).getText()).isEqualTo(LONG_WORD);
    }
  }

  @Test
  void theLongTableRepeatsItsHeaderRowOnEveryPage() throws IOException {
    Block.Table big = bigTable();
    try (XWPFDocument doc = read(render(english()))) {
      XWPFTable t = tableStartingWith(doc, expected(big).get(0));
      assertThat(t.getNumberOfRows()).isEqualTo(1 + 500 + 1);
      assertThat(t.getRow(0).isRepeatHeader()).isTrue();
      assertThat(t.getRows().subList(1, t.getNumberOfRows())).noneMatch(XWPFTableRow::isRepeatHeader);
      assertThat(cells(t)).isEqualTo(expected(big));
    }
  }

  @Test
  void chartsAreNativeChartsWithTheModelsLabelsAndShares() throws IOException {
    ReportDocument model = english();
    List<Block.Chart> want = modelCharts(model);
    try (XWPFDocument doc = read(render(model))) {
      List<XWPFChart> charts = doc.getCharts();
      assertThat(charts).hasSize(want.size());
      for (int c = 0; c < want.size(); c++) {
        Block.Chart m = want.get(c);
        XDDFChartData data = charts.get(c).getChartSeries().get(0);
        if (m.kind() == Block.ChartKind.DONUT) {
          assertThat(data).isInstanceOf(XDDFDoughnutChartData.class);
        } else {
          assertThat(data).isInstanceOf(XDDFBarChartData.class);
          assertThat(((XDDFBarChartData) data).getBarDirection()).isEqualTo(BarDirection.BAR);
          XDDFCategoryAxis axis = (XDDFCategoryAxis) charts.get(c).getAxes().stream()
              .filter(a -> a instanceof XDDFCategoryAxis).findFirst().orElseThrow();
          assertThat(axis.getOrientation()).isEqualTo(AxisOrientation.MAX_MIN); // first item on top
        }
        XDDFChartData.Series s = data.getSeries(0);
        assertThat(s.getCategoryData().getPointCount()).isEqualTo(m.items().size());
        for (int i = 0; i < m.items().size(); i++) {
          assertThat(s.getCategoryData().getPointAt(i)).isEqualTo(m.items().get(i).label());
          assertThat(s.getValuesData().getPointAt(i).doubleValue())
              .isCloseTo(m.items().get(i).share() * 100, within(1e-6));
        }
      }
      // every figure is in the text as well
      List<List<List<String>>> tables = doc.getTables().stream().map(DocxRendererTest::cells).toList();
      for (Block.Chart m : want) {
        List<List<String>> rows = m.items().stream().map(i -> List.of(i.label(), i.value(), i.shareText())).toList();
        assertThat(tables).anySatisfy(t -> assertThat(t).containsSubsequence(rows));
      }
    }
  }

  @Test
  void theBoundaryDiagramIsOneRowOfStagesAndArrows() throws IOException {
    ReportDocument model = english();
    Block.BoundaryDiagram d = (Block.BoundaryDiagram) model.blocks().stream()
        .filter(b -> b instanceof Block.BoundaryDiagram).findFirst().orElseThrow();
    try (XWPFDocument doc = read(render(model))) {
      XWPFTable t = doc.getTables().stream().filter(x -> x.getNumberOfRows() == 1
          && x.getRow(0).getTableCells().size() == 2 * d.stages().size() - 1).findFirst().orElseThrow();
      List<XWPFTableCell> cells = t.getRow(0).getTableCells();
      for (int i = 0; i < d.stages().size(); i++) {
        StageBox s = d.stages().get(i);
        XWPFTableCell cell = cells.get(2 * i);
        assertThat(cell.getParagraphs()).extracting(XWPFParagraph::getText)
            .containsExactlyElementsOf(concat(s.name(), s.inputs()));
        assertThat(cell.getColor()).isEqualTo(s.included() ? "E3F0F4" : null);
        if (i > 0) {
          assertThat(cells.get(2 * i - 1).getText()).isEqualTo("→");
        }
      }
      assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText).contains(d.caption(), d.title());
    }
  }

  @Test
  void listsAreWordListsAndTextBlocksAreParagraphs() throws IOException {
    ReportDocument model = english();
    try (XWPFDocument doc = read(render(model))) {
      List<XWPFParagraph> paragraphs = doc.getParagraphs();
      for (Block b : model.blocks()) {
        if (b instanceof Block.ItemList l) {
          List<XWPFParagraph> items = paragraphs.stream()
              .filter(p -> "ListParagraph".equals(p.getStyle()) && l.items().contains(p.getText())).toList();
          assertThat(items).extracting(XWPFParagraph::getText).containsExactlyElementsOf(l.items());
          assertThat(items).allSatisfy(p -> assertThat(p.getNumID()).isNotNull());
          assertThat(items.get(0).getNumFmt()).isEqualTo(l.numbered() ? "decimal" : "bullet");
        } else if (b instanceof Block.Paragraph p) {
          assertThat(paragraphs).anyMatch(x -> x.getText().equals(p.text()) && x.getStyle() == null);
        } else if (b instanceof Block.Note n) {
          assertThat(paragraphs).anyMatch(x -> x.getText().equals(n.text()) && "Note".equals(x.getStyle()));
        } else if (b instanceof Block.Formula f) {
          assertThat(paragraphs).anyMatch(x -> x.getText().equals(f.formula()) && "Formula".equals(x.getStyle()));
          assertThat(paragraphs).extracting(XWPFParagraph::getText).containsSubsequence(f.legend());
        }
      }
    }
  }

  @Test
  void theCoverComesFirstThenANewPage() throws IOException {
    ReportDocument model = english();
    try (XWPFDocument doc = read(render(model))) {
      List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).filter(s -> !s.isEmpty()).toList();
      Cover c = model.cover();
      assertThat(texts.subList(0, 5)).containsExactly(c.kind(), c.title(), c.organization(), c.resultLabel(), c.result());
      assertThat(doc.getParagraphs()).anyMatch(p -> "Title".equals(p.getStyle()) && p.getText().equals(c.title()));
      // body order: the signatures table, then a page break, then the contents
      List<IBodyElement> body = doc.getBodyElements();
      int signatures = IntStream.range(0, body.size()).filter(i -> body.get(i) instanceof XWPFTable t
          && cells(t).equals(expected(c.signatures()))).findFirst().orElseThrow();
      int pageBreak = IntStream.range(0, body.size()).filter(i -> body.get(i) instanceof XWPFParagraph p
          && p.getCTP().xmlText().contains("w:type=\"page\"")).findFirst().orElseThrow();
      int contents = IntStream.range(0, body.size()).filter(i -> body.get(i) instanceof XWPFParagraph p
          && "TOCHeading".equals(p.getStyle())).findFirst().orElseThrow();
      assertThat(signatures).isLessThan(pageBreak);
      assertThat(pageBreak).isEqualTo(signatures + 1).isLessThan(contents);
    }
  }

  @Test
  void markupAndOddTextComeOutLiterally() throws IOException {
    byte[] bytes = render(chinese());
    try (XWPFDocument doc = read(bytes)) {
      assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText)
          .contains("本报告依据 ISO 14067 计算产品碳足迹。" + MARKUP);
    }
    String xml = part(render(english()), "word/document.xml");
    assertContains(xml, "&lt;script>alert(1)&lt;/script> &amp; \"quotes\"", "ACME &lt;b>Steel&lt;/b> &amp; Co.");
    assertThat(xml.contains("<script>") || xml.contains("<b>")).isFalse();
  }

  @Test
  void theFooterHasTheTextAndAPageField() throws IOException {
    ReportDocument model = english();
    try (XWPFDocument doc = read(render(model))) {
      assertThat(doc.getFooterList()).isNotEmpty();
      String footer = doc.getFooterList().get(0)._getHdrFtr().xmlText();
      assertThat(footer).contains("w:instrText", " PAGE ", " NUMPAGES ", "fldCharType=\"begin\"");
      assertThat(doc.getFooterList().get(0).getText()).contains(model.footer());
    }
  }

  @Test
  void pageIsA4PortraitAndLanguageFollowsTheLocale() throws IOException {
    byte[] en = render(english());
    String doc = part(en, "word/document.xml");
    assertContains(doc, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>");
    assertContains(part(en, "word/styles.xml"), "w:eastAsia=\"en-US\"", "w:eastAsia=\"Microsoft YaHei\"", "w:ascii=\"Calibri\"");
    assertContains(part(render(chinese()), "word/styles.xml"), "w:eastAsia=\"zh-CN\"");
  }

  @Test
  void theChineseDocumentHasItsTablesAndChart() throws IOException {
    ReportDocument model = chinese();
    try (XWPFDocument doc = read(renderAndKeep(model, "report-zh.docx"))) {
      List<List<List<String>>> actual = doc.getTables().stream().map(DocxRendererTest::cells).toList();
      assertThat(actual).contains(expected(modelTables(model).get(0)));
      // the signatures table has no rows: left out
      assertThat(actual).noneMatch(t -> t.get(0).equals(List.of("角色")));
      assertThat(doc.getCharts()).hasSize(1);
      assertThat(doc.getCharts().get(0).getChartSeries().get(0).getSeries(0).getCategoryData().getPointAt(0))
          .isEqualTo("原材料获取");
    }
  }

  @Test
  void theSameDocumentGivesTheSameBytes() throws IOException, InterruptedException {
    byte[] first = renderAndKeep(english(), "report-en.docx");
    assertThat(render(english())).isEqualTo(first);
    Thread.sleep(1100);
    assertThat(render(english())).isEqualTo(first);
    assertThat(part(first, "docProps/core.xml")).doesNotContain("dcterms:created").contains("Tanji");
  }

  @Test
  void oddInputStillGivesADocumentWordCanRead() throws IOException {
    Cover cover = new Cover("", "", null, "", "", List.of(), null);
    List<ChartItem> many = IntStream.range(0, 40)
        .mapToObj(i -> new ChartItem("Line " + i, 1 / 40.0, "1", "2.5 %")).toList();
    List<Block> blocks = List.of(
        new Block.Heading(1, "1", "Same anchor", "dup"),
        new Block.Heading(2, "1.1", "Same anchor again", "dup"),
        new Block.Heading(3, "1.1.1", "Deeper than the model promises", "1-weird anchor!"),
        new Block.Paragraph("control\u0001character\nand a second line\tafter a tab"),
        new Block.Table("ragged", "", List.of(Column.text("A"), Column.text("B"), Column.text("C")),
            List.of(List.of("only one")), List.of(), false),
        new Block.Table("touching", "", List.of(Column.text("X")), List.of(List.of("y")), List.of(), false),
        new Block.Chart("empty", Block.ChartKind.DONUT, "No items", "t", List.of()),
        new Block.Chart("tall", Block.ChartKind.BARS, "Forty bars", "t", many),
        new Block.BoundaryDiagram("None", "No stages", List.of()),
        new Block.ItemList(List.of(), true),
        new Block.Contents(""));
    ReportDocument model = new ReportDocument(Locale.ENGLISH, "", cover, blocks, "");
    byte[] bytes = renderAndKeep(model, "report-odd.docx");
    try (XWPFDocument doc = read(bytes)) {
      assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText)
          .contains("control character\nand a second line\tafter a tab"); // a space, as in HTML and PDF
      assertThat(cells(doc.getTables().get(0))).containsExactly(List.of("A", "B", "C"), List.of("only one", "", ""));
      assertThat(doc.getTables()).hasSize(2 + 2); // the two tables stay apart, plus two chart figure tables
      assertThat(doc.getCharts()).hasSize(1);
      assertThat(doc.getCharts().get(0).getChartSeries().get(0).getSeries(0).getCategoryData().getPointCount())
          .isEqualTo(40);
    }
    String xml = part(bytes, "word/document.xml");
    assertContains(xml, "w:name=\"dup\"", "w:name=\"dup_2\"", "w:name=\"h1_weird_anchor_\"", "w:anchor=\"dup_2\"");
    // the tall bar chart is capped at 20 cm
    assertContains(xml, "cy=\"" + 20 * 360_000 + "\"");
  }

  /** Checks that {@code xml} holds each of {@code needles}, naming only what is missing. */
  private static void assertContains(String xml, String... needles) {
    for (String n : needles) {
      assertThat(xml.contains(n)).as("contains %s", n).isTrue();
    }
  }

  private static XWPFTable tableStartingWith(XWPFDocument doc, List<String> firstRow) {
    return doc.getTables().stream().filter(t -> cells(t).get(0).equals(firstRow)).findFirst().orElseThrow();
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all.stream().filter(Objects::nonNull).toList();
  }
}

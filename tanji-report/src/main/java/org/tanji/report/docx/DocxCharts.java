package org.tanji.report.docx;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickMark;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFDoughnutChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTChartSpace;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import org.openxmlformats.schemas.drawingml.x2006.chart.STDLblPos;
import org.openxmlformats.schemas.drawingml.x2006.main.CTNonVisualDrawingProps;
import org.openxmlformats.schemas.drawingml.x2006.main.CTShapeProperties;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextBody;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextCharacterProperties;
import org.tanji.report.model.Block;
import org.tanji.report.model.Palette;

/**
 * Charts as native Word charts (DrawingML with an embedded workbook), so they can be edited in
 * Word; each is followed by a small table with every figure, so the numbers are also in the text.
 */
final class DocxCharts {

  private static final int WIDTH_CM = 15;
  private static final int LEGEND_WIDTH = Ooxml.twips(12);

  private final XWPFDocument doc;
  private final DocxTables tables;

  DocxCharts(XWPFDocument doc, DocxTables tables) {
    this.doc = doc;
    this.tables = tables;
  }

  /** The caption, the chart, then the table of its figures. */
  void chart(Block.Chart c) throws IOException {
    tables.caption(c.caption());
    if (!c.items().isEmpty()) {
      XWPFParagraph p = doc.createParagraph();
      p.setAlignment(ParagraphAlignment.CENTER);
      p.setKeepNext(true);
      try {
        XWPFRun run = p.createRun();
        XWPFChart chart = doc.createChart(run, WIDTH_CM * Ooxml.EMU_PER_CM, heightCm(c) * Ooxml.EMU_PER_CM);
        draw(chart, c);
        name(run, doc.getCharts().size(), c.caption());
      } catch (InvalidFormatException e) {
        throw new IOException(e);
      }
    }
    tables.table(figures(c), LEGEND_WIDTH);
  }

  /** Numbers the drawing from 1 (POI starts at 0) and gives it the caption as its alt text. */
  private static void name(XWPFRun run, int number, String caption) {
    CTNonVisualDrawingProps pr = run.getCTR().getDrawingArray(0).getInlineArray(0).getDocPr();
    pr.setId(number);
    pr.setName("Chart " + number);
    pr.setDescr(Ooxml.clean(caption));
  }

  private static int heightCm(Block.Chart c) {
    return c.kind() == Block.ChartKind.DONUT ? 8 : Math.min(20, Math.max(5, 2 + c.items().size()));
  }

  private static void draw(XWPFChart chart, Block.Chart c) throws IOException, InvalidFormatException {
    int n = c.items().size();
    String[] labels = c.items().stream().map(i -> Ooxml.clean(i.label())).toArray(String[]::new);
    Double[] percents = c.items().stream()
        .map(i -> Double.isFinite(i.share()) ? BigDecimal.valueOf(i.share()).movePointRight(2).doubleValue() : 0.0)
        .toArray(Double[]::new);
    XDDFCategoryDataSource cat =
        XDDFDataSourcesFactory.fromArray(labels, chart.formatRange(new CellRangeAddress(1, n, 0, 0)), 0);
    XDDFNumericalDataSource<Double> val =
        XDDFDataSourcesFactory.fromArray(percents, chart.formatRange(new CellRangeAddress(1, n, 1, 1)), 1);
    chart.setAutoTitleDeleted(true);
    if (c.kind() == Block.ChartKind.DONUT) {
      donut(chart, cat, val, n);
    } else {
      bars(chart, cat, val);
    }
    textProperties(chart);
    noFrame(chart.getCTChartSpace());
    chart.getWorkbook().getProperties().getCoreProperties().setCreated(Optional.empty());
    chart.getWorkbook().getProperties().getCoreProperties().setCreator("Tanji");
  }

  private static void donut(XWPFChart chart, XDDFCategoryDataSource cat, XDDFNumericalDataSource<Double> val, int n) {
    XDDFDoughnutChartData data = (XDDFDoughnutChartData) chart.createData(ChartTypes.DOUGHNUT, null, null);
    data.setVaryColors(true);
    data.setHoleSize(55);
    XDDFChartData.Series s = data.addSeries(cat, val);
    s.setTitle("%", chart.setSheetTitle("%", 1));
    chart.plot(data);
    for (int i = 0; i < n; i++) {
      s.getDataPoint(i).setFillProperties(fill(Palette.series(i)));
    }
    chart.getOrAddLegend().setPosition(LegendPosition.RIGHT);
  }

  private static void bars(XWPFChart chart, XDDFCategoryDataSource cat, XDDFNumericalDataSource<Double> val) {
    XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.LEFT);
    XDDFValueAxis values = chart.createValueAxis(AxisPosition.BOTTOM);
    // Word draws the first category at the bottom: reverse the axis so the first item is at the top,
    // and let the value axis cross at the last category so it stays at the bottom.
    categories.setOrientation(AxisOrientation.MAX_MIN);
    categories.setMajorTickMark(AxisTickMark.NONE);
    values.setCrosses(AxisCrosses.MAX);
    values.setCrossBetween(AxisCrossBetween.BETWEEN);
    values.setMinimum(0);
    values.setNumberFormat("0\"%\"");
    values.setMajorTickMark(AxisTickMark.OUT);
    values.getOrAddMajorGridProperties().setLineProperties(line("D9D9D9"));
    XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
    data.setBarDirection(BarDirection.BAR);
    data.setVaryColors(false);
    data.setGapWidth(60);
    XDDFBarChartData.Series s = (XDDFBarChartData.Series) data.addSeries(cat, val);
    s.setTitle("%", chart.setSheetTitle("%", 1));
    s.setFillProperties(fill(Palette.series(0)));
    chart.plot(data);
    chart.getCTChart().getPlotArea().getValAxArray(0).getNumFmt().setSourceLinked(false);
    labels(s.getCTBarSer().isSetDLbls() ? s.getCTBarSer().getDLbls() : s.getCTBarSer().addNewDLbls());
    chart.deleteLegend();
  }

  /** Value labels at the end of each bar, as percentages with one decimal. */
  private static void labels(CTDLbls l) {
    var fmt = l.addNewNumFmt();
    fmt.setFormatCode("0.0\"%\"");
    fmt.setSourceLinked(false);
    l.addNewDLblPos().setVal(STDLblPos.OUT_END);
    l.addNewShowLegendKey().setVal(false);
    l.addNewShowVal().setVal(true);
    l.addNewShowCatName().setVal(false);
    l.addNewShowSerName().setVal(false);
    l.addNewShowPercent().setVal(false);
    l.addNewShowBubbleSize().setVal(false);
  }

  /** The chart's text: 9 pt, Calibri and Microsoft YaHei, like the document. */
  private static void textProperties(XWPFChart chart) {
    var space = chart.getCTChartSpace();
    CTTextBody tx = space.isSetTxPr() ? space.getTxPr() : space.addNewTxPr();
    tx.addNewBodyPr();
    tx.addNewLstStyle();
    CTTextCharacterProperties rp = tx.addNewP().addNewPPr().addNewDefRPr();
    rp.setSz(900);
    rp.addNewLatin().setTypeface("Calibri");
    rp.addNewEa().setTypeface("Microsoft YaHei");
  }

  /** No border around the chart, square corners (Word's default frame would box the chart in). */
  private static void noFrame(CTChartSpace space) {
    space.addNewRoundedCorners().setVal(false);
    CTShapeProperties sp = space.isSetSpPr() ? space.getSpPr() : space.addNewSpPr();
    sp.addNewNoFill();
    sp.addNewLn().addNewNoFill();
  }

  private static XDDFSolidFillProperties fill(String hex) {
    return new XDDFSolidFillProperties(XDDFColor.from(HexFormat.of().parseHex(hex)));
  }

  private static XDDFLineProperties line(String hex) {
    return new XDDFLineProperties(fill(hex));
  }

  /** The figures under the chart: label, value and share of each item. */
  private static Block.Table figures(Block.Chart c) {
    List<Block.Column> columns =
        List.of(Block.Column.text(""), Block.Column.number(c.valueHeader()), Block.Column.number("%"));
    List<List<String>> rows = c.items().stream().map(i -> List.of(i.label(), i.value(), i.shareText())).toList();
    return new Block.Table(c.id() + "-figures", "", columns, rows, List.of(), false);
  }
}

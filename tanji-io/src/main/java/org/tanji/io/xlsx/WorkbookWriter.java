package org.tanji.io.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.tanji.core.model.TextTooLongException;
import org.tanji.core.model.Activity;
import org.tanji.core.model.Coproduct;
import org.tanji.core.model.Evidence;
import org.tanji.core.model.Factor;
import org.tanji.core.model.Identified;
import org.tanji.core.model.InventoryLine;
import org.tanji.core.model.LineUncertainty;
import org.tanji.core.model.Organization;
import org.tanji.core.model.Product;
import org.tanji.core.model.Quality;
import org.tanji.core.model.ReportInfo;
import org.tanji.core.model.Stage;
import org.tanji.core.model.Study;
import org.tanji.core.model.StudyInfo;
import org.tanji.core.model.Uncertainty;
import org.tanji.core.units.Quantity;
import org.tanji.core.units.Units;
import org.tanji.io.library.FactorLibrary;
import org.tanji.io.xlsx.Layout.Field;
import org.tanji.io.xlsx.Layout.Kind;
import org.tanji.io.xlsx.Layout.Sheet;

/**
 * Writes a study, or an empty data-collection template, as a workbook laid out by {@link Layout}:
 * instructions first, a sheet per part of the study, drop-down lists for every fixed choice, the
 * unit columns checked against the unit table, and the factor library to look ids up in.
 * Rows are streamed to disk, so a study of any size is written in little memory.
 */
final class WorkbookWriter {

  /** Rows below the data that get the drop-down lists, so that there is room to add lines. */
  private static final int ROOM = 2000;

  private final SXSSFWorkbook wb = new SXSSFWorkbook(200);
  private final Locale locale;
  private final FactorLibrary library;
  private final CellStyle header;
  private final CellStyle wrap;
  private final CellStyle date;
  private final Map<Integer, CellStyle> decimals = new HashMap<>();
  private final Map<String, String> lists = new LinkedHashMap<>();
  private SXSSFSheet listSheet;

  private WorkbookWriter(Locale locale, FactorLibrary library) {
    this.locale = locale;
    this.library = library;
    Font bold = wb.createFont();
    bold.setBold(true);
    header = wb.createCellStyle();
    header.setFont(bold);
    header.setFillForegroundColor(IndexedColors.LIGHT_GREEN.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    header.setWrapText(true);
    wrap = wb.createCellStyle();
    wrap.setWrapText(true);
    date = wb.createCellStyle();
    date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
  }

  /** Writes a study (or, when it is null, an empty template) in a language. */
  static void write(Study study, Locale locale, FactorLibrary library, String fileName, OutputStream out)
      throws IOException {
    WorkbookWriter w = new WorkbookWriter(locale, library);
    try {
      w.instructions(fileName);
      w.listSheet = w.wb.createSheet(Layout.text("sheet.lists", locale));
      w.forms(study);
      w.tables(study);
      w.library();
      w.wb.setSheetHidden(w.wb.getSheetIndex(w.listSheet), true);
      w.wb.setActiveSheet(0);
      // the same study gives the same bytes: no creation time from the clock, Tanji as the creator
      var core = w.wb.getXSSFWorkbook().getProperties().getCoreProperties();
      core.setCreated(java.util.Optional.empty());
      core.setCreator("Tanji");
      w.wb.write(out);
    } finally {
      w.wb.close(); // also removes the temporary files of the streamed rows
    }
  }

  // ------------------------------------------------------------------ instructions

  private void instructions(String fileName) {
    SXSSFSheet s = wb.createSheet(Layout.text("sheet.instructions", locale));
    s.setColumnWidth(0, 18 * 256);
    s.setColumnWidth(1, 30 * 256);
    s.setColumnWidth(2, 90 * 256);
    int r = 0;
    CellStyle title = wb.createCellStyle();
    Font big = wb.createFont();
    big.setBold(true);
    big.setFontHeightInPoints((short) 16);
    title.setFont(big);
    Row row = s.createRow(r++);
    text(row, 0, Layout.text("instructions.title", locale)).setCellStyle(title);
    text(s.createRow(r++), 0, java.text.MessageFormat.format(Layout.text("instructions.intro", locale), fileName));
    r++;
    text(s.createRow(r++), 0, Layout.text("instructions.rules", locale)).setCellStyle(header);
    for (int i = 1; i <= 6; i++) {
      text(s.createRow(r++), 0, i + ". " + Layout.text("instructions.rule." + i, locale));
    }
    r++;
    text(s.createRow(r++), 0, Layout.text("instructions.sheets", locale)).setCellStyle(header);
    for (Sheet sh : Layout.DATA) {
      Row x = s.createRow(r++);
      text(x, 0, sh.name(locale));
      text(x, 1, Layout.text("instructions.sheet." + sh.id(), locale));
    }
    Row lib = s.createRow(r++);
    text(lib, 0, Layout.text("sheet.library", locale));
    text(lib, 1, Layout.text("instructions.sheet.library", locale));
    r++;
    text(s.createRow(r++), 0, Layout.text("instructions.columns", locale)).setCellStyle(header);
    Row h = s.createRow(r++);
    text(h, 0, Layout.text("instructions.sheetColumn", locale)).setCellStyle(header);
    text(h, 1, Layout.text("instructions.columnColumn", locale)).setCellStyle(header);
    text(h, 2, Layout.text("instructions.helpColumn", locale)).setCellStyle(header);
    for (Sheet sh : Layout.DATA) {
      for (Field f : sh.fields()) {
        Row x = s.createRow(r++);
        text(x, 0, sh.name(locale));
        text(x, 1, sh.label(f, locale));
        text(x, 2, sh.help(f, locale)).setCellStyle(wrap);
      }
    }
  }

  // ------------------------------------------------------------------ forms

  private void forms(Study study) {
    form(Layout.STUDY, study == null ? Map.of("tanji", 1, "study.language", locale.getLanguage()) : studyValues(study));
    form(Layout.ORGANIZATION, study == null ? Map.of() : organizationValues(study.organization()));
    form(Layout.PRODUCT, study == null ? Map.of() : productValues(study.product()));
  }

  private void form(Sheet sheet, Map<String, Object> values) {
    SXSSFSheet s = wb.createSheet(sheet.name(locale));
    s.setColumnWidth(0, 30 * 256);
    s.setColumnWidth(1, 40 * 256);
    s.setColumnWidth(2, 16 * 256);
    s.setColumnWidth(3, 80 * 256);
    Row h = s.createRow(0);
    text(h, 0, Layout.text("kv.item", locale)).setCellStyle(header);
    text(h, 1, Layout.text("kv.value", locale)).setCellStyle(header);
    text(h, 2, Layout.text("kv.unit", locale)).setCellStyle(header);
    text(h, 3, Layout.text("kv.help", locale)).setCellStyle(header);
    s.createFreezePane(0, 1);
    int r = 1;
    for (Field f : sheet.fields()) {
      Row row = s.createRow(r);
      text(row, 0, sheet.label(f, locale));
      text(row, 3, sheet.help(f, locale)).setCellStyle(wrap);
      value(row, 1, 2, f, values.get(f.path()));
      validate(s, f, r, r, 1, 2);
      r++;
    }
  }

  private static Map<String, Object> studyValues(Study s) {
    Map<String, Object> v = new HashMap<>();
    v.put("tanji", 1);
    StudyInfo i = s.info();
    v.put("study.title", i.title());
    v.put("study.language", i.language());
    v.put("study.standards", i.standards().isEmpty() ? null : i.standards());
    v.put("study.boundary", i.stages().isEmpty() ? id(i.boundary())
        : String.join(", ", i.stages().stream().map(Stage::id).toList()));
    if (i.period() != null) {
      v.put("study.period.start", i.period().start());
      v.put("study.period.end", i.period().end());
    }
    // the study's own GWP table in one cell, as gas=value pairs the reader takes back
    v.put("study.gwp", i.customGwp().isEmpty() ? id(i.gwp()) : String.join("; ", i.customGwp().entrySet().stream()
        .map(e -> e.getKey() + "=" + decimal(e.getValue())).toList()));
    // the exchange rates in one cell, as currency=rate pairs the reader takes back
    v.put("study.exchangeRates", i.exchangeRates().isEmpty() ? null : String.join("; ", i.exchangeRates().stream()
        .map(r -> r.currency().symbol() + "=" + r.rate().text()).toList()));
    v.put("allocation", id(s.allocation()));
    if (s.cutoffMassShare() != Study.DEFAULT_CUTOFF) {
      v.put("cutoff.massShare", decimal(s.cutoffMassShare()));
    }
    v.put("claimed.total", s.claims().total());
    v.put("claimed.perUnit", s.claims().perUnit());
    v.put("claimed.dataQuality", s.claims().dataQuality());
    // claims by stage in one cell each, as stage=figure pairs the reader takes back
    v.put("claimed.stages", s.claims().stages().isEmpty() ? null : String.join("; ", s.claims().stages().entrySet()
        .stream().map(e -> e.getKey().id() + "=" + e.getValue().text()).toList()));
    v.put("claimed.shares", s.claims().stageShares().isEmpty() ? null : String.join("; ", s.claims().stageShares()
        .entrySet().stream().map(e -> e.getKey().id() + "=" + e.getValue().text()).toList()));
    var b = s.beside();
    v.put("biogenic.emissions", b.biogenicEmissions());
    v.put("biogenic.removals", b.biogenicRemovals());
    v.put("biogenic.carbonContent", b.biogenicCarbon());
    v.put("avoided", b.avoided().isEmpty() ? null : String.join("; ", b.avoided().stream()
        .map(c -> c.name() + "=" + c.amount().text()).toList()));
    v.put("offsets", b.offsets().isEmpty() ? null : String.join("; ", b.offsets().stream()
        .map(c -> c.name() + "=" + c.amount().text()).toList()));
    ReportInfo r = s.report();
    v.put("report.number", r.number());
    v.put("report.date", r.date());
    v.put("report.assessor", r.assessor());
    for (String who : List.of("preparedBy", "reviewedBy", "approvedBy")) {
      ReportInfo.Signature sig = who.equals("preparedBy") ? r.preparedBy()
          : who.equals("reviewedBy") ? r.reviewedBy() : r.approvedBy();
      if (sig != null) {
        v.put("report." + who + ".name", sig.name());
        v.put("report." + who + ".date", sig.date());
      }
    }
    v.put("uncertainty.fromQuality", s.uncertaintyFromQuality() ? Boolean.TRUE : null);
    return v;
  }

  private static Map<String, Object> organizationValues(Organization o) {
    Map<String, Object> v = new HashMap<>();
    v.put("organization.name", o.name());
    v.put("organization.address", o.address());
    v.put("organization.creditCode", o.creditCode());
    v.put("organization.legalRepresentative", o.legalRepresentative());
    v.put("organization.industry", o.industry());
    v.put("organization.contact", o.contact());
    v.put("organization.phone", o.phone());
    v.put("organization.email", o.email());
    return v;
  }

  private static Map<String, Object> productValues(Product p) {
    Map<String, Object> v = new HashMap<>();
    v.put("product.name", p.name());
    v.put("product.declaredUnit", p.declaredUnit());
    v.put("product.output", p.output());
    v.put("product.massPerUnit", p.massPerUnit());
    v.put("product.price", decimal(p.price()));
    v.put("product.description", p.description());
    v.put("product.cnCode", p.customsCode() == null ? null : p.customsCode().printed());
    v.put("product.geography", p.geography() == null ? null : p.geography().code());
    v.put("product.fossilCarbonContent", p.fossilCarbon());
    return v;
  }

  // ------------------------------------------------------------------ tables

  private void tables(Study study) {
    List<Map<String, Object>> factors = new ArrayList<>();
    List<Map<String, Object>> lines = new ArrayList<>();
    List<Map<String, Object>> coproducts = new ArrayList<>();
    List<Map<String, Object>> evidence = new ArrayList<>();
    if (study != null) {
      for (Map.Entry<String, Factor> e : study.factors().entrySet()) {
        if (e.getValue().libraryId() == null) {
          factors.add(factorValues(e.getKey(), e.getValue()));
        }
      }
      for (InventoryLine l : study.inventory()) {
        lines.add(lineValues(l));
      }
      for (Coproduct c : study.coproducts()) {
        Map<String, Object> v = new HashMap<>();
        v.put("name", c.name());
        v.put("output", c.output());
        v.put("price", decimal(c.price()));
        v.put("declaredUnit", c.declaredUnit());
        v.put("massPerUnit", c.massPerUnit());
        coproducts.add(v);
      }
      for (Evidence e : study.evidence()) {
        Map<String, Object> v = new HashMap<>();
        v.put("title", e.title());
        v.put("reference", e.reference());
        v.put("note", e.note());
        evidence.add(v);
      }
    }
    table(Layout.FACTORS, factors);
    table(Layout.INVENTORY, lines);
    table(Layout.COPRODUCTS, coproducts);
    table(Layout.EVIDENCE, evidence);
  }

  private static Map<String, Object> factorValues(String key, Factor f) {
    Map<String, Object> v = new HashMap<>();
    v.put("id", key);
    v.put("name", f.name());
    v.put("value", f.value());
    v.put("source", f.source());
    v.put("type", id(f.type()));
    v.put("year", f.year());
    v.put("region", f.region());
    v.put("boundary", f.boundary());
    v.put("publication", f.publication());
    v.put("note", f.note());
    v.put("uncertainty", pairs(f.uncertainty(), ""));
    return v;
  }

  /** A distribution as {@code key: value} pairs, the workbook's form of a block; null for none. */
  private static String pairs(Uncertainty u, String prefix) {
    if (u == null) {
      return null;
    }
    List<String> p = new ArrayList<>();
    for (Map.Entry<String, Object> e : u.parameters().entrySet()) {
      Object v = e.getValue();
      p.add(prefix + e.getKey() + ": " + (v instanceof Quantity q ? q.text() : v instanceof Double d ? decimal(d)
          : v.toString()));
    }
    return String.join("; ", p);
  }

  private static Map<String, Object> lineValues(InventoryLine l) {
    Map<String, Object> v = new HashMap<>();
    v.put("name", l.name());
    v.put("stage", id(l.stage()));
    Activity a = l.activity();
    if (a instanceof Activity.Amount x) {
      v.put("amount", x.amount());
      v.put("factor", x.factor());
    } else if (a instanceof Activity.Transport x) {
      v.put("mass", x.mass());
      v.put("distance", x.distance());
      v.put("factor", x.factor());
    } else if (a instanceof Activity.Emissions x) {
      List<String> gases = new ArrayList<>();
      for (Map.Entry<String, Quantity> g : x.gases().entrySet()) {
        gases.add(g.getKey() + ": " + g.getValue().text());
      }
      v.put("emissions", String.join("; ", gases));
    } else if (a instanceof Activity.Excluded x) {
      v.put("excluded", x.reason());
      v.put("amount", x.amount());
      v.put("factor", x.factor());
    }
    Quality q = l.quality();
    if (q != null) {
      v.put("quality.activity", id(q.activity()));
      v.put("quality.calibration", id(q.calibration()));
      v.put("quality.factor", q.factorPoints());
    }
    v.put("dedicated", l.dedicated() ? Boolean.TRUE : null);
    v.put("claimed", l.claimed());
    v.put("claimedShare", l.claimedShare() == null ? null : l.claimedShare().text());
    v.put("source", l.source());
    v.put("note", l.note());
    LineUncertainty u = l.uncertainty();
    if (u != null) {
      String mass = pairs(u.mass(), "mass.");
      String distance = pairs(u.distance(), "distance.");
      v.put("uncertainty", u.amount() != null ? pairs(u.amount(), "")
          : mass == null ? distance : distance == null ? mass : mass + "; " + distance);
    }
    return v;
  }

  private void table(Sheet sheet, List<Map<String, Object>> records) {
    SXSSFSheet s = wb.createSheet(sheet.name(locale));
    Row h = s.createRow(0);
    Drawing<?> drawing = s.createDrawingPatriarch();
    int c = 0;
    List<int[]> columnsOf = new ArrayList<>(); // per field: value column, unit column (or -1)
    for (Field f : sheet.fields()) {
      int vc = c++;
      header(h, vc, sheet.label(f, locale), sheet.help(f, locale), drawing);
      s.setColumnWidth(vc, width(f) * 256);
      int uc = -1;
      if (f.kind() == Kind.QUANTITY) {
        uc = c++;
        header(h, uc, sheet.unitLabel(f, locale), Layout.optional(sheet.id() + "." + f.path() + ".unit.help", locale)
            .orElse(""), drawing);
        s.setColumnWidth(uc, 14 * 256);
      }
      columnsOf.add(new int[] {vc, uc});
    }
    s.createFreezePane(1, 1);
    int r = 1;
    for (Map<String, Object> rec : records) {
      Row row = s.createRow(r++);
      for (int i = 0; i < sheet.fields().size(); i++) {
        Field f = sheet.fields().get(i);
        value(row, columnsOf.get(i)[0], columnsOf.get(i)[1], f, rec.get(f.path()));
      }
    }
    for (int i = 0; i < sheet.fields().size(); i++) {
      validate(s, sheet.fields().get(i), 1, r + ROOM, columnsOf.get(i)[0], columnsOf.get(i)[1]);
    }
    if (sheet == Layout.INVENTORY) {
      int factorColumn = columnsOf.get(sheet.fields().indexOf(field(sheet, "factor")))[0];
      int idRows = Math.max(1, factorRows);
      String range = ref(Layout.FACTORS.name(locale)) + "!$A$2:$A$" + (idRows + ROOM + 1);
      DataValidationHelper dv = s.getDataValidationHelper();
      DataValidation v = dv.createValidation(dv.createFormulaListConstraint(range),
          new CellRangeAddressList(1, r + ROOM, factorColumn, factorColumn));
      warnOnly(v, Layout.text("validation.factor", locale));
      s.addValidationData(v);
    }
    if (sheet == Layout.FACTORS) {
      factorRows = records.size();
    }
  }

  private int factorRows;

  private static Field field(Sheet sheet, String path) {
    return sheet.fields().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
  }

  private static int width(Field f) {
    return switch (f.kind()) {
      case TEXT, GASES, PAIRS, LIST -> f.path().equals("name") || f.path().equals("title") || f.path().equals("source")
          || f.path().equals("note") ? 30 : 18;
      case CHOICE -> 16;
      default -> 14;
    };
  }

  private void header(Row h, int column, String label, String help, Drawing<?> drawing) {
    org.apache.poi.ss.usermodel.Cell cell = text(h, column, label);
    cell.setCellStyle(header);
    if (help != null && !help.isBlank()) {
      ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
      anchor.setCol1(column);
      anchor.setCol2(column + 4);
      anchor.setRow1(0);
      anchor.setRow2(4);
      Comment comment = drawing.createCellComment(anchor);
      comment.setString(wb.getCreationHelper().createRichTextString(help));
      cell.setCellComment(comment);
    }
  }

  // ------------------------------------------------------------------ library

  private void library() {
    SXSSFSheet s = wb.createSheet(Layout.text("sheet.library", locale));
    String[] cols = {"id", "name", "value", "unit", "source", "year", "region", "type"};
    int[] widths = {40, 30, 12, 16, 40, 8, 14, 12};
    Row h = s.createRow(0);
    for (int i = 0; i < cols.length; i++) {
      text(h, i, Layout.text("library." + cols[i], locale)).setCellStyle(header);
      s.setColumnWidth(i, widths[i] * 256);
    }
    s.createFreezePane(1, 1);
    int r = 1;
    for (Factor f : library.all()) {
      Row row = s.createRow(r++);
      text(row, 0, f.id());
      text(row, 1, f.name());
      String[] parts = Units.split(f.value().text());
      number(row, 2, parts[0]);
      text(row, 3, parts[1]);
      text(row, 4, f.source());
      if (f.year() != null) {
        row.createCell(5).setCellValue(f.year());
      }
      text(row, 6, f.region());
      text(row, 7, f.type() == null ? null : Layout.choiceLabel(Layout.TYPES, f.type().id(), locale));
    }
  }

  // ------------------------------------------------------------------ cells

  /** Writes a field's value: a quantity as a number and its unit, a choice as its label. */
  private void value(Row row, int column, int unitColumn, Field f, Object value) {
    if (value == null) {
      return;
    }
    switch (f.kind()) {
      case QUANTITY -> {
        String[] parts = Units.split(((Quantity) value).text());
        number(row, column, parts[0]);
        text(row, unitColumn, parts[1]);
      }
      case CHOICE -> text(row, column, Layout.choiceLabel(f.choices(), (String) value, locale));
      case BOOLEAN -> row.createCell(column).setCellValue((Boolean) value);
      case DATE -> {
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
        cell.setCellValue((LocalDate) value);
        cell.setCellStyle(date);
      }
      case LIST -> {
        @SuppressWarnings("unchecked")
        List<String> items = (List<String>) value;
        text(row, column, String.join("\n", items)).setCellStyle(wrap);
      }
      case NUMBER, INTEGER -> number(row, column,
          value instanceof BigDecimal b ? b.toPlainString() : value.toString());
      default -> text(row, column, value.toString());
    }
  }

  /**
   * A number as a number cell when a spreadsheet keeps it exactly (15 significant digits, as
   * written or with zeros its format shows: {@code 4.00}); anything else ({@code 1.5万},
   * {@code 10^4}, more digits) as the text it was written as, which the reader takes back the same.
   */
  private void number(Row row, int column, String text) {
    if (text == null || text.isEmpty()) {
      return;
    }
    BigDecimal written;
    try {
      written = text.matches("-?\\d+(\\.\\d+)?") ? new BigDecimal(text) : null;
    } catch (NumberFormatException e) {
      written = null;
    }
    if (written == null || written.precision() > 15) {
      text(row, column, text);
      return;
    }
    double d = written.doubleValue();
    org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
    cell.setCellValue(d);
    BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    if (written.scale() > Math.max(shortest.scale(), 0)) {
      cell.setCellStyle(decimals.computeIfAbsent(written.scale(), n -> {
        CellStyle st = wb.createCellStyle();
        st.setDataFormat(wb.createDataFormat().getFormat("0." + "0".repeat(n)));
        return st;
      }));
    }
  }

  /**
   * A text cell.
   *
   * @throws TextTooLongException when the text is longer than a cell holds (32,767 characters,
   *     counted as Excel counts them); a study read from a file has shorter texts, but a caller
   *     may hand over one that never was
   */
  private static org.apache.poi.ss.usermodel.Cell text(Row row, int column, String text) {
    org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
    if (text != null) {
      int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
      if (text.length() > max) {
        throw new TextTooLongException(row.getSheet().getSheetName() + "!" + cell.getAddress().formatAsString(),
            text.length(), max);
      }
      cell.setCellValue(text);
    }
    return cell;
  }

  // ------------------------------------------------------------------ drop-down lists

  /** Drop-down lists for choices, a date check for dates, the unit table for unit cells. */
  private void validate(SXSSFSheet s, Field f, int firstRow, int lastRow, int column, int unitColumn) {
    DataValidationHelper dv = s.getDataValidationHelper();
    if (f.kind() == Kind.CHOICE || f.kind() == Kind.BOOLEAN) {
      List<String> labels = new ArrayList<>();
      for (String id : f.choices().ids()) {
        labels.add(f.kind() == Kind.BOOLEAN && locale.getLanguage().equals("en") ? id.toUpperCase(Locale.ROOT)
            : Layout.choiceLabel(f.choices(), id, locale));
      }
      DataValidation v = dv.createValidation(dv.createFormulaListConstraint(list(f.choices().labelPrefix(), labels)),
          new CellRangeAddressList(firstRow, lastRow, column, column));
      if (f.choices() == Layout.BOUNDARIES) {
        warnOnly(v, Layout.text("validation.boundary", locale)); // or the stages inside it, with commas between
      } else if (f.choices() == Layout.GWP) {
        warnOnly(v, Layout.text("validation.gwp", locale)); // or the study's own table: CH4=30; N2O=300
      } else {
        v.setShowErrorBox(true);
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.createErrorBox(Layout.text("validation.title", locale), Layout.text("validation.choice", locale));
      }
      s.addValidationData(v);
    } else if (f.kind() == Kind.DATE) {
      DataValidation v = dv.createValidation(
          dv.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN, "DATE(1990,1,1)", "DATE(2199,12,31)",
              null),
          new CellRangeAddressList(firstRow, lastRow, column, column));
      v.setShowErrorBox(true);
      v.createErrorBox(Layout.text("validation.title", locale), Layout.text("validation.date", locale));
      s.addValidationData(v);
    }
    if (f.kind() == Kind.QUANTITY) {
      DataValidation v = dv.createValidation(dv.createFormulaListConstraint(list("units", UNITS)),
          new CellRangeAddressList(firstRow, lastRow, unitColumn, unitColumn));
      warnOnly(v, Layout.text("validation.unit", locale));
      s.addValidationData(v);
    }
  }

  /** Typing a value not in the list is allowed after a warning (a unit like kgCO2e/(t*km), a library id). */
  private void warnOnly(DataValidation v, String message) {
    v.setShowErrorBox(true);
    v.setErrorStyle(DataValidation.ErrorStyle.WARNING);
    v.createErrorBox(Layout.text("validation.title", locale), message);
  }

  /** A column of the hidden list sheet holding the values, as a range reference. */
  private String list(String name, List<String> values) {
    return lists.computeIfAbsent(name, n -> {
      int column = lists.size();
      for (int i = 0; i < values.size(); i++) {
        Row row = listSheet.getRow(i);
        if (row == null) {
          row = listSheet.createRow(i);
        }
        text(row, column, values.get(i));
      }
      String letter = org.tanji.core.model.Position.columnName(column + 1);
      return ref(listSheet.getSheetName()) + "!$" + letter + "$1:$" + letter + "$" + values.size();
    });
  }

  private static String ref(String sheetName) {
    return "'" + sheetName.replace("'", "''") + "'";
  }

  /** The units offered in unit cells: the common ones, and the factor units made of them. */
  static final List<String> UNITS = List.of("t", "kg", "g", "kWh", "MWh", "GJ", "MJ", "Nm3", "10^4Nm3", "m3", "L",
      "km", "t*km", "piece", "kgCO2e", "tCO2e", "kgCO2e/t", "kgCO2e/kg", "kgCO2e/kWh", "kgCO2e/Nm3",
      "tCO2e/10^4Nm3", "kgCO2e/GJ", "kgCO2e/m3", "kgCO2e/L", "kgCO2e/(t*km)", "kgCO2e/piece", "tCO2e/t",
      // the units of real published reports: area, named counts, coal equivalent, spend
      "m2", "ha", "亩", "kL", "sheet", "tce", "kgCO2e/m2", "kgCO2e/ha", "tCO2e/tce", "kgCO2e/CNY", "CNY", "万元");

  private static String id(Identified e) {
    return e == null ? null : e.id();
  }

  private static String decimal(Double d) {
    return d == null ? null : new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }
}

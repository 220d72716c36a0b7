package org.tanji.io.xlsx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.tanji.core.i18n.Spelling;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Position;
import org.tanji.core.model.Severity;
import org.tanji.io.internal.Node;
import org.tanji.io.internal.Pairs;
import org.tanji.io.xlsx.Cells.Cell;
import org.tanji.io.xlsx.Layout.Field;
import org.tanji.io.xlsx.Layout.Heading;
import org.tanji.io.xlsx.Layout.Kind;
import org.tanji.io.xlsx.Layout.Sheet;
import org.xml.sax.SAXException;

/**
 * Turns a data-collection workbook into the same tree a YAML study file gives, so that one reader
 * checks both and every finding has the same code. Positions inside the tree name cells: the
 * sheet's number is kept in the high bits of the line (see {@link #pack}) and turned back into its
 * name by {@link Workbook#position}.
 */
final class WorkbookReader {

  /** No part of a study workbook comes near this once unpacked; a zip bomb goes far past it. */
  static final long MAX_PART_BYTES = 1024L * 1024 * 1024;

  /** A workbook may unpack to this many times its packed size, no more (POI's own check per part agrees). */
  static final int MAX_INFLATION = 200;

  /** Small workbooks may unpack to this much whatever their ratio: a few rows compress well. */
  private static final long INFLATION_FLOOR_BYTES = 10L * 1024 * 1024;

  static {
    ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    ZipSecureFile.setMinInflateRatio(1.0 / MAX_INFLATION);
  }

  /** A workbook read into a tree, with what it takes to name cells again. */
  record Workbook(Node root, List<String> sheetNames, Map<Long, Long> unitCells, Map<String, Long> formCells) {

    /** The cell a packed tree position stands for, or null for the workbook as a whole. */
    Position position(Position encoded) {
      if (encoded == null) {
        return null;
      }
      int sheet = (encoded.line() >>> 24) - 1;
      if (sheet < 0 || sheet >= sheetNames.size()) {
        return null;
      }
      return Position.cell(sheetNames.get(sheet), encoded.line() & 0xFFFFFF, encoded.column());
    }
  }

  private final List<Finding> findings;
  private final List<String> sheetNames = new ArrayList<>();
  private final Map<Long, Long> unitCells = new HashMap<>();
  /** Where each item of a form is, filled or not: a missing title is reported on its row. */
  private final Map<String, Long> formCells = new LinkedHashMap<>();
  private int formulas;
  private Locale language = Locale.ENGLISH; // of the sheet being read: the labels its messages list
  private String firstFormula;

  WorkbookReader(List<Finding> findings) {
    this.findings = findings;
  }

  /** Packs a cell's place as a tree position: sheet number in the line's top bits. */
  static long pack(int sheet, int row, int column) {
    return new Position(((sheet + 1) << 24) | row, column).pack();
  }

  /**
   * Reads a workbook's bytes. Findings carry packed positions (see {@link Workbook#position});
   * the result is null when the file cannot be read as a workbook at all.
   */
  static Workbook read(byte[] bytes, List<Finding> findings) {
    return new WorkbookReader(findings).read(bytes);
  }

  private Workbook read(byte[] bytes) {
    return open(bytes, this::read);
  }

  /** What a reader needs of an opened workbook: its sheets, shared strings, styles and date system. */
  record Parts(XSSFReader reader, ReadOnlySharedStringsTable strings, Cells.Styles styles, boolean date1904) {
    Cells.Sheet cells(InputStream sheet) throws IOException, XMLStreamException {
      return Cells.read(sheet, strings, styles, date1904);
    }
  }

  interface PartsReader<T> {
    T read(Parts parts) throws IOException, XMLStreamException, OpenXML4JException, SAXException;
  }

  /**
   * Opens a workbook's bytes and hands its parts to a reader. A file that is no workbook, an
   * encrypted or legacy one, a damaged one or a zip bomb is a finding, and the result null.
   */
  <T> T open(byte[] bytes, PartsReader<T> body) {
    if (Workbooks.startsWith(bytes, Workbooks.OLE2)) {
      findings.add(Finding.error("PARSE_ERROR", "", Text.of(encrypted(bytes) ? "xlsx.encrypted" : "xlsx.legacy")));
      return null;
    }
    if (!Workbooks.startsWith(bytes, Workbooks.ZIP)) {
      findings.add(Finding.error("PARSE_ERROR", "", Text.of("xlsx.notWorkbook")));
      return null;
    }
    try {
      if (inflatesTooFar(bytes)) {
        findings.add(Finding.error("PARSE_ERROR", "", Text.of("xlsx.zipBomb", MAX_PART_BYTES / (1024 * 1024))));
        return null;
      }
      OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
      try {
        XSSFReader reader = new XSSFReader(pkg);
        boolean date1904;
        try (InputStream wb = reader.getWorkbookData()) {
          date1904 = Cells.date1904(wb);
        }
        Cells.Styles styles;
        try (InputStream st = stylesOrNull(reader)) {
          styles = Cells.Styles.read(st);
        }
        return body.read(new Parts(reader, new ReadOnlySharedStringsTable(pkg, false), styles, date1904));
      } finally {
        pkg.revert(); // closes without writing anything back
      }
    } catch (IOException | XMLStreamException | OpenXML4JException | SAXException | UnsupportedFileFormatException
        | POIXMLException | OpenXML4JRuntimeException | RecordFormatException e) {
      // what POI and the XML parser say of a damaged zip, missing parts or malformed XML; anything
      // else is a bug in this reader and goes up as one
      findings.add(Finding.error("PARSE_ERROR", "", Text.of("xlsx.damaged", firstLine(e))));
      return null;
    }
  }

  /**
   * Whether the workbook unpacks to more than {@link #MAX_INFLATION} times its size (or the floor),
   * or one part to more than {@link #MAX_PART_BYTES}: counted while unpacking, and stopped at the
   * limit, so that a zip bomb is known by what it does rather than by words in a library's message.
   */
  private static boolean inflatesTooFar(byte[] bytes) throws IOException {
    long budget = Math.max(INFLATION_FLOOR_BYTES, (long) MAX_INFLATION * bytes.length);
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        long part = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
          part += n;
          total += n;
          if (part > MAX_PART_BYTES || total > budget) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * One sheet of a workbook as plain rows of text, for imports that check rows themselves: the
   * sheet named like {@code preferred} if there is one, else the first. Null when the workbook
   * cannot be read (the findings say why).
   */
  static Workbooks.Table table(byte[] bytes, Sheet preferred, List<Finding> findings) {
    WorkbookReader r = new WorkbookReader(findings);
    return r.open(bytes, parts -> {
      XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) parts.reader().getSheetsData();
      Workbooks.Table first = null;
      while (it.hasNext()) {
        try (InputStream in = it.next()) {
          String name = it.getSheetName();
          boolean wanted = Layout.sheetNamed(name).orElse(null) == preferred;
          if (first != null && !wanted) {
            continue;
          }
          Workbooks.Table t = r.rawTable(name, parts.cells(in));
          if (wanted) {
            return t;
          }
          first = t;
        }
      }
      if (first == null) {
        findings.add(Finding.error("PARSE_ERROR", "", Text.of("read.empty")));
      }
      return first;
    });
  }

  private Workbooks.Table rawTable(String name, Cells.Sheet cells) {
    List<Workbooks.TableRow> rows = new ArrayList<>();
    for (List<Cell> row : cells.rows()) {
      Map<Integer, String> byColumn = new LinkedHashMap<>();
      for (Cell c : row) {
        Position at = Position.cell(name, c.row(), c.column());
        if (usable(c, "", at, at.cellName())) {
          byColumn.put(c.column(), c.text());
        }
      }
      rows.add(new Workbooks.TableRow(row.get(0).row(), byColumn));
    }
    merges(true, "", cells, (row, column) -> Position.cell(name, row, column));
    formulaNote();
    return new Workbooks.Table(name, rows);
  }

  private static boolean encrypted(byte[] bytes) {
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
      return fs.getRoot().hasEntryCaseInsensitive("EncryptedPackage");
    } catch (IOException | UnsupportedFileFormatException | RecordFormatException e) {
      return false; // not even a readable OLE2 container: a legacy file, damaged
    }
  }

  /** The first line of a library's message, for the finding that names the damage. */
  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private Workbook read(Parts parts) throws IOException, XMLStreamException, OpenXML4JException {
    Map<Sheet, Integer> found = new LinkedHashMap<>();
    Map<Integer, Locale> languages = new HashMap<>();
    Map<Integer, Cells.Sheet> contents = new HashMap<>();
    List<String> others = new ArrayList<>();
    XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) parts.reader().getSheetsData();
    while (it.hasNext()) {
      try (InputStream in = it.next()) {
        String name = it.getSheetName();
        int index = sheetNames.size();
        sheetNames.add(name);
        Optional<Sheet> layout = Layout.sheetNamed(name);
        if (layout.isEmpty()) {
          if (!Layout.isAid(name)) {
            others.add(name);
          }
          continue;
        }
        if (found.containsKey(layout.get())) {
          findings.add(Finding.error("DUPLICATE_KEY", layout.get().target(), Text.of("xlsx.sheetTwice",
              sheetNames.get(found.get(layout.get())), name)));
          continue;
        }
        found.put(layout.get(), index);
        languages.put(index, Layout.normalize(name).equals(Layout.normalize(layout.get().name(Layout.LOCALES.get(1))))
            ? Layout.LOCALES.get(1) : Layout.LOCALES.get(0));
        contents.put(index, parts.cells(in));
      }
    }
    otherSheets(others, found);
    Rec root = new Rec(0L);
    for (Map.Entry<Sheet, Integer> e : found.entrySet()) {
      int index = e.getValue();
      Cells.Sheet cells = contents.get(index);
      merges(e.getKey().table(), e.getKey().id(), cells, (row, column) -> Position.unpack(pack(index, row, column)));
      language = languages.get(index);
      if (e.getKey().table()) {
        table(e.getKey(), index, cells, root);
      } else {
        form(e.getKey(), index, cells, root);
      }
    }
    formulaNote();
    return new Workbook(root.toNode(), sheetNames, unitCells, formCells);
  }

  /**
   * Whether a cell's value can be used: an uncalculated formula or an error value ({@code #DIV/0!})
   * cannot, and is said; a formula's cached value can, and is counted for {@link #formulaNote}.
   */
  private boolean usable(Cell c, String where, Position at, String cellName) {
    if (c.type() == Cells.Type.FORMULA_WITHOUT_VALUE) {
      findings.add(new Finding("FORMULA_NOT_CALCULATED", Severity.ERROR, where, at,
          Text.of("xlsx.formulaNoValue", cellName, c.formula())));
      return false;
    }
    if (c.type() == Cells.Type.ERROR) {
      findings.add(new Finding("INVALID_VALUE", Severity.ERROR, where, at, Text.of("xlsx.cellError", cellName, c.text())));
      return false;
    }
    if (c.formula() != null) {
      formulas++;
      if (firstFormula == null) {
        firstFormula = cellName;
      }
    }
    return true;
  }

  /** One note for all the formulas whose cached values were used. */
  private void formulaNote() {
    if (formulas > 0) {
      findings.add(Finding.info("FORMULA_VALUES", "", Text.of("xlsx.formulas", formulas, firstFormula)));
    }
  }

  /**
   * Merged cells on a data sheet keep their value in the first cell only: the rows below would
   * silently lose it, so they are refused. Headings above a table's data may be merged, and a
   * form's explanation column.
   */
  private void merges(boolean table, String where, Cells.Sheet cells, java.util.function.BiFunction<Integer, Integer,
      Position> at) {
    int header = cells.rows().isEmpty() ? 1 : cells.rows().get(0).get(0).row();
    for (Cells.Merge m : cells.merges()) {
      boolean harmless = table ? m.lastRow() <= header : m.firstColumn() > 3;
      if (!harmless) {
        findings.add(new Finding("MERGED_CELLS", Severity.ERROR, where, at.apply(m.firstRow(), m.firstColumn()),
            Text.of("xlsx.merged", m.range())));
      }
    }
  }

  /** The styles part, or null for a workbook without one (every number is then in the General format). */
  private static InputStream stylesOrNull(XSSFReader reader) throws IOException, InvalidFormatException {
    try {
      return reader.getStylesData();
    } catch (IllegalArgumentException e) {
      // POI's word for a relationship whose part is missing: the file is damaged
      throw new InvalidFormatException("the styles part is missing", e);
    }
  }

  /** Sheets that are not part of a study: said, never silently passed over. */
  private void otherSheets(List<String> others, Map<Sheet, Integer> found) {
    List<String> missing = new ArrayList<>();
    for (Sheet s : Layout.DATA) {
      if (!found.containsKey(s)) {
        missing.addAll(Layout.names(s));
      }
    }
    for (String name : others) {
      // a near miss ("inventroy"), or a copy or renamed version ("清单 (2)", "inventory 2023")
      Optional<String> near = Spelling.closest(name, missing).or(() -> missing.stream()
          .filter(m -> Layout.normalize(name).contains(Layout.normalize(m))).findFirst());
      if (near.isPresent()) {
        findings.add(Finding.warning("UNKNOWN_SHEET", "", Text.of("xlsx.unknownSheet.suggest", name, near.get())));
      } else {
        findings.add(Finding.info("UNKNOWN_SHEET", "", Text.of("xlsx.unknownSheet", name)));
      }
    }
  }

  // ------------------------------------------------------------------ forms

  /** A form: label in A, value in B, unit in C, explanation in D (not read). */
  private void form(Sheet sheet, int index, Cells.Sheet cells, Rec root) {
    Map<Field, Integer> seen = new HashMap<>();
    for (List<Cell> row : cells.rows()) {
      Cell label = at(row, 1);
      Cell value = at(row, 2);
      Cell unit = at(row, 3);
      int r = row.get(0).row();
      if (label == null) {
        Cell stray = value != null ? value : unit;
        if (stray != null) {
          error("MISSING_VALUE", sheet.id(), index, stray, Text.of("xlsx.valueWithoutItem", cellName(index, stray)));
        }
        continue;
      }
      if (isFormHeader(label)) {
        continue;
      }
      Optional<Heading> h = Layout.heading(sheet, label.text());
      if (h.isEmpty() || h.get().unit()) {
        unknown(sheet, index, label, sheet.fields().stream().map(f -> sheet.label(f, language)).toList());
        continue;
      }
      Field f = h.get().field();
      formCells.putIfAbsent(f.path(), pack(index, r, 2));
      int dot = f.path().indexOf('.');
      formCells.putIfAbsent(dot < 0 ? f.path() : f.path().substring(0, dot), pack(index, 1, 1));
      if (seen.containsKey(f)) {
        error("DUPLICATE_KEY", f.path(), index, label, Text.of("xlsx.itemTwice", label.text(), seen.get(f)));
        continue;
      }
      seen.put(f, r);
      Object v = value(f, index, value, unit, r);
      if (v != null) {
        root.put(f.path(), v, pack(index, r, 2));
      }
    }
  }

  private static boolean isFormHeader(Cell label) {
    String t = Layout.normalize(label.text());
    return Layout.LOCALES.stream().anyMatch(l -> Layout.normalize(Layout.text("kv.item", l)).equals(t));
  }

  // ------------------------------------------------------------------ tables

  /** A table: headings in the first row with content, one record per row below. */
  private void table(Sheet sheet, int index, Cells.Sheet cells, Rec root) {
    List<Rec> records = new ArrayList<>();
    Rec keyed = new Rec(pack(index, 1, 1));
    Map<String, Integer> keyRows = new HashMap<>();
    if (cells.rows().isEmpty()) {
      put(root, sheet, keyed, records, index);
      return;
    }
    List<Cell> headingRow = cells.rows().get(0);
    int headerRow = headingRow.get(0).row();
    Map<Integer, Heading> columns = new HashMap<>();
    Map<Field, Integer> valueColumn = new HashMap<>();
    Map<Field, Integer> unitColumn = new HashMap<>();
    for (Cell c : headingRow) {
      Optional<Heading> h = Layout.heading(sheet, c.text());
      if (h.isEmpty()) {
        unknown(sheet, index, c, Layout.headings(sheet, language));
        continue;
      }
      Map<Field, Integer> where = h.get().unit() ? unitColumn : valueColumn;
      if (where.containsKey(h.get().field())) {
        error("DUPLICATE_KEY", sheet.target(), index, c, Text.of("xlsx.headingTwice", c.text(),
            Position.columnName(where.get(h.get().field()))));
        continue;
      }
      where.put(h.get().field(), c.column());
      columns.put(c.column(), h.get());
    }
    Map<Integer, Boolean> strayReported = new HashMap<>();
    List<int[]> emptyRuns = new ArrayList<>();
    int previous = headerRow;
    for (int i = 1; i < cells.rows().size(); i++) {
      List<Cell> row = cells.rows().get(i);
      int r = row.get(0).row();
      boolean data = false;
      for (Cell c : row) {
        Heading h = columns.get(c.column());
        if (h == null) {
          if (!strayReported.containsKey(c.column()) && !Layout.normalize(c.text()).isEmpty()) {
            strayReported.put(c.column(), true);
            error("UNKNOWN_KEY", sheet.target(), index, c, Text.of("xlsx.noHeading", cellName(index, c),
                Position.columnName(c.column())));
          }
          continue;
        }
        if (!h.unit()) {
          data = true;
        }
      }
      if (!data) {
        continue; // a row with units alone carries no data
      }
      if (r > previous + 1) {
        emptyRuns.add(new int[] {previous + 1, r - 1});
      }
      previous = r;
      Rec rec = new Rec(pack(index, r, row.get(0).column()));
      for (Field f : sheet.fields()) {
        Integer vc = valueColumn.get(f);
        Integer uc = unitColumn.get(f);
        Cell value = vc == null ? null : at(row, vc);
        Cell unit = uc == null ? null : at(row, uc);
        if (sheet.keyed() && f == sheet.fields().get(0)) {
          continue;
        }
        Object v = value(f, index, value, unit, r);
        if (v != null) {
          rec.put(f.path(), v, value != null ? pack(index, r, value.column()) : pack(index, r, uc));
        }
      }
      if (sheet.keyed()) {
        Field idField = sheet.fields().get(0);
        Integer ic = valueColumn.get(idField);
        Cell id = ic == null ? null : at(row, ic);
        if (id == null) {
          findings.add(new Finding("MISSING_VALUE", Severity.ERROR, sheet.target(),
              Position.unpack(pack(index, r, ic == null ? 1 : ic)), Text.of("xlsx.noKey", r, sheet.label(idField, language))));
          continue;
        }
        if (keyRows.containsKey(id.text())) {
          error("DUPLICATE_KEY", sheet.target() + "." + id.text(), index, id,
              Text.of("xlsx.keyTwice", id.text(), keyRows.get(id.text())));
          continue;
        }
        keyRows.put(id.text(), r);
        keyed.put(id.text(), rec.toNode(), pack(index, r, id.column()));
      } else {
        records.add(rec);
      }
    }
    if (!emptyRuns.isEmpty()) {
      findings.add(new Finding("EMPTY_ROWS", Severity.INFO, sheet.target(),
          Position.unpack(pack(index, emptyRuns.get(0)[0], 1)), Text.of("xlsx.emptyRows", runs(emptyRuns))));
    }
    put(root, sheet, keyed, records, index);
  }

  private static void put(Rec root, Sheet sheet, Rec keyed, List<Rec> records, int index) {
    if (sheet.keyed()) {
      if (!keyed.isEmpty()) {
        root.put(sheet.target(), keyed, pack(index, 1, 1));
      }
    } else if (!records.isEmpty() || sheet.target().equals("inventory")) {
      root.put(sheet.target(), new ArrayList<Object>(records), pack(index, 1, 1));
    }
  }

  private static String runs(List<int[]> runs) {
    List<String> parts = new ArrayList<>();
    for (int[] run : runs) {
      if (parts.size() == 5) {
        parts.add("…");
        break;
      }
      parts.add(run[0] == run[1] ? Integer.toString(run[0]) : run[0] + "–" + run[1]);
    }
    return String.join(", ", parts);
  }

  // ------------------------------------------------------------------ values

  /**
   * The tree value of one field from its cell (and unit cell): a scalar, a list or a mapping, or
   * null when the cell is empty or unusable (then a finding says why).
   */
  private Object value(Field f, int index, Cell value, Cell unit, int row) {
    if (value == null) {
      return null; // a unit alone is no value
    }
    long pos = pack(index, row, value.column());
    if (!usable(value, f.path(), Position.unpack(pos), cellName(index, value))) {
      return null;
    }
    Node.Kind kind = value.type() == Cells.Type.NUMBER ? Node.Kind.NUMBER
        : value.type() == Cells.Type.BOOLEAN ? Node.Kind.BOOLEAN : Node.Kind.STRING;
    String text = value.text();
    switch (f.kind()) {
      case QUANTITY -> {
        if (unit != null) {
          unitCells.put(pos, pack(index, row, unit.column()));
          return new Node.Scalar(text + " " + unit.text(), Node.Kind.STRING, pos);
        }
        return new Node.Scalar(text, kind, pos);
      }
      case CHOICE, BOOLEAN -> {
        if (f.choices() == Layout.BOUNDARIES && text.matches(".*[,，、].*")) {
          // a boundary written as its stages: each stage by id or by its label in either language
          List<String> stages = new ArrayList<>();
          for (String part : text.split("[,，、]")) {
            stages.add(Layout.choiceId(Layout.STAGES, part.strip()).orElse(part.strip()));
          }
          return new Node.Scalar(String.join(", ", stages), kind, pos);
        }
        String id = Layout.choiceId(f.choices(), text).orElse(text);
        return new Node.Scalar(id, f.kind() == Kind.BOOLEAN && !id.equals(text) ? Node.Kind.BOOLEAN : kind, pos);
      }
      case LIST -> {
        List<Object> items = new ArrayList<>();
        for (String part : text.split("[\\n;；]")) {
          if (!part.isBlank()) {
            items.add(new Node.Scalar(part.strip(), Node.Kind.STRING, pos));
          }
        }
        return items;
      }
      case GASES -> {
        return pairs(f, index, value, pos, "xlsx.gases");
      }
      case PAIRS -> {
        return pairs(f, index, value, pos, "xlsx.pairs");
      }
      default -> {
        return new Node.Scalar(text, kind, pos);
      }
    }
  }

  /**
   * {@code CO2: 1200 kg; CH4: 3 kg} as a mapping of gas to quantity, or a distribution written
   * the same way ({@code min: 60 t; max: 70 t}; dotted keys nest: {@code distance.gsd: 1.2}).
   */
  private Object pairs(Field f, int index, Cell cell, long pos, String shapeMessage) {
    Rec gases = new Rec(pos);
    List<String> bad = new ArrayList<>();
    for (Pairs.Pair pair : Pairs.split(cell.text(), ":：" + Pairs.EQUALS, bad::add)) {
      gases.put(pair.key(), new Node.Scalar(pair.value(), Node.Kind.STRING, pos), pos);
    }
    if (!bad.isEmpty()) {
      error("INVALID_VALUE", f.path(), index, cell, Text.of(shapeMessage, cellName(index, cell), bad.get(0)));
      return null;
    }
    return gases;
  }

  private void unknown(Sheet sheet, int index, Cell c, List<String> known) {
    Text t = Spelling.closest(c.text(), known)
        .map(s -> Text.of("xlsx.unknownHeading.suggest", c.text(), s))
        .orElseGet(() -> Text.of("xlsx.unknownHeading", c.text(), String.join(", ", known)));
    error("UNKNOWN_KEY", sheet.id(), index, c, t);
  }

  private void error(String code, String where, int index, Cell c, Text text) {
    findings.add(new Finding(code, Severity.ERROR, where, Position.unpack(pack(index, c.row(), c.column())), text));
  }

  private String cellName(int index, Cell c) {
    return Position.cell(sheetNames.get(index), c.row(), c.column()).cellName();
  }

  private static Cell at(List<Cell> row, int column) {
    for (Cell c : row) {
      if (c.column() == column) {
        return c;
      }
    }
    return null;
  }
}

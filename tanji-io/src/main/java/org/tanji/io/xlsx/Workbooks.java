package org.tanji.io.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Position;
import org.tanji.core.model.SourceMap;
import org.tanji.core.model.Study;
import org.tanji.core.units.Units;
import org.tanji.io.internal.Node;
import org.tanji.io.internal.TreeSourceMap;
import org.tanji.io.library.FactorLibrary;

/**
 * Studies as Excel workbooks (.xlsx): reading one into the tree the study reader checks, writing
 * a study or an empty data-collection template. See {@code docs/workbook.md}.
 */
public final class Workbooks {

  private Workbooks() {}

  /** The first bytes of a zip file (an .xlsx) and of an OLE2 compound file (.xls, encrypted .xlsx). */
  static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
  static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

  /**
   * True when the bytes are a workbook container: an .xlsx (zip) or an .xls / encrypted one
   * (OLE2). Loads nothing of the spreadsheet library, so that YAML and JSON studies start fast.
   */
  public static boolean looksLikeWorkbook(byte[] bytes) {
    return startsWith(bytes, ZIP) || startsWith(bytes, OLE2);
  }

  static boolean startsWith(byte[] bytes, byte[] magic) {
    if (bytes.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (bytes[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * A workbook read into a study tree. Findings made while reading it (by this class or by the
   * study reader) carry positions in the tree's own form; {@link #cell} turns them into cells.
   */
  public static final class Parsed {
    private final WorkbookReader.Workbook workbook;

    private Parsed(WorkbookReader.Workbook workbook) {
      this.workbook = workbook;
    }

    public Node root() {
      return workbook.root();
    }

    /**
     * The finding placed on its cell: a unit problem on the unit's cell rather than the number's,
     * and a finding about the workbook as a whole on none.
     */
    public Finding cell(Finding f) {
      Position p = f.position();
      if (p != null && p.sheet() != null) {
        return f;
      }
      Long item = workbook.formCells().get(f.where());
      if (item == null) { // a block of items (study.period): its first item's row
        item = workbook.formCells().entrySet().stream().filter(e -> e.getKey().startsWith(f.where() + "."))
            .map(Map.Entry::getValue).findFirst().orElse(null);
      }
      if (item != null && (p == null || f.code().equals("MISSING_VALUE"))) {
        p = Position.unpack(item); // a form's empty item: its row, not the sheet's first
      }
      if (p == null) {
        return f;
      }
      if (Units.UNKNOWN_UNIT.equals(f.code())) {
        Long unit = workbook.unitCells().get(p.pack());
        if (unit != null) {
          p = Position.unpack(unit);
        }
      }
      Position cell = workbook.position(p);
      return new Finding(f.code(), f.severity(), f.where(), cell, f.text());
    }

    /** The study with a source map that names cells. */
    public Study withCells(Study study, String fileName) {
      TreeSourceMap tree = new TreeSourceMap(workbook.root(), fileName);
      return study.withSource(new SourceMap() {
        @Override
        public Optional<String> file() {
          return tree.file();
        }

        @Override
        public Optional<Position> exact(String path) {
          return tree.exact(path).map(workbook::position);
        }
      });
    }
  }

  /** Reads a workbook's bytes; null when it cannot be read at all (the findings say why). */
  public static Parsed read(byte[] bytes, List<Finding> findings) {
    WorkbookReader.Workbook wb = WorkbookReader.read(bytes, findings);
    return wb == null ? null : new Parsed(wb);
  }

  /**
   * Writes a study as a workbook in a language, with the library's factors on a sheet of their own.
   *
   * @throws org.tanji.core.model.TextTooLongException when a text is longer than a cell holds
   *     (32,767 characters); a study read without errors never has one
   */
  public static void write(Study study, Locale locale, FactorLibrary library, String fileName, OutputStream out)
      throws IOException {
    WorkbookWriter.write(study, locale, library, fileName, out);
  }

  /** Writes an empty data-collection workbook. */
  public static void template(Locale locale, FactorLibrary library, String fileName, OutputStream out)
      throws IOException {
    WorkbookWriter.write(null, locale, library, fileName, out);
  }

  /** One row of a sheet read as text: its number and its non-empty cells by column (from 1). */
  public record TableRow(int row, Map<Integer, String> cells) {}

  /** A sheet read as rows of text. */
  public record Table(String sheet, List<TableRow> rows) {}

  /**
   * The sheet of factors of a workbook (named {@code factors} / {@code 排放因子}, else the first
   * sheet) as rows of text; null when the file cannot be read, and the findings say why.
   */
  public static Table factorTable(byte[] bytes, List<Finding> findings) {
    return WorkbookReader.table(bytes, Layout.FACTORS, findings);
  }

  /**
   * The column a factor-sheet heading stands for, in the factor CSV's names ({@code 因子代号} →
   * {@code id}, {@code 数值单位} → {@code unit}); other headings are returned as written.
   */
  public static String factorColumn(String heading) {
    return Layout.heading(Layout.FACTORS, heading)
        .map(h -> h.unit() ? "unit" : h.field().path())
        .orElse(heading.strip());
  }

  /**
   * A factor-sheet cell as the factor CSV writes it: a type's label in either language
   * ({@code 国家}) becomes its id ({@code national}); anything else is left as it is.
   */
  public static String factorValue(String column, String text) {
    return column.equals("type") ? Layout.choiceId(Layout.TYPES, text).orElse(text) : text;
  }
}

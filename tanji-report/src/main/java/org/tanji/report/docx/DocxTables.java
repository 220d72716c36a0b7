package org.tanji.report.docx;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableCell.XWPFVertAlign;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.tanji.report.model.Block;
import org.tanji.report.model.Palette;

/** Tables and the boundary diagram (a one-row table) as real Word tables of fixed layout. */
final class DocxTables {

  /** The text width of the page in twips: A4 (11906) less two margins of 2.2 cm. */
  static final int TEXT_WIDTH = 9412;

  static final String RULE = "BFBFBF";
  static final String LIGHT = "F2F2F2";
  private static final int ARROW_WIDTH = 220;
  private static final int BOX_MARGIN = 40;

  private final XWPFDocument doc;

  DocxTables(XWPFDocument doc) {
    this.doc = doc;
  }

  /** The caption (if any) and the table, {@code width} twips wide, centred. */
  XWPFTable table(Block.Table t, int width) {
    caption(t.caption());
    boolean header = !t.keyValue() && !t.columns().isEmpty();
    int cols = columnCount(t);
    List<List<String>> all = new ArrayList<>();
    if (header) {
      all.add(t.columns().stream().map(Block.Column::header).toList());
    }
    all.addAll(t.rows());
    all.addAll(t.footer());
    if (all.isEmpty()) {
      all.add(List.of()); // a table needs a row
    }
    int[] widths = t.keyValue() ? split(width, 30, 70) : widths(all, cols, width);
    XWPFTable tbl = newTable(all.size(), widths);
    grid(tbl, width, widths);
    for (int i = 0; i < all.size(); i++) {
      XWPFTableRow row = tbl.getRow(i);
      boolean isHeader = header && i == 0;
      boolean isFooter = i >= all.size() - t.footer().size();
      fillRow(t, row, all.get(i), widths, isHeader, isFooter);
    }
    return tbl;
  }

  private void fillRow(Block.Table t, XWPFTableRow row, List<String> cells, int[] widths, boolean isHeader,
      boolean isFooter) {
    // keep short rows whole on a page; a row with a long text may need to break
    if (isHeader || cells.stream().mapToInt(String::length).max().orElse(0) < 300) {
      row.setCantSplitRow(true);
    }
    if (isHeader) {
      row.setRepeatHeader(true);
    }
    for (int c = 0; c < widths.length; c++) {
      XWPFTableCell cell = row.getCell(c);
      Ooxml.width(cell, widths[c]);
      String text = c < cells.size() ? cells.get(c) : "";
      boolean numeric = !t.keyValue() && c < t.columns().size() && t.columns().get(c).numeric();
      boolean labelColumn = t.keyValue() && c == 0;
      XWPFParagraph p = cell.getParagraphs().get(0);
      p.setStyle("TableText");
      if (numeric) {
        p.setAlignment(ParagraphAlignment.RIGHT);
      }
      if (isHeader) {
        cell.setColor(Palette.ACCENT);
        Ooxml.run(p, text, true, "FFFFFF", 0);
      } else if (isFooter || labelColumn) {
        cell.setColor(LIGHT);
        Ooxml.run(p, text, true, null, 0);
      } else {
        Ooxml.run(p, text);
      }
      cell.setVerticalAlignment(isHeader ? XWPFVertAlign.BOTTOM : XWPFVertAlign.TOP);
    }
  }

  /**
   * A caption paragraph; without a caption, a thin empty paragraph if the body ends with a table
   * (two tables in a row would become one).
   */
  void caption(String caption) {
    if (caption != null && !caption.isBlank()) {
      XWPFParagraph p = doc.createParagraph();
      p.setStyle("Caption");
      Ooxml.run(p, caption);
    } else if (endsWithTable()) {
      XWPFParagraph p = doc.createParagraph();
      p.setSpacingAfter(0);
      p.setSpacingBetween(1.0);
      p.getCTP().getPPr().addNewRPr().addNewSz().setVal(BigInteger.valueOf(8));
    }
  }

  private boolean endsWithTable() {
    List<IBodyElement> body = doc.getBodyElements();
    return !body.isEmpty() && body.get(body.size() - 1) instanceof XWPFTable;
  }

  /**
   * The boundary diagram: caption, the boundary's name, then one row of stage boxes with arrows
   * between them; stages inside the boundary shaded, those outside grey with a dashed frame.
   */
  void boundary(Block.BoundaryDiagram d) {
    caption(d.caption());
    XWPFParagraph title = doc.createParagraph();
    title.setAlignment(ParagraphAlignment.CENTER);
    title.setKeepNext(true);
    Ooxml.run(title, d.title(), true, Palette.ACCENT, 21);
    int n = d.stages().size();
    if (n == 0) {
      return;
    }
    int stage = (TEXT_WIDTH - ARROW_WIDTH * (n - 1)) / n;
    int[] widths = new int[2 * n - 1];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = i % 2 == 0 ? stage : ARROW_WIDTH;
    }
    XWPFTable tbl = newTable(1, widths);
    grid(tbl, TEXT_WIDTH, widths);
    tbl.removeBorders();
    tbl.setCellMargins(57, BOX_MARGIN, 57, BOX_MARGIN);
    XWPFTableRow row = tbl.getRow(0);
    row.setCantSplitRow(true);
    int text = stage - 2 * BOX_MARGIN - 40;
    int nameSize = d.stages().stream().mapToInt(s -> fit(s.name(), text, 16, true)).min().orElse(16);
    int inputSize = d.stages().stream().flatMap(s -> s.inputs().stream())
        .mapToInt(s -> fit(s, text, 13, false)).min().orElse(13);
    for (int i = 0; i < widths.length; i++) {
      XWPFTableCell cell = row.getCell(i);
      Ooxml.width(cell, widths[i]);
      cell.setVerticalAlignment(XWPFVertAlign.CENTER);
      if (i % 2 == 0) {
        stageBox(cell, d.stages().get(i / 2), nameSize, inputSize);
      } else {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setStyle("DiagramText");
        Ooxml.run(p, "\u2192", true, Palette.OUTSIDE, 18);
      }
    }
  }

  private static void stageBox(XWPFTableCell cell, Block.StageBox s, int nameSize, int inputSize) {
    String color = s.included() ? null : Palette.OUTSIDE;
    if (s.included()) {
      cell.setColor(Palette.INSIDE);
      Ooxml.borders(cell, STBorder.SINGLE, 8, Palette.ACCENT);
    } else {
      Ooxml.borders(cell, STBorder.DASHED, 6, Palette.OUTSIDE);
    }
    XWPFParagraph name = cell.getParagraphs().get(0);
    name.setStyle("DiagramText");
    name.setSpacingAfter(40);
    Ooxml.run(name, s.name(), s.included(), color, nameSize);
    for (String input : s.inputs()) {
      XWPFParagraph p = cell.addParagraph();
      p.setStyle("DiagramText");
      Ooxml.run(p, input, false, color == null ? "404040" : color, inputSize);
    }
  }

  /**
   * A font size (half-points, at most {@code max}, at least 5 pt) at which the longest word of
   * {@code text} fits in {@code twips}, so that narrow boxes do not break words; East Asian text
   * may break between any two characters. Latin letters are taken as wide as in DejaVu Sans (what
   * stands in for Calibri where it is missing), so the estimate is generous for Calibri.
   */
  static int fit(String text, int twips, int max, boolean bold) {
    double letter = bold ? 0.64 : 0.58;
    double longest = 0;
    double word = 0;
    for (int c : text.codePoints().toArray()) {
      if (c >= 0x2E80) {
        word = 0;
        longest = Math.max(longest, 1.0);
      } else if (Character.isWhitespace(c)) {
        word = 0;
      } else {
        word += letter;
        longest = Math.max(longest, word);
        if (c == '-' || c == '/') {
          word = 0;
        }
      }
    }
    int half = longest == 0 ? max : (int) Math.floor(twips / 20.0 / longest * 2);
    return Math.max(10, Math.min(max, half));
  }

  /** A table of {@code rows} rows and {@code widths.length} columns, at the end of the body. */
  private XWPFTable newTable(int rows, int[] widths) {
    XWPFTable tbl = doc.createTable(rows, widths.length);
    CTTblPr pr = tbl.getCTTbl().getTblPr();
    pr.addNewTblLayout().setType(STTblLayoutType.FIXED);
    tbl.setTopBorder(XWPFBorderType.SINGLE, 4, 0, RULE);
    tbl.setBottomBorder(XWPFBorderType.SINGLE, 4, 0, RULE);
    tbl.setLeftBorder(XWPFBorderType.SINGLE, 4, 0, RULE);
    tbl.setRightBorder(XWPFBorderType.SINGLE, 4, 0, RULE);
    tbl.setInsideHBorder(XWPFBorderType.SINGLE, 4, 0, RULE);
    tbl.setInsideVBorder(XWPFBorderType.SINGLE, 4, 0, RULE);
    return tbl;
  }

  /** The table's width and column grid (Word lays out a fixed table from these). */
  private static void grid(XWPFTable tbl, int width, int[] widths) {
    CTTblPr pr = tbl.getCTTbl().getTblPr();
    CTTblWidth w = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
    w.setType(STTblWidth.DXA);
    w.setW(BigInteger.valueOf(width));
    if (width < TEXT_WIDTH) {
      tbl.setTableAlignment(TableRowAlign.CENTER);
    }
    CTTblGrid grid = tbl.getCTTbl().getTblGrid();
    if (grid == null) {
      grid = tbl.getCTTbl().addNewTblGrid();
    }
    while (grid.sizeOfGridColArray() > 0) {
      grid.removeGridCol(0);
    }
    for (int cw : widths) {
      grid.addNewGridCol().setW(BigInteger.valueOf(cw));
    }
  }

  private static int columnCount(Block.Table t) {
    int n = t.keyValue() ? 2 : t.columns().size();
    for (List<String> r : t.rows()) {
      n = Math.max(n, r.size());
    }
    for (List<String> r : t.footer()) {
      n = Math.max(n, r.size());
    }
    return Math.max(n, 1);
  }

  /** Column widths in proportion to the longest text in each (within bounds), summing to {@code total}. */
  static int[] widths(List<List<String>> rows, int cols, int total) {
    int[] weights = new int[cols];
    for (int c = 0; c < cols; c++) {
      int longest = 4;
      for (List<String> r : rows) {
        if (c < r.size()) {
          longest = Math.max(longest, displayLength(r.get(c)));
        }
      }
      weights[c] = Math.min(longest, 36);
    }
    return split(total, weights);
  }

  /** The width a text needs, counting East Asian characters double. */
  private static int displayLength(String s) {
    return s.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum();
  }

  /** {@code total} split in proportion to {@code weights}; the last column takes the rounding. */
  static int[] split(int total, int... weights) {
    int sum = 0;
    for (int w : weights) {
      sum += w;
    }
    int[] out = new int[weights.length];
    int used = 0;
    for (int i = 0; i < weights.length; i++) {
      out[i] = i == weights.length - 1 ? total - used : (int) ((long) total * weights[i] / sum);
      used += out[i];
    }
    return out;
  }
}

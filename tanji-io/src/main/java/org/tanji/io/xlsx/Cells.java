package org.tanji.io.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;

/**
 * The cells of one worksheet as the spreadsheet program last saved them, read with a streaming
 * XML parser: no object per cell beyond its text, so that 50,000 rows read in well under a second.
 * Numbers come out as the decimal a person sees, dates as ISO dates, formulas as their cached
 * values (marked so), errors ({@code #DIV/0!}) as errors.
 */
final class Cells {

  /** What a cell held. */
  enum Type { TEXT, NUMBER, BOOLEAN, ERROR, FORMULA_WITHOUT_VALUE }

  /**
   * One non-empty cell.
   *
   * @param text the value as text (a number's plain decimal, a date's ISO form)
   * @param formula the formula, or null
   */
  record Cell(int row, int column, String text, Type type, String formula) {}

  /** A rectangle of merged cells, rows and columns from 1. */
  record Merge(int firstRow, int firstColumn, int lastRow, int lastColumn) {
    /** As a spreadsheet writes it: {@code B2:B3}. */
    String range() {
      return org.tanji.core.model.Position.columnName(firstColumn) + firstRow + ":"
          + org.tanji.core.model.Position.columnName(lastColumn) + lastRow;
    }
  }

  /** The non-empty cells of a sheet, row by row in sheet order, and its merged ranges. */
  record Sheet(List<List<Cell>> rows, List<Merge> merges) {}

  private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory(); // no DTDs, no external entities
  private static final MathContext EXCEL_DIGITS = new MathContext(15);

  private Cells() {}

  /** Formats of the workbook's cell styles: which are dates, and how many decimals they show. */
  static final class Styles {
    private final List<Integer> formatOfStyle = new ArrayList<>();
    private final Map<Integer, String> customFormats = new HashMap<>();

    static Styles read(InputStream in) throws XMLStreamException {
      Styles s = new Styles();
      if (in == null) {
        return s;
      }
      XMLStreamReader r = XML.createXMLStreamReader(in);
      boolean inCellXfs = false;
      while (r.hasNext()) {
        int e = r.next();
        if (e == XMLStreamConstants.START_ELEMENT) {
          String n = r.getLocalName();
          if (n.equals("numFmt")) {
            String id = r.getAttributeValue(null, "numFmtId");
            String code = r.getAttributeValue(null, "formatCode");
            if (id != null && code != null) {
              s.customFormats.put(integer("numFmtId", id), code);
            }
          } else if (n.equals("cellXfs")) {
            inCellXfs = true;
          } else if (n.equals("xf") && inCellXfs) {
            String id = r.getAttributeValue(null, "numFmtId");
            s.formatOfStyle.add(id == null ? 0 : integer("numFmtId", id));
          }
        } else if (e == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("cellXfs")) {
          inCellXfs = false;
        }
      }
      return s;
    }

    int formatId(int style) {
      return style >= 0 && style < formatOfStyle.size() ? formatOfStyle.get(style) : 0;
    }

    String formatCode(int formatId) {
      String custom = customFormats.get(formatId);
      if (custom != null) {
        return custom;
      }
      String builtin = BuiltinFormats.getBuiltinFormat(formatId);
      return builtin == null ? "General" : builtin;
    }
  }

  /** Whether dates count from 1904 (old Mac workbooks) rather than 1900. */
  static boolean date1904(InputStream workbookXml) throws XMLStreamException {
    XMLStreamReader r = XML.createXMLStreamReader(workbookXml);
    while (r.hasNext()) {
      if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("workbookPr")) {
        String v = r.getAttributeValue(null, "date1904");
        return "1".equals(v) || "true".equalsIgnoreCase(v);
      }
    }
    return false;
  }

  /** Reads one worksheet's XML. */
  static Sheet read(InputStream in, SharedStrings strings, Styles styles, boolean date1904)
      throws XMLStreamException, IOException {
    List<List<Cell>> rows = new ArrayList<>();
    List<Merge> merges = new ArrayList<>();
    XMLStreamReader r = XML.createXMLStreamReader(in);
    List<Cell> row = null;
    int rowNumber = 0;
    int column = 0;
    // the cell being read
    String ref = null;
    String t = null;
    int style = 0;
    String value = null;
    String formula = null;
    StringBuilder inline = null;
    boolean inPhonetic = false;
    while (r.hasNext()) {
      int e = r.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        switch (r.getLocalName()) {
          case "row" -> {
            String rr = r.getAttributeValue(null, "r");
            rowNumber = rr != null ? integer("r", rr) : rowNumber + 1;
            column = 0;
            row = new ArrayList<>();
          }
          case "c" -> {
            ref = r.getAttributeValue(null, "r");
            t = r.getAttributeValue(null, "t");
            String s = r.getAttributeValue(null, "s");
            style = s == null ? 0 : integer("s", s);
            value = null;
            formula = null;
            inline = null;
          }
          case "v" -> value = r.getElementText();
          case "f" -> {
            String f = r.getElementText();
            formula = f.isEmpty() ? "(shared)" : f; // a shared formula's later cells carry no text
          }
          case "is" -> inline = new StringBuilder();
          case "rPh" -> inPhonetic = true; // pronunciation guides are not part of the text
          case "t" -> {
            String text = r.getElementText();
            if (inline != null && !inPhonetic) {
              inline.append(text);
            }
          }
          case "mergeCell" -> {
            Merge m = merge(r.getAttributeValue(null, "ref"));
            if (m != null) {
              merges.add(m);
            }
          }
          default -> {
            // other elements (formats, drawings, validations) carry no data
          }
        }
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        switch (r.getLocalName()) {
          case "rPh" -> inPhonetic = false;
          case "c" -> {
            column = ref != null ? columnOf(ref) : column + 1;
            Cell c = cell(rowNumber, column, t, style, value, formula, inline, strings, styles, date1904);
            if (c != null && row != null) {
              row.add(c);
            }
          }
          case "row" -> {
            if (row != null && !row.isEmpty()) {
              rows.add(row);
            }
            row = null;
          }
          default -> {
            // nothing to close
          }
        }
      }
    }
    return new Sheet(rows, merges);
  }

  private static Cell cell(int row, int column, String t, int style, String v, String formula,
      StringBuilder inline, SharedStrings strings, Styles styles, boolean date1904) throws XMLStreamException {
    if (formula != null && v == null && inline == null) {
      return new Cell(row, column, "", Type.FORMULA_WITHOUT_VALUE, formula);
    }
    String type = t == null ? "n" : t;
    String text;
    Type kind;
    switch (type) {
      case "s" -> {
        if (v == null) {
          return null;
        }
        int index = integer("v", v.strip());
        if (index < 0 || index >= strings.getCount()) {
          throw new XMLStreamException("shared string " + index + " does not exist (the workbook has "
              + strings.getCount() + ")");
        }
        text = strings.getItemAt(index).getString();
        kind = Type.TEXT;
      }
      case "inlineStr" -> {
        text = inline != null ? inline.toString() : v;
        kind = Type.TEXT;
      }
      case "str", "d" -> {
        text = v;
        kind = Type.TEXT;
      }
      case "b" -> {
        text = "1".equals(v == null ? null : v.strip()) ? "true" : "false";
        kind = Type.BOOLEAN;
      }
      case "e" -> {
        text = v;
        kind = Type.ERROR;
      }
      default -> {
        if (v == null || v.isBlank()) {
          return null;
        }
        text = number(v.strip(), styles, style, date1904);
        kind = Type.NUMBER;
      }
    }
    if (text == null) {
      return null;
    }
    if (kind == Type.TEXT) {
      text = text.strip();
      if (text.isEmpty()) {
        return null;
      }
    }
    return new Cell(row, column, text, kind, formula);
  }

  /**
   * A stored number as the person sees it: 15 significant digits (all a spreadsheet keeps), no
   * binary noise ({@code 0.58099999999999996} is {@code 0.581}), at least as many decimals as
   * its format shows ({@code 4} formatted {@code 0.00} is {@code 4.00}); dates as ISO dates.
   */
  static String number(String stored, Styles styles, int style, boolean date1904) {
    double d;
    try {
      d = Double.parseDouble(stored);
    } catch (NumberFormatException e) {
      return stored; // not a number after all: left for the reader to report
    }
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return stored;
    }
    int formatId = styles.formatId(style);
    String code = styles.formatCode(formatId);
    if (DateUtil.isADateFormat(formatId, code) && DateUtil.isValidExcelDate(d)) {
      LocalDateTime when = DateUtil.getLocalDateTime(d, date1904, true);
      return when.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? when.toLocalDate().toString() : when.toString();
    }
    BigDecimal b = new BigDecimal(Double.toString(d));
    if (b.precision() > 15) {
      b = b.round(EXCEL_DIGITS);
    }
    b = b.stripTrailingZeros();
    if (b.scale() < 0) {
      b = b.setScale(0);
    }
    int shown = decimalsShown(code);
    if (b.scale() < shown) {
      b = b.setScale(shown);
    }
    return b.toPlainString();
  }

  /** The fixed decimals a number format shows ({@code 0.00} → 2); percentages and text formats 0. */
  static int decimalsShown(String code) {
    String first = code;
    int semi = indexOutsideQuotes(code, ';');
    if (semi >= 0) {
      first = code.substring(0, semi);
    }
    if (first.contains("%")) {
      return 0; // the shown digits are of the value × 100
    }
    int dot = indexOutsideQuotes(first, '.');
    if (dot < 0) {
      return 0;
    }
    int n = 0;
    for (int i = dot + 1; i < first.length() && first.charAt(i) == '0'; i++) {
      n++;
    }
    return n;
  }

  private static int indexOutsideQuotes(String s, char wanted) {
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\\') {
        i++;
      } else if (!quoted && c == wanted) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A whole number the file format requires ({@code <row r="7">}); anything else means a damaged
   * file, said as the XML parser says malformed XML.
   */
  private static int integer(String name, String text) throws XMLStreamException {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      // no location: the XML parser would put it before the words, and a position in a part's XML helps nobody
      throw new XMLStreamException(name + "=\"" + text + "\" is not a whole number", e);
    }
  }

  /** The column number of a cell reference ({@code C7} → 3). */
  static int columnOf(String ref) {
    int c = 0;
    for (int i = 0; i < ref.length(); i++) {
      char ch = ref.charAt(i);
      if (ch >= 'A' && ch <= 'Z') {
        c = c * 26 + (ch - 'A' + 1);
      } else if (ch >= 'a' && ch <= 'z') {
        c = c * 26 + (ch - 'a' + 1);
      } else {
        break;
      }
    }
    return c;
  }

  static int rowOf(String ref) {
    int i = 0;
    while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
      i++;
    }
    try {
      return Integer.parseInt(ref.substring(i));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Merge merge(String ref) {
    if (ref == null) {
      return null;
    }
    int colon = ref.indexOf(':');
    String a = colon < 0 ? ref : ref.substring(0, colon);
    String b = colon < 0 ? ref : ref.substring(colon + 1);
    return new Merge(rowOf(a), columnOf(a), rowOf(b), columnOf(b));
  }
}

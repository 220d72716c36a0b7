package org.tanji.io.library;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Position;
import org.tanji.core.model.Severity;
import org.tanji.io.xlsx.Workbooks;

/**
 * A CSV file (or a workbook's sheet of factors) as a header and rows, each row with the line it starts on. Blank lines carry no data
 * and are passed over; everything else is returned, so no row is skipped silently.
 */
final class CsvRows {

  /** One data row: its line in the file and its cells by column name. */
  record Row(int line, Map<String, String> cells, int width) {
    String get(String column) {
      String v = cells.get(column);
      return v == null || v.isBlank() ? null : v.strip();
    }
  }

  // the streaming parser, as for YAML and JSON: no data binding to start for a few small files
  private static final CsvFactory FACTORY = CsvFactory.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

  final List<String> header;
  final List<Row> rows;
  private final String sheet;

  private CsvRows(List<String> header, List<Row> rows, String sheet) {
    this.header = header;
    this.rows = rows;
    this.sheet = sheet;
  }

  /**
   * The factor sheet of a workbook as header and rows; rows are the sheet's row numbers, so that
   * findings name cells ({@code factors!C7}). Null when the workbook cannot be read.
   */
  static CsvRows ofWorkbook(byte[] bytes, List<Finding> findings) {
    Workbooks.Table t = Workbooks.factorTable(bytes, findings);
    if (t == null) {
      return null;
    }
    if (t.rows().isEmpty()) {
      findings.add(Finding.error("PARSE_ERROR", "", Text.of("read.empty")));
      return null;
    }
    Workbooks.TableRow first = t.rows().get(0);
    int width = first.cells().keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    List<String> header = new ArrayList<>();
    for (int c = 1; c <= width; c++) {
      String h = first.cells().get(c);
      header.add(h == null ? "" : Workbooks.factorColumn(h));
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < t.rows().size(); i++) {
      Workbooks.TableRow r = t.rows().get(i);
      Map<String, String> byName = new HashMap<>();
      int last = 0;
      for (Map.Entry<Integer, String> cell : r.cells().entrySet()) {
        last = Math.max(last, cell.getKey());
        if (cell.getKey() <= header.size() && header.get(cell.getKey() - 1).isEmpty()) {
          findings.add(Finding.error("UNKNOWN_KEY", "", Text.of("xlsx.noHeading",
              Position.cell(t.sheet(), r.row(), cell.getKey()).cellName(), Position.columnName(cell.getKey())))
              .at(Position.cell(t.sheet(), r.row(), cell.getKey())));
        } else if (cell.getKey() <= header.size()) {
          String column = header.get(cell.getKey() - 1);
          byName.put(column, Workbooks.factorValue(column, cell.getValue()));
        }
      }
      rows.add(new Row(r.row(), byName, last));
    }
    return new CsvRows(header, rows, t.sheet());
  }

  /**
   * Reads CSV text. A syntax problem is a {@code PARSE_ERROR} finding and the result is null.
   */
  static CsvRows read(String text, List<Finding> findings) {
    List<String> header = null;
    List<Row> rows = new ArrayList<>();
    try (CsvParser p = FACTORY.createParser(text)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        findings.add(Finding.error("PARSE_ERROR", "", Text.of("read.empty")));
        return null;
      }
      while (p.nextToken() == JsonToken.START_ARRAY) {
        // a row's opening token stands at the end of the row before it; its first cell is on its own line
        int line = 1;
        List<String> cells = new ArrayList<>();
        while (p.nextToken() == JsonToken.VALUE_STRING) {
          if (cells.isEmpty()) {
            line = Math.max(p.currentTokenLocation().getLineNr(), 1);
          }
          cells.add(p.getText());
        }
        if (cells.isEmpty() || cells.size() == 1 && cells.get(0).isBlank()) {
          continue; // a blank line carries no data
        }
        if (header == null) {
          header = new ArrayList<>();
          for (String h : cells) {
            header.add(h.strip().replace("\uFEFF", ""));
          }
          continue;
        }
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; i < cells.size() && i < header.size(); i++) {
          byName.put(header.get(i), cells.get(i));
        }
        rows.add(new Row(line, byName, cells.size()));
      }
    } catch (IOException e) { // the CSV parser's errors (unclosed quotes …) are IOExceptions; others are bugs
      String m = String.valueOf(e.getMessage());
      int nl = m.indexOf('\n');
      findings.add(new Finding("PARSE_ERROR", Severity.ERROR, "", null, Text.of("read.syntax", nl < 0 ? m : m.substring(0, nl))));
      return null;
    }
    if (header == null) {
      findings.add(Finding.error("PARSE_ERROR", "", Text.of("read.empty")));
      return null;
    }
    return new CsvRows(header, rows, null);
  }

  /** The position of a cell, for findings: its row's line and the column's place, from 1. */
  Position position(Row row, String column) {
    return new Position(row.line(), Math.max(1, header.indexOf(column) + 1), sheet);
  }
}

package org.tanji.io.library;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
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

/**
 * A CSV file as a header and rows, each row with the line it starts on. Blank lines carry no data
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

  private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

  final List<String> header;
  final List<Row> rows;

  private CsvRows(List<String> header, List<Row> rows) {
    this.header = header;
    this.rows = rows;
  }

  /**
   * Reads CSV text. A syntax problem is a {@code PARSE_ERROR} finding and the result is null.
   */
  static CsvRows read(String text, List<Finding> findings) {
    List<String> header = null;
    List<Row> rows = new ArrayList<>();
    try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class).readValues(text)) {
      while (true) {
        int line = it.getCurrentLocation().getLineNr();
        if (!it.hasNext()) {
          break;
        }
        String[] cells = it.next();
        if (cells.length == 0 || cells.length == 1 && cells[0].isBlank()) {
          continue;
        }
        if (header == null) {
          header = new ArrayList<>();
          for (String h : cells) {
            header.add(h.strip().replace("\uFEFF", ""));
          }
          continue;
        }
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; i < cells.length && i < header.size(); i++) {
          byName.put(header.get(i), cells[i]);
        }
        rows.add(new Row(Math.max(line, 1), byName, cells.length));
      }
    } catch (IOException | RuntimeException e) {
      String m = String.valueOf(e.getMessage());
      int nl = m.indexOf('\n');
      findings.add(new Finding("PARSE_ERROR", Severity.ERROR, "", null, Text.of("read.syntax", nl < 0 ? m : m.substring(0, nl))));
      return null;
    }
    if (header == null) {
      findings.add(Finding.error("PARSE_ERROR", "", Text.of("read.empty")));
      return null;
    }
    return new CsvRows(header, rows);
  }

  /** The position of a cell, for findings: its row's line and the column's place, from 1. */
  Position position(Row row, String column) {
    return new Position(row.line(), Math.max(1, header.indexOf(column) + 1));
  }
}

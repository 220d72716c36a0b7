package org.tanji.core.model;

/**
 * A place in a source file: line and column, both from 1. In a workbook the line is the row and
 * {@code sheet} names the worksheet; in a text file {@code sheet} is null.
 */
public record Position(int line, int column, String sheet) {

  public Position(int line, int column) {
    this(line, column, null);
  }

  /** A cell of a workbook: sheet, row and column from 1. */
  public static Position cell(String sheet, int row, int column) {
    return new Position(row, column, sheet);
  }

  /**
   * Line and column in one long, for readers that keep millions of them. Only text positions
   * pack: a workbook reader keeps its sheet apart.
   */
  public long pack() {
    return ((long) line << 32) | (column & 0xffffffffL);
  }

  public static Position unpack(long packed) {
    return new Position((int) (packed >>> 32), (int) packed);
  }

  /** The cell's name as a spreadsheet writes it ({@code inventory!C7}), or null in a text file. */
  public String cellName() {
    if (sheet == null) {
      return null;
    }
    boolean plain = !sheet.isEmpty() && sheet.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
    String name = plain ? sheet : "'" + sheet.replace("'", "''") + "'";
    return name + "!" + columnName(column) + line;
  }

  /** A spreadsheet column's letters: 1 → A, 27 → AA. */
  public static String columnName(int column) {
    StringBuilder s = new StringBuilder();
    for (int c = column; c > 0; c = (c - 1) / 26) {
      s.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return s.toString();
  }
}

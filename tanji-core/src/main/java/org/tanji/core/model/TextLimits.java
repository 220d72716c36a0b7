package org.tanji.core.model;

/**
 * How long the texts of a study may be. A name of 100,000 characters once read and computed
 * fine, then broke the workbook export (a cell holds at most 32,767 characters) and cost the PDF
 * 24 s of CPU; longer texts are errors, never cut short silently.
 */
public final class TextLimits {

  private TextLimits() {}

  /**
   * Names, titles, ids, quantities as typed, and every other short text: 500 characters. The
   * longest real names (a product with its grade and standard, a company with its full legal
   * name) stay under 200; 500 leaves room for either language and still fits a report's cover
   * and a table cell.
   */
  public static final int NAME = 500;

  /**
   * Free texts (descriptions, notes, addresses, sources, reasons for an exclusion): 4,000
   * characters, a page of text. Anything longer belongs in a document listed under
   * {@code evidence}, not in a table cell of the report.
   */
  public static final int TEXT = 4_000;

  /** The length a limit counts: characters as people count them (code points, so 钢 is one). */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}

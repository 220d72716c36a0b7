package org.tanji.report.model;

/**
 * The characters every format can hold. XML (HTML as parsed for the PDF, and Word's XML) forbids
 * most control characters; one typed into a name (a vertical tab from a spreadsheet cell) becomes a
 * space in every format, so nothing is silently glued together.
 */
public final class XmlText {

  private XmlText() {}

  /** True for a code point XML 1.0 allows. */
  public static boolean allowed(int c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || c >= 0x10000;
  }

  /** {@code s} with every character XML does not allow replaced by a space; null as empty. */
  public static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(c -> b.appendCodePoint(allowed(c) ? c : ' '));
    return b.toString();
  }
}

package org.tanji.cli;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The CLI's own texts (table headings, labels), in English and Chinese. */
final class Cli {

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Cli() {}

  static String text(String key, Locale locale) {
    try {
      return ResourceBundle.getBundle("org.tanji.cli.text", locale, NO_FALLBACK).getString(key);
    } catch (MissingResourceException e) {
      return "!" + key + "!";
    }
  }

  /** Columns a string takes in a terminal: two for CJK and full-width characters. */
  static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      w += wide(cp) ? 2 : 1;
    }
    return w;
  }

  private static boolean wide(int cp) {
    return cp >= 0x1100 && cp <= 0x115F
        || cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F
        || cp >= 0xAC00 && cp <= 0xD7A3
        || cp >= 0xF900 && cp <= 0xFAFF
        || cp >= 0xFE30 && cp <= 0xFE4F
        || cp >= 0xFF00 && cp <= 0xFF60
        || cp >= 0xFFE0 && cp <= 0xFFE6
        || cp >= 0x20000 && cp <= 0x3FFFD;
  }

  /**
   * A table for the terminal: columns as wide as their widest cell (at most 40), numbers after the
   * first column right-aligned, CJK characters counted double.
   */
  static void table(java.io.PrintWriter out, String indent, String[] head, java.util.List<String[]> rows) {
    int[] w = new int[head.length];
    for (int c = 0; c < head.length; c++) {
      w[c] = width(head[c]);
      for (String[] r : rows) {
        w[c] = Math.max(w[c], width(r[c]));
      }
      w[c] = Math.min(w[c], 40);
    }
    out.println(line(indent, head, w));
    for (String[] r : rows) {
      out.println(line(indent, r, w));
    }
  }

  private static String line(String indent, String[] cells, int[] w) {
    StringBuilder b = new StringBuilder(indent);
    for (int c = 0; c < cells.length; c++) {
      String cell = cells[c];
      boolean numeric = c > 0 && !cell.isEmpty()
          && (Character.isDigit(cell.charAt(0)) || cell.charAt(0) == '-' || cell.equals("—"));
      b.append(pad(cell, w[c], numeric)).append(c + 1 < cells.length ? "  " : "");
    }
    return b.toString().stripTrailing();
  }

  static String pad(String s, int width, boolean right) {
    int gap = Math.max(0, width - width(s));
    return right ? " ".repeat(gap) + s : s + " ".repeat(gap);
  }
}

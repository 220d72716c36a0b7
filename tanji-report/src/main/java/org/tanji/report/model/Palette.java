package org.tanji.report.model;

import java.util.List;

/** The colours of charts and diagrams, shared by every format so that they look the same. */
public final class Palette {

  private Palette() {}

  /** Series colours, in order of use (distinguishable in print and for common colour blindness). */
  public static final List<String> SERIES = List.of(
      "1F6F8B", "E07A1F", "3C9D5D", "C0392B", "7D5BA6", "8C6D46", "D35D9E", "6B7B8C", "B5A22E", "2AA6A6");

  /** The colour of slice or bar {@code i}, as six hex digits without {@code #}. */
  public static String series(int i) {
    return SERIES.get(i % SERIES.size());
  }

  /** The accent of headings and the boundary frame. */
  public static final String ACCENT = "1F6F8B";

  /** Fill of stages inside the boundary. */
  public static final String INSIDE = "E3F0F4";

  /** Grey for what lies outside the boundary and for rules. */
  public static final String OUTSIDE = "9AA5AE";
}

package org.tanji.report.model;

import java.util.List;

/** One piece of the report's body. Text is final: translated, formatted, not yet escaped. */
public sealed interface Block {

  /**
   * A section heading.
   *
   * @param level 1 for a chapter, 2 for a section
   * @param number the section number ("5.2"), or empty for an unnumbered heading (appendices carry
   *     their letter in the text)
   * @param text the heading's words
   * @param anchor a stable id for links ({@code s5-2})
   */
  record Heading(int level, String number, String text, String anchor) implements Block {
    /** Number and text together, as a table of contents shows them. */
    public String label() {
      return number.isEmpty() ? text : number + " " + text;
    }
  }

  /** A paragraph of running text. */
  record Paragraph(String text) implements Block {}

  /** A small note under a table or chart (rounding, cut lists). */
  record Note(String text) implements Block {}

  /** A formula set on a line of its own, with the meaning of its symbols below it. */
  record Formula(String formula, List<String> legend) implements Block {
    public Formula {
      legend = List.copyOf(legend);
    }
  }

  /** A list; numbered or with bullets. */
  record ItemList(List<String> items, boolean numbered) implements Block {
    public ItemList {
      items = List.copyOf(items);
    }
  }

  /**
   * A table.
   *
   * @param id a stable name for tests and anchors ({@code calculation}, {@code stages} …)
   * @param caption the caption above it ("Table 3 Activity data by stage")
   * @param columns the column headings; empty for a table of label and value pairs
   * @param rows the body rows, each as long as the columns (or two cells for label and value)
   * @param footer summary rows (totals) set apart from the body; may be empty
   * @param keyValue true for a two-column table whose first column labels the second
   */
  record Table(String id, String caption, List<Column> columns, List<List<String>> rows, List<List<String>> footer,
      boolean keyValue) implements Block {
    public Table {
      columns = List.copyOf(columns);
      rows = rows.stream().map(List::copyOf).toList();
      footer = footer.stream().map(List::copyOf).toList();
    }

    /** A table of label and value pairs. */
    public static Table keyValue(String id, String caption, List<List<String>> rows) {
      return new Table(id, caption, List.of(), rows, List.of(), true);
    }
  }

  /**
   * A column of a table: its heading, whether it holds figures (set right-aligned), and whether its
   * cells are codes or key paths that must not break inside (UNIT_MISMATCH, inventory[2].amount).
   */
  record Column(String header, boolean numeric, boolean unbroken) {
    public static Column text(String header) {
      return new Column(header, false, false);
    }

    public static Column number(String header) {
      return new Column(header, true, false);
    }

    public static Column code(String header) {
      return new Column(header, false, true);
    }
  }

  /**
   * A chart of shares; the legend and figures are part of it, so a reader without the drawing
   * still has every number.
   *
   * @param id a stable name ({@code stage-donut}, {@code line-bars})
   * @param kind a donut of shares or bars sorted by size
   * @param caption the caption ("Figure 2 Emissions by stage")
   * @param valueHeader the heading of the figures' column ("tCO₂e")
   * @param items the slices or bars, in drawing order
   */
  record Chart(String id, ChartKind kind, String caption, String valueHeader, List<ChartItem> items)
      implements Block {
    public Chart {
      items = List.copyOf(items);
    }
  }

  /** Which drawing a chart is. */
  enum ChartKind { DONUT, BARS }

  /**
   * One slice or bar.
   *
   * @param label what it is (a stage, a line)
   * @param share its part of the whole, 0–1 (drawn)
   * @param value the figure as displayed ("107,375.25")
   * @param shareText the share as displayed ("89.70 %")
   */
  record ChartItem(String label, double share, String value, String shareText) {}

  /**
   * The system-boundary diagram: the life-cycle stages in order, those inside the boundary marked.
   *
   * @param caption the caption
   * @param title the boundary's name ("Cradle to gate")
   * @param stages every stage of the life cycle, in flow order
   */
  record BoundaryDiagram(String caption, String title, List<StageBox> stages) implements Block {
    public BoundaryDiagram {
      stages = List.copyOf(stages);
    }
  }

  /**
   * One stage of the boundary diagram.
   *
   * @param name the stage's name
   * @param included true when the stage is inside the system boundary
   * @param inputs the inventory lines in this stage (shortened list), or a word saying none
   */
  record StageBox(String name, boolean included, List<String> inputs) {
    public StageBox {
      inputs = List.copyOf(inputs);
    }
  }

  /** Starts a new page in paged formats (DOCX, PDF); HTML starts a new page when printed. */
  record PageBreak() implements Block {}

  /** The table of contents goes here (built from the headings). */
  record Contents(String title) implements Block {}
}

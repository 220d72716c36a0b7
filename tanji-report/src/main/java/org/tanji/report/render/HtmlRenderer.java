package org.tanji.report.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tanji.report.model.Block;
import org.tanji.report.model.Palette;
import org.tanji.report.model.ReportDocument;
import org.tanji.report.model.XmlText;

/**
 * Renders a report as one self-contained HTML file (inline CSS, inline SVG charts) with the Pebble
 * template {@code report.peb}. The PDF is made from the same template in its paged variant, so the
 * two show the same text; every value is escaped by the template engine.
 */
public final class HtmlRenderer {

  private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
      .loader(classpath())
      .autoEscaping(true)
      .defaultEscapingStrategy("html")
      .strictVariables(true)
      .newLineTrimming(true)
      .build();

  private HtmlRenderer() {}

  private static ClasspathLoader classpath() {
    ClasspathLoader loader = new ClasspathLoader(HtmlRenderer.class.getClassLoader());
    loader.setPrefix("org/tanji/report/html");
    loader.setSuffix(".peb");
    return loader;
  }

  /** Writes the HTML report, UTF-8. */
  public static void write(ReportDocument doc, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    render(doc, false, writer);
    writer.flush();
  }

  /** The XHTML the PDF renderer lays out: paged CSS, page numbers in the contents, no SVG. */
  static String forPdf(ReportDocument doc) throws IOException {
    StringWriter writer = new StringWriter();
    render(doc, true, writer);
    return writer.toString();
  }

  private static void render(ReportDocument doc, boolean pdf, Writer out) throws IOException {
    PebbleTemplate template = ENGINE.getTemplate("report");
    Map<String, Object> context = new HashMap<>();
    context.put("doc", doc);
    context.put("pdf", pdf);
    context.put("blocks", views(doc.blocks()));
    context.put("outline", outline(doc));
    context.put("accent", Palette.ACCENT);
    context.put("inside", Palette.INSIDE);
    context.put("outside", Palette.OUTSIDE);
    StringWriter html = new StringWriter(1 << 16);
    template.evaluate(html, context);
    out.write(XmlText.clean(html.toString())); // valid XML for the PDF's parser, and the same text as Word's
    out.flush();
  }

  /** Chapters with their sections, for the PDF's bookmarks. */
  private static List<Map<String, Object>> outline(ReportDocument doc) {
    List<Map<String, Object>> chapters = new ArrayList<>();
    List<Block.Heading> sections = null;
    for (Block.Heading h : doc.headings()) {
      if (h.level() == 1 || sections == null) {
        sections = new ArrayList<>();
        chapters.add(Map.of("heading", h, "sections", sections));
      } else {
        sections.add(h);
      }
    }
    return chapters;
  }

  /** Each block with its kind (for the template to choose a macro) and, for charts, the drawing. */
  private static List<Map<String, Object>> views(List<Block> blocks) {
    List<Map<String, Object>> views = new ArrayList<>();
    for (Block b : blocks) {
      Map<String, Object> v = new HashMap<>();
      v.put("kind", b.getClass().getSimpleName());
      v.put("b", b);
      if (b instanceof Block.Chart c) {
        v.put("colors", colors(c));
        if (c.kind() == Block.ChartKind.DONUT) {
          v.put("segments", Donut.segments(c.items()).stream()
              .map(s -> Map.of("d", Donut.pathData(s.shape()), "color", s.color())).toList());
          v.put("shares", shares(c));
        } else {
          v.put("widths", widths(c));
        }
      }
      views.add(v);
    }
    return views;
  }

  private static List<String> colors(Block.Chart c) {
    List<String> colors = new ArrayList<>();
    for (int i = 0; i < c.items().size(); i++) {
      colors.add(c.kind() == Block.ChartKind.DONUT ? Palette.series(i) : Palette.series(0));
    }
    return colors;
  }

  /** The shares of a donut for the PDF drawer, as plain numbers. */
  private static String shares(Block.Chart c) {
    return String.join(" ", c.items().stream().map(i -> Double.toString(i.share())).toList());
  }

  /** Bar lengths in percent of the largest bar (which fills the width). */
  private static List<String> widths(Block.Chart c) {
    double max = c.items().stream().mapToDouble(i -> Math.max(0, i.share())).max().orElse(0);
    return c.items().stream()
        .map(i -> max <= 0 ? "0" : String.format(java.util.Locale.ROOT, "%.2f", Math.max(0, i.share()) / max * 100))
        .toList();
  }
}

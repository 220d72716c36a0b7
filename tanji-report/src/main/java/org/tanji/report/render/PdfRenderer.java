package org.tanji.report.render;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import com.openhtmltopdf.render.RenderingContext;
import com.openhtmltopdf.util.XRLog;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.tanji.report.model.Block;
import org.tanji.report.model.ReportDocument;
import org.w3c.dom.Element;

/**
 * Renders a report as PDF: the HTML template's paged variant laid out by Open HTML to PDF, with
 * Noto Sans SC embedded (subset) so that Chinese text is in the file and extractable, donut charts
 * drawn as vector shapes, a table of contents with page numbers and bookmarks for every heading.
 */
public final class PdfRenderer {

  static final String FONT_FAMILY = "Noto Sans SC";
  private static final String FONT_DIR = "/org/tanji/report/font/";

  static {
    XRLog.setLoggingEnabled(false); // layout notes would go to stderr of a command-line tool
  }

  private PdfRenderer() {}

  /** Writes the PDF report. */
  public static void write(ReportDocument doc, OutputStream out) throws IOException {
    String html = subscripts(HtmlRenderer.forPdf(doc));
    DefaultObjectDrawerFactory drawers = new DefaultObjectDrawerFactory();
    drawers.registerDrawer("tanji/donut", new DonutDrawer());
    PdfRendererBuilder builder = new PdfRendererBuilder()
        .useFastMode()
        .withHtmlContent(html, null)
        .useObjectDrawerFactory(drawers)
        .withProducer("Tanji")
        .useFont(() -> font("NotoSansSC-Regular.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true)
        .useFont(() -> font("NotoSansSC-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
    java.io.ByteArrayOutputStream laidOut = new java.io.ByteArrayOutputStream(1 << 20);
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      PDDocument pdf = renderer.createPDFKeepOpen();
      // the same report gives the same bytes: no clock time, an id from the content
      PDDocumentInformation info = pdf.getDocumentInformation();
      info.setCreationDate(null);
      info.setModificationDate(null);
      info.setTitle(doc.title());
      info.setCreator("Tanji");
      pdf.setDocumentId((long) html.hashCode());
      pdf.save(laidOut); // fonts are subset, and their ToUnicode maps written, on saving
      pdf.close();
    }
    try (PDDocument pdf = Loader.loadPDF(laidOut.toByteArray())) {
      toUnicode().apply(pdf);
      pdf.setDocumentId((long) html.hashCode());
      pdf.save(out);
    }
  }

  private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("<[^>]*>");

  /**
   * Subscript characters the embedded font lacks (₂ of CO₂, ᵢ of ADᵢ) as subscript markup in text,
   * and as plain characters inside tags (bookmark names): a PDF without them would show a fallback.
   */
  static String subscripts(String html) {
    StringBuilder out = new StringBuilder(html.length() + 256);
    java.util.regex.Matcher m = TAG.matcher(html);
    int last = 0;
    while (m.find()) {
      String text = html.substring(last, m.start());
      out.append(text.replace("₂", "<span class=\"sub\">2</span>").replace("ᵢ", "<span class=\"sub\">i</span>"));
      out.append(m.group().replace("₂", "2").replace("ᵢ", "i"));
      last = m.end();
    }
    out.append(html, last, html.length());
    return out.toString();
  }

  private static ToUnicodeFix toUnicode;

  /** Built once from the font (the radicals sharing glyphs with ideographs do not change). */
  private static synchronized ToUnicodeFix toUnicode() throws IOException {
    if (toUnicode == null) {
      try (InputStream in = font("NotoSansSC-Regular.ttf")) {
        toUnicode = ToUnicodeFix.of(in);
      }
    }
    return toUnicode;
  }

  /** The font file from the class path (put there by the build, from the npm registry). */
  private static InputStream font(String name) {
    InputStream in = PdfRenderer.class.getResourceAsStream(FONT_DIR + name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("the font " + name + " is missing from the build: "
          + "rebuild with ./mvnw package (it is fetched from the npm registry)"));
    }
    return in;
  }

  /** Draws {@code <object type="tanji/donut" data-shares="0.87 0.03 …">} as vector ring segments. */
  private static final class DonutDrawer implements FSObjectDrawer {
    @Override
    public Map<Shape, String> drawObject(Element e, double x, double y, double width, double height,
        OutputDevice device, RenderingContext ctx, int dotsPerPixel) {
      List<Block.ChartItem> items = new ArrayList<>();
      for (String s : e.getAttribute("data-shares").trim().split("\\s+")) {
        if (!s.isEmpty()) {
          items.add(new Block.ChartItem("", Double.parseDouble(s), "", ""));
        }
      }
      device.drawWithGraphics((float) x, (float) y, (float) width / dotsPerPixel, (float) height / dotsPerPixel, g -> {
        double k = Math.min(width / dotsPerPixel, height / dotsPerPixel) / Donut.SIZE;
        g.transform(AffineTransform.getScaleInstance(k, k));
        for (Donut.Segment s : Donut.segments(items)) {
          g.setColor(new Color(Integer.parseInt(s.color(), 16)));
          g.fill(s.shape());
          g.setColor(Color.WHITE);
          g.draw(s.shape());
        }
      });
      return null;
    }
  }

}

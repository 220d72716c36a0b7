package org.tanji.report.docx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHyperlink;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSettings;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;
import org.tanji.report.model.Block;
import org.tanji.report.model.Cover;
import org.tanji.report.model.Palette;
import org.tanji.report.model.ReportDocument;

/**
 * Writes a {@link ReportDocument} as a Word document (DOCX) that consultants can go on editing.
 *
 * <p>The document uses Word's own building blocks rather than imitating them: headings in the
 * built-in styles {@code heading 1} and {@code heading 2} (so the navigation pane and the table of
 * contents work), a real {@code TOC} field whose cached entries already list the headings, real
 * tables with a repeating header row, numbered and bulleted lists from a numbering definition,
 * native charts with their data in an embedded workbook, and a footer with {@code PAGE} and
 * {@code NUMPAGES} fields. Pages are A4 portrait. Every text of the model is written literally (markup
 * stays text), and the same document always gives the same bytes: no clock time goes into the file.
 */
public final class DocxRenderer {

  private static final String STYLES = "/org/tanji/report/docx/styles.xml";
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final String TOC = "TOC \\o \"1-2\" \\h \\z \\u";

  private final ReportDocument model;
  private final XWPFDocument doc;
  private final DocxTables tables;
  private final DocxCharts charts;
  private final DocxLists lists;
  private final List<String> bookmarks;
  private int headingIndex;

  private DocxRenderer(ReportDocument model, XWPFDocument doc) {
    this.model = model;
    this.doc = doc;
    this.tables = new DocxTables(doc);
    this.charts = new DocxCharts(doc, tables);
    this.lists = new DocxLists(doc);
    this.bookmarks = bookmarkNames(model.headings());
  }

  /**
   * Writes {@code doc} to {@code out} as DOCX. The stream is not closed.
   *
   * @throws IOException if {@code out} cannot be written
   */
  public static void write(ReportDocument doc, OutputStream out) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream(1 << 16);
    try (XWPFDocument d = new XWPFDocument()) {
      new DocxRenderer(doc, d).render();
      d.write(raw);
    }
    StableZip.copy(raw.toByteArray(), out);
  }

  private void render() throws IOException {
    styles();
    properties();
    compatibility();
    page();
    footer();
    cover();
    for (Block b : model.blocks()) {
      block(b);
    }
    List<IBodyElement> body = doc.getBodyElements();
    if (body.isEmpty() || body.get(body.size() - 1) instanceof XWPFTable) {
      doc.createParagraph(); // Word wants the body to end with a paragraph
    }
  }

  private void block(Block b) throws IOException {
    if (b instanceof Block.Heading h) {
      heading(h);
    } else if (b instanceof Block.Paragraph p) {
      paragraph(null, p.text());
    } else if (b instanceof Block.Note n) {
      paragraph("Note", n.text());
    } else if (b instanceof Block.Formula f) {
      paragraph("Formula", f.formula());
      f.legend().forEach(line -> paragraph("FormulaLegend", line));
    } else if (b instanceof Block.ItemList l) {
      lists.list(l);
    } else if (b instanceof Block.Table t) {
      tables.table(t, DocxTables.TEXT_WIDTH);
    } else if (b instanceof Block.Chart c) {
      charts.chart(c);
    } else if (b instanceof Block.BoundaryDiagram d) {
      tables.boundary(d);
    } else if (b instanceof Block.PageBreak) {
      pageBreak();
    } else if (b instanceof Block.Contents c) {
      contents(c.title());
    }
  }

  private XWPFParagraph paragraph(String style, String text) {
    XWPFParagraph p = doc.createParagraph();
    if (style != null) {
      p.setStyle(style);
    }
    Ooxml.run(p, text);
    return p;
  }

  /** A heading in style Heading1 or Heading2, its label inside a bookmark named after its anchor. */
  private void heading(Block.Heading h) {
    XWPFParagraph p = doc.createParagraph();
    p.setStyle(h.level() <= 1 ? "Heading1" : "Heading2");
    int id = headingIndex++;
    Ooxml.bookmarkStart(p, id, bookmarks.get(id));
    Ooxml.run(p, h.label());
    Ooxml.bookmarkEnd(p, id);
  }

  private void pageBreak() {
    XWPFParagraph p = doc.createParagraph();
    p.setSpacingAfter(0);
    p.createRun().addBreak(BreakType.PAGE);
  }

  /**
   * The contents: a title, then a TOC field whose cached result lists every heading (linked to its
   * bookmark), so that it reads right before Word updates it.
   */
  private void contents(String title) {
    paragraph("TOCHeading", title);
    List<Block.Heading> headings = model.headings();
    if (headings.isEmpty()) {
      XWPFParagraph p = doc.createParagraph();
      p.setStyle("TOC1");
      Ooxml.fieldStart(p, TOC);
      Ooxml.fieldEnd(p);
      return;
    }
    for (int i = 0; i < headings.size(); i++) {
      Block.Heading h = headings.get(i);
      XWPFParagraph p = doc.createParagraph();
      p.setStyle(h.level() <= 1 ? "TOC1" : "TOC2");
      if (i == 0) {
        Ooxml.fieldStart(p, TOC);
      }
      CTHyperlink link = p.getCTP().addNewHyperlink();
      link.setAnchor(bookmarks.get(i));
      link.addNewR().addNewT().setStringValue(Ooxml.clean(h.label()));
      if (i == headings.size() - 1) {
        Ooxml.fieldEnd(p);
      }
    }
  }

  /** The cover: kind, title, organization, the headline figure, the facts, the signatures; then a new page. */
  private void cover() {
    Cover c = model.cover();
    paragraph("Subtitle", c.kind());
    paragraph("Title", c.title());
    if (c.organization() != null && !c.organization().isBlank()) {
      paragraph("CoverText", c.organization());
    }
    XWPFParagraph label = doc.createParagraph();
    label.setSpacingBefore(720);
    label.setSpacingAfter(40);
    label.setKeepNext(true);
    Ooxml.run(label, c.resultLabel(), false, "404040", 24);
    XWPFParagraph result = doc.createParagraph();
    result.setSpacingAfter(480);
    Ooxml.run(result, c.result(), true, Palette.ACCENT, 44);
    if (!c.facts().isEmpty()) {
      List<List<String>> rows = c.facts().stream().map(f -> List.of(f.label(), f.value())).toList();
      tables.table(Block.Table.keyValue("cover-facts", "", rows), DocxTables.TEXT_WIDTH);
    }
    if (c.signatures() != null && !c.signatures().rows().isEmpty()) {
      tables.table(c.signatures(), DocxTables.TEXT_WIDTH);
    }
    if (c.verification() != null) {
      XWPFParagraph qr = doc.createParagraph();
      qr.setSpacingBefore(240);
      try {
        qr.createRun().addPicture(new java.io.ByteArrayInputStream(c.verification().qrPng()),
            org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG, "verify.png",
            org.apache.poi.util.Units.toEMU(72), org.apache.poi.util.Units.toEMU(72));
      } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | java.io.IOException e) {
        throw new IllegalStateException("the QR code is a PNG made here", e);
      }
      XWPFParagraph text = doc.createParagraph();
      Ooxml.run(text, c.verification().label() + " " + c.verification().url(), false, "404040", 18);
    }
    pageBreak();
  }

  /** The styles of {@code styles.xml}, with the document's language. */
  private void styles() throws IOException {
    boolean chinese = model.locale().getLanguage().equals("zh");
    String xml;
    try (InputStream in = DocxRenderer.class.getResourceAsStream(STYLES)) {
      if (in == null) {
        throw new IOException("missing resource " + STYLES);
      }
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    xml = xml.replace("@LANG@", "en-US").replace("@EASTASIA@", chinese ? "zh-CN" : "en-US");
    try {
      doc.createStyles().setStyles(StylesDocument.Factory.parse(xml).getStyles());
    } catch (XmlException e) {
      throw new IllegalStateException("bad " + STYLES, e);
    }
  }

  /** Document properties without clock time: no creation date, Tanji as the creator. */
  private void properties() {
    var core = doc.getProperties().getCoreProperties();
    core.setCreated(Optional.empty());
    core.setModified(Optional.empty());
    core.setCreator("Tanji");
    core.setTitle(Ooxml.clean(model.title()));
  }

  /**
   * Marks the document as made for Word 2013 and later, so Word does not open it in compatibility
   * mode. (The schema class for {@code w:compat} is not in poi-ooxml-lite: written with a cursor.)
   */
  private void compatibility() {
    CTSettings settings = doc.getSettings().getCTSettings();
    try (XmlCursor c = settings.newCursor()) {
      c.toEndToken();
      c.beginElement(new QName(W, "compat", "w"));
      c.beginElement(new QName(W, "compatSetting", "w"));
      c.insertAttributeWithValue(new QName(W, "name", "w"), "compatibilityMode");
      c.insertAttributeWithValue(new QName(W, "uri", "w"), "http://schemas.microsoft.com/office/word");
      c.insertAttributeWithValue(new QName(W, "val", "w"), "15");
    }
  }

  /** A4 portrait, margins of 2.5 cm at top and bottom and 2.2 cm at the sides. */
  private void page() {
    CTBody body = doc.getDocument().getBody();
    CTSectPr sect = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
    CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
    size.setW(BigInteger.valueOf(11906));
    size.setH(BigInteger.valueOf(16838));
    CTPageMar m = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
    m.setTop(BigInteger.valueOf(Ooxml.twips(2.5)));
    m.setBottom(BigInteger.valueOf(Ooxml.twips(2.5)));
    m.setLeft(BigInteger.valueOf(Ooxml.twips(2.2)));
    m.setRight(BigInteger.valueOf(Ooxml.twips(2.2)));
    m.setHeader(BigInteger.valueOf(709));
    m.setFooter(BigInteger.valueOf(709));
    m.setGutter(BigInteger.ZERO);
  }

  /** The footer of every page: the footer text, then "page / pages" at the right margin. */
  private void footer() {
    XWPFFooter f = doc.createFooter(HeaderFooterType.DEFAULT);
    XWPFParagraph p = f.getParagraphs().isEmpty() ? f.createParagraph() : f.getParagraphs().get(0);
    p.setStyle("Footer");
    Ooxml.run(p, model.footer());
    p.createRun().addTab();
    Ooxml.field(p, "PAGE", "1");
    Ooxml.run(p, " / ");
    Ooxml.field(p, "NUMPAGES", "1");
  }

  /** Bookmark names for the headings, unique, in order. */
  private static List<String> bookmarkNames(List<Block.Heading> headings) {
    Set<String> used = new HashSet<>();
    List<String> names = new ArrayList<>();
    for (Block.Heading h : headings) {
      String base = Ooxml.bookmarkName(h.anchor());
      String name = base;
      for (int i = 2; !used.add(name); i++) {
        String suffix = "_" + i;
        name = base.substring(0, Math.min(base.length(), 40 - suffix.length())) + suffix;
      }
      names.add(name);
    }
    return names;
  }
}

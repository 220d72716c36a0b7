package org.tanji.report.model;

import java.util.List;
import java.util.Locale;

/**
 * A report as a document, independent of the file format: the cover, then blocks in reading order.
 * The three renderers (HTML, DOCX, PDF) draw exactly these blocks, so the formats cannot disagree on
 * a figure; the text in it is final (translated, numbers formatted) and is escaped by each renderer.
 *
 * @param locale the language the text is written in
 * @param title the document title (the study's title, or a title made from the product name)
 * @param cover the cover page
 * @param blocks the body, in order; headings mark the sections
 * @param footer the running text at the foot of each page (report number or title)
 */
public record ReportDocument(Locale locale, String title, Cover cover, List<Block> blocks, String footer) {

  public ReportDocument {
    blocks = List.copyOf(blocks);
  }

  /** The language code for HTML's {@code lang} attribute: {@code zh-CN} or {@code en}. */
  public String languageTag() {
    return locale.getLanguage().equals("zh") ? "zh-CN" : "en";
  }

  /** The headings, in order, for a table of contents. */
  public List<Block.Heading> headings() {
    return blocks.stream().filter(b -> b instanceof Block.Heading).map(b -> (Block.Heading) b).toList();
  }
}

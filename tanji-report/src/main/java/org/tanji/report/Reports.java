package org.tanji.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.tanji.core.calc.Result;
import org.tanji.core.model.Study;
import org.tanji.report.build.ReportBuilder;
import org.tanji.report.docx.DocxRenderer;

import org.tanji.report.model.ReportDocument;
import org.tanji.report.render.HtmlRenderer;
import org.tanji.report.render.PdfRenderer;

/** The PCF report of a computed study, in HTML, DOCX or PDF. */
public final class Reports {

  private Reports() {}

  /**
   * The report's content, made from the study and its result in one language.
   *
   * @throws IllegalArgumentException when the result has errors: such a study has no report
   */
  public static ReportDocument build(Study study, Result result, Locale locale) {
    return ReportBuilder.build(study, result, locale);
  }

  /**
   * The report as a server's workflow issues it: reviewed and approved by the people on its cover,
   * with the address where it is verified.
   *
   * @throws IllegalArgumentException when the result has errors
   */
  public static ReportDocument issued(Study study, Result result, Locale locale, String verification) {
    return ReportBuilder.issued(study, result, locale, verification);
  }

  /**
   * The report with a section that puts the footprint beside the CBAM specific embedded emissions
   * of the study's CBAM goods (docs/cbam.md); the same report when the list is empty.
   */
  public static ReportDocument withCbam(ReportDocument doc, java.util.List<org.tanji.core.cbam.PcfBesideCbam> goods) {
    return org.tanji.report.build.CbamSection.append(doc, goods);
  }

  /** The report in a format, made in memory. */
  public static byte[] bytes(ReportDocument doc, ReportFormat format) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1 << 16);
    try {
      write(doc, format, out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("writing to memory", e);
    }
    return out.toByteArray();
  }

  /** Writes the report in a format. The stream is flushed, not closed. */
  public static void write(ReportDocument doc, ReportFormat format, OutputStream out) throws IOException {
    switch (format) {
      case HTML -> HtmlRenderer.write(doc, out);
      case DOCX -> DocxRenderer.write(doc, out);
      case PDF -> PdfRenderer.write(doc, out);
      default -> throw new IllegalStateException(format.name());
    }
    out.flush();
  }
}

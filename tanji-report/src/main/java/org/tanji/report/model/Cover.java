package org.tanji.report.model;

import java.util.Base64;
import java.util.List;

/**
 * The cover page.
 *
 * @param kind what the document is ("产品碳足迹报告" / "Product carbon footprint report")
 * @param title the study's title or the product's name
 * @param organization the organization's name, or null
 * @param resultLabel the label of the headline figure ("Carbon footprint per declared unit")
 * @param result the headline figure with its unit ("2,821.88 kgCO₂e / t")
 * @param facts label and value pairs: product, declared unit, report number, date …
 * @param signatures the preparer, technical reviewer and approver (role, name, date, blank for the
 *     signature); an empty table when the study names none
 * @param verification where an issued report is verified, with its QR code; null for a report made
 *     outside a server's workflow
 */
public record Cover(
    String kind,
    String title,
    String organization,
    String resultLabel,
    String result,
    List<Field> facts,
    Block.Table signatures,
    Verification verification) {

  public Cover {
    facts = List.copyOf(facts);
  }

  /** A cover without a verification address. */
  public Cover(String kind, String title, String organization, String resultLabel, String result, List<Field> facts,
      Block.Table signatures) {
    this(kind, title, organization, resultLabel, result, facts, signatures, null);
  }

  /** One label and its value. */
  public record Field(String label, String value) {}

  /**
   * Where an issued report is verified.
   *
   * @param label the words before the address ("Verify this report at")
   * @param url the verification address
   * @param qrPng the address as a QR code, a PNG image
   */
  public record Verification(String label, String url, byte[] qrPng) {

    /** The QR code for an HTML {@code data:} address. */
    public String qrBase64() {
      return Base64.getEncoder().encodeToString(qrPng);
    }
  }
}

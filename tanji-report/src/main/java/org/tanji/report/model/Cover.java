package org.tanji.report.model;

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
 */
public record Cover(
    String kind,
    String title,
    String organization,
    String resultLabel,
    String result,
    List<Field> facts,
    Block.Table signatures) {

  public Cover {
    facts = List.copyOf(facts);
  }

  /** One label and its value. */
  public record Field(String label, String value) {}
}

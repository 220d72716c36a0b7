package org.tanji.io;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys of the study format, block by block: the one list the reader checks files against, and
 * that every other part of Tanji naming a key (the web editor's form, say) takes its keys from.
 */
public final class StudyKeys {

  private StudyKeys() {}

  public static final List<String> TOP = List.of("tanji", "study", "organization", "product", "factors",
      "inventory", "coproducts", "allocation", "cutoff", "claimed", "evidence", "report", "uncertainty", "biogenic",
      "avoided", "offsets");

  public static final List<String> BIOGENIC = List.of("emissions", "removals", "carbonContent");

  public static final List<String> CREDIT = List.of("name", "amount");

  public static final List<String> STUDY = List.of("title", "language", "standards", "boundary", "period", "gwp",
      "exchangeRates");

  public static final List<String> PERIOD = List.of("start", "end");

  public static final List<String> ORGANIZATION = List.of("name", "address", "creditCode",
      "legalRepresentative", "industry", "contact", "phone", "email");

  public static final List<String> PRODUCT = List.of("name", "declaredUnit", "output", "massPerUnit", "price",
      "description", "cnCode", "geography", "fossilCarbonContent");

  public static final List<String> FACTOR = List.of("name", "value", "source", "type", "year", "region",
      "boundary", "note", "publication", "uncertainty");

  public static final List<String> LINE = List.of("name", "stage", "amount", "factor", "mass", "distance",
      "emissions", "excluded", "quality", "dedicated", "claimed", "claimedShare", "source", "note", "uncertainty");

  public static final List<String> QUALITY = List.of("activity", "calibration", "factor");

  public static final List<String> COPRODUCT = List.of("name", "output", "price", "declaredUnit", "massPerUnit");

  public static final List<String> EVIDENCE = List.of("title", "reference", "note");

  public static final List<String> REPORT = List.of("number", "date", "assessor", "preparedBy", "reviewedBy",
      "approvedBy");

  public static final List<String> SIGNATURE = List.of("name", "date");

  public static final List<String> CUTOFF = List.of("massShare");

  public static final List<String> CLAIMED = List.of("total", "perUnit", "dataQuality", "stages", "shares");

  public static final List<String> DISTRIBUTION = List.of("gsd", "sd", "cv", "min", "mode", "max", "pedigree",
      "basic");

  public static final List<String> TRANSPORT_UNCERTAINTY = List.of("mass", "distance");

  public static final List<String> STUDY_UNCERTAINTY = List.of("fromQuality");

  /**
   * Every key path of the format as the form and findings write it: {@code study.title},
   * {@code study.period.start}, {@code inventory[].quality.activity}, {@code factors.*.value}.
   */
  public static final Set<String> PATHS = paths();

  /**
   * A key path of the format, checked.
   *
   * @throws IllegalArgumentException when the format has no such key (a typo in code that names one)
   */
  public static String require(String path) {
    if (!PATHS.contains(path)) {
      throw new IllegalArgumentException("the study format has no key " + path);
    }
    return path;
  }

  private static Set<String> paths() {
    Set<String> out = new LinkedHashSet<>();
    TOP.forEach(out::add);
    STUDY.forEach(k -> out.add("study." + k));
    PERIOD.forEach(k -> out.add("study.period." + k));
    ORGANIZATION.forEach(k -> out.add("organization." + k));
    PRODUCT.forEach(k -> out.add("product." + k));
    CLAIMED.forEach(k -> out.add("claimed." + k));
    CUTOFF.forEach(k -> out.add("cutoff." + k));
    BIOGENIC.forEach(k -> out.add("biogenic." + k));
    FACTOR.forEach(k -> out.add("factors.*." + k));
    LINE.forEach(k -> out.add("inventory[]." + k));
    QUALITY.forEach(k -> out.add("inventory[].quality." + k));
    COPRODUCT.forEach(k -> out.add("coproducts[]." + k));
    EVIDENCE.forEach(k -> out.add("evidence[]." + k));
    REPORT.forEach(k -> out.add("report." + k));
    return Set.copyOf(out);
  }
}

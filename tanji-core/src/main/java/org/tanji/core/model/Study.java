package org.tanji.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One product carbon footprint study: an immutable value, as read from a study file.
 *
 * <p>Reading never computes and computing never reads: the calculator takes a {@code Study} and
 * returns a {@code Result}. A study read from a file with mistakes is still a {@code Study}, with
 * the unreadable parts left null; the reader's findings say what they were.
 */
public record Study(
    StudyInfo info,
    Organization organization,
    Product product,
    Map<String, Factor> factors,
    List<InventoryLine> inventory,
    List<Coproduct> coproducts,
    Allocation allocation,
    double cutoffMassShare,
    Claims claims,
    List<Evidence> evidence,
    ReportInfo report,
    SourceMap source,
    boolean uncertaintyFromQuality,
    Beside beside) {

  /** A study without the study-level uncertainty setting that reports nothing beside its footprint. */
  public Study(StudyInfo info, Organization organization, Product product, Map<String, Factor> factors,
      List<InventoryLine> inventory, List<Coproduct> coproducts, Allocation allocation, double cutoffMassShare,
      Claims claims, List<Evidence> evidence, ReportInfo report, SourceMap source) {
    this(info, organization, product, factors, inventory, coproducts, allocation, cutoffMassShare, claims, evidence,
        report, source, false, Beside.none());
  }

  /** A study that reports nothing beside its footprint. */
  public Study(StudyInfo info, Organization organization, Product product, Map<String, Factor> factors,
      List<InventoryLine> inventory, List<Coproduct> coproducts, Allocation allocation, double cutoffMassShare,
      Claims claims, List<Evidence> evidence, ReportInfo report, SourceMap source, boolean uncertaintyFromQuality) {
    this(info, organization, product, factors, inventory, coproducts, allocation, cutoffMassShare, claims, evidence,
        report, source, uncertaintyFromQuality, Beside.none());
  }

  /** A study without the study-level uncertainty setting. */
  public Study(StudyInfo info, Organization organization, Product product, Map<String, Factor> factors,
      List<InventoryLine> inventory, List<Coproduct> coproducts, Allocation allocation, double cutoffMassShare,
      Claims claims, List<Evidence> evidence, ReportInfo report, SourceMap source, Beside beside) {
    this(info, organization, product, factors, inventory, coproducts, allocation, cutoffMassShare, claims, evidence,
        report, source, false, beside);
  }

  /** The same study with its positions looked up elsewhere (a workbook names cells, not lines). */
  public Study withSource(SourceMap other) {
    return new Study(info, organization, product, factors, inventory, coproducts, allocation, cutoffMassShare, claims,
        evidence, report, other, uncertaintyFromQuality, beside);
  }

  /**
   * True when any line or factor gives a distribution, or the study asks for distributions from
   * its quality levels ({@code uncertainty: {fromQuality: true}}).
   */
  public boolean hasUncertainty() {
    return uncertaintyFromQuality
        || inventory.stream().anyMatch(l -> l.uncertainty() != null)
        || factors.values().stream().anyMatch(f -> f.uncertainty() != null);
  }

  /** The same study with other report details (the server fills in who reviewed and approved it). */
  public Study withReport(ReportInfo other) {
    return new Study(info, organization, product, factors, inventory, coproducts, allocation, cutoffMassShare, claims,
        evidence, other, source, uncertaintyFromQuality, beside);
  }

  /** The cut-off mass share when the study does not set one (0.5 %). */
  public static final double DEFAULT_CUTOFF = 0.005;

  public Study {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(product, "product");
    factors = Collections.unmodifiableMap(new LinkedHashMap<>(factors));
    inventory = List.copyOf(inventory);
    coproducts = List.copyOf(coproducts);
    Objects.requireNonNull(claims, "claims");
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(beside, "beside");
  }
}

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
    Beside beside) {

  /** A study that reports nothing beside its footprint. */
  public Study(StudyInfo info, Organization organization, Product product, Map<String, Factor> factors,
      List<InventoryLine> inventory, List<Coproduct> coproducts, Allocation allocation, double cutoffMassShare,
      Claims claims, List<Evidence> evidence, ReportInfo report, SourceMap source) {
    this(info, organization, product, factors, inventory, coproducts, allocation, cutoffMassShare, claims, evidence,
        report, source, Beside.none());
  }

  /** The same study with its positions looked up elsewhere (a workbook names cells, not lines). */
  public Study withSource(SourceMap other) {
    return new Study(info, organization, product, factors, inventory, coproducts, allocation, cutoffMassShare, claims,
        evidence, report, other, beside);
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

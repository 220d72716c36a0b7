package org.tanji.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Where a supplier-type factor came from: a supplier's product footprint exchanged as a PACT
 * ProductFootprint. Kept beside the factor so that the result and the report can name the
 * footprint, its owner and its validity, and so that a study using it can be checked against
 * its period.
 *
 * @param footprintId the ProductFootprint's {@code id} (a UUID); PACT v3 gives every change a new
 *     id, so the id is also its version
 * @param precedingIds the ids of earlier versions ({@code precedingPfIds}), possibly empty
 * @param specVersion the PACT specification version the footprint declares ({@code 3.0.1} …)
 * @param status {@code Active} or {@code Deprecated}
 * @param companyName the data owner
 * @param companyIds the data owner's URNs, at least one
 * @param productName the product's trade name ({@code productNameCompany})
 * @param productIds the product's URNs, at least one
 * @param created when the footprint was made
 * @param validFrom start of the validity period
 * @param validUntil end of the validity period
 * @param validityDeclared false when the footprint gives no validity period and it was taken, as
 *     the specification says, as the three years after the reference period
 * @param declaredUnit the declared unit as written: amount and PACT unit name ({@code 12.5 liter})
 * @param pcfExcludingBiogenicUptake the footprint per declared unit without biogenic uptake, kgCO₂e, as written
 * @param pcfIncludingBiogenicUptake the footprint per declared unit with biogenic uptake, kgCO₂e, as written
 */
public record SupplierFootprint(
    String footprintId,
    List<String> precedingIds,
    String specVersion,
    String status,
    String companyName,
    List<String> companyIds,
    String productName,
    List<String> productIds,
    Instant created,
    Instant validFrom,
    Instant validUntil,
    boolean validityDeclared,
    String declaredUnit,
    String pcfExcludingBiogenicUptake,
    String pcfIncludingBiogenicUptake) {

  /** The status PACT gives a footprint that has been replaced and should no longer be used. */
  public static final String DEPRECATED = "Deprecated";

  public SupplierFootprint {
    Objects.requireNonNull(footprintId, "footprintId");
    Objects.requireNonNull(specVersion, "specVersion");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(companyName, "companyName");
    Objects.requireNonNull(productName, "productName");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validUntil, "validUntil");
    Objects.requireNonNull(declaredUnit, "declaredUnit");
    Objects.requireNonNull(pcfExcludingBiogenicUptake, "pcfExcludingBiogenicUptake");
    Objects.requireNonNull(pcfIncludingBiogenicUptake, "pcfIncludingBiogenicUptake");
    precedingIds = List.copyOf(precedingIds);
    companyIds = List.copyOf(companyIds);
    productIds = List.copyOf(productIds);
    if (companyIds.isEmpty() || productIds.isEmpty()) {
      throw new IllegalArgumentException("a footprint names at least one company id and one product id");
    }
    if (validUntil.isBefore(validFrom)) {
      throw new IllegalArgumentException("validity ends before it starts: " + validFrom + " to " + validUntil);
    }
  }

  public boolean deprecated() {
    return DEPRECATED.equals(status);
  }

  /**
   * Whether the validity period and a study's period share at least one day: a footprint valid
   * only before or only after the period the study describes was not meant for it.
   */
  public boolean overlaps(Period period) {
    Instant start = period.start().atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = period.end().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return validFrom.isBefore(end) && validUntil.isAfter(start); // validUntil itself is outside (PACT)
  }

  /** First day of validity (UTC), for display. */
  public LocalDate validFromDate() {
    return LocalDate.ofInstant(validFrom, ZoneOffset.UTC);
  }

  /** Last day of validity (UTC), for display: the day before {@code validUntil}'s when it is midnight, PACT's end being excluded. */
  public LocalDate validUntilDate() {
    return LocalDate.ofInstant(validUntil.minusNanos(1), ZoneOffset.UTC);
  }
}

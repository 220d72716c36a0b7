package org.tanji.core.model;

import java.util.Optional;
import org.tanji.core.units.Quantity;

/**
 * An emission factor with its provenance.
 *
 * <p>Today a factor is a number from a database, a measurement or the built-in library. A
 * supplier's footprint or the result of another study are factors too (type {@code supplier}); the
 * origin of such a value is meant to be added here as a further component, not as a new kind of
 * inventory line.
 *
 * @param id the key under {@code factors:}, or the library id a line refers to
 * @param name display name, or null
 * @param value the factor, in CO₂e per unit of activity; null when the file's value was unreadable
 * @param source where the value comes from (database, document), or null
 * @param type its class for data quality, or null
 * @param year the year of the data, or null
 * @param region the geography it represents, or null
 * @param boundary its own system boundary (cradle-to-gate …), or null
 * @param note free text, or null
 * @param publication the publication the value appeared in (a date or a document number), or null
 * @param libraryId the id in the factor library when the factor came from there, or null when the
 *     study defines it
 * @param uncertainty the distribution of the value, or null when the study gives none
 * @param supplier the supplier's footprint the value was taken from (type {@code supplier}), or null
 */
public record Factor(
    String id,
    String name,
    Quantity value,
    String source,
    FactorType type,
    Integer year,
    String region,
    String boundary,
    String note,
    String publication,
    String libraryId,
    Uncertainty uncertainty,
    SupplierFootprint supplier) {

  /** A factor without an uncertainty of its own (as the factor library gives them). */
  public Factor(String id, String name, Quantity value, String source, FactorType type, Integer year, String region,
      String boundary, String note, String publication, String libraryId) {
    this(id, name, value, source, type, year, region, boundary, note, publication, libraryId, null, null);
  }

  /** The same factor with a distribution for its value. */
  public Factor withUncertainty(Uncertainty u) {
    return new Factor(id, name, value, source, type, year, region, boundary, note, publication, libraryId, u, supplier);
  }

  /** The same factor under another id (library and study key alike), as a user names an imported footprint. */
  public Factor withId(String newId) {
    return new Factor(newId, name, value, source, type, year, region, boundary, note, publication,
        libraryId == null ? null : newId, uncertainty, supplier);
  }

  /** The supplier's footprint the value comes from, when it is one. */
  public Optional<SupplierFootprint> footprint() {
    return Optional.ofNullable(supplier);
  }

  /** The distribution of the value, when the study gives one. */
  public Optional<Uncertainty> spread() {
    return Optional.ofNullable(uncertainty);
  }

  /** A factor the study defines itself. */
  public static Factor local(String id, String name, Quantity value, String source, FactorType type, Integer year,
      String region, String boundary, String note, String publication) {
    return new Factor(id, name, value, source, type, year, region, boundary, note, publication, null);
  }

  /** The library id, when the factor came from the factor library. */
  public Optional<String> library() {
    return Optional.ofNullable(libraryId);
  }
}

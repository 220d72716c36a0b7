package org.tanji.core.model;

import org.tanji.core.units.Quantity;

/**
 * An emission factor with its provenance.
 *
 * <p>Today a factor is a number from a database or a measurement. A supplier's footprint or the
 * result of another study are factors too (type {@code supplier}); the origin of such a value is
 * meant to be added here as a further component, not as a new kind of inventory line.
 *
 * @param id the key under {@code factors:} (or, later, a library id)
 * @param name display name, or null
 * @param value the factor, in CO₂e per unit of activity
 * @param source where the value comes from, or null
 * @param type its class for data quality, or null
 * @param year the year of the data, or null
 * @param region the geography it represents, or null
 * @param boundary its own system boundary (cradle-to-gate …), or null
 * @param note free text, or null
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
    String note) {}

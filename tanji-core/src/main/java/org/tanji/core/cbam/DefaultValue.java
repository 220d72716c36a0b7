package org.tanji.core.cbam;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The EU's default value of embedded emissions for a good's CN code and country of origin, as
 * published by the Commission for the definitive period, before the year's mark-up. Tanji does not
 * bundle the table: the user copies the figure and names where it comes from.
 *
 * @param direct default specific direct embedded emissions (t CO₂e per t of good)
 * @param indirect default specific indirect embedded emissions (t CO₂e/t), when given; counted only
 *     for the goods whose indirect emissions CBAM charges (cement, fertilisers)
 * @param source the publication and table line, as the user names it
 * @param where the key path of the value in its file
 */
public record DefaultValue(double direct, OptionalDouble indirect, String source, String where) {

  public DefaultValue {
    if (!(direct >= 0 && Double.isFinite(direct))) {
      throw new IllegalArgumentException("a default value must be a finite figure of at least zero: " + direct);
    }
    Objects.requireNonNull(indirect, "indirect");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(where, "where");
  }
}

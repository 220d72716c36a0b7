package org.tanji.server.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A factor of an organization's own library: a supplier's PACT footprint, stored as the JSON of
 * that one footprint under the factor id studies name.
 *
 * @param id the factor id ({@code pact-<footprint id>})
 * @param footprintId the footprint's own id
 * @param companyName the supplier
 * @param footprint the footprint's JSON
 * @param importedBy who imported it
 * @param importedAt when
 */
public record OrgFactor(String id, String footprintId, String companyName, byte[] footprint, String importedBy,
    Instant importedAt) {
  public OrgFactor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(footprintId, "footprintId");
    Objects.requireNonNull(companyName, "companyName");
    footprint = footprint.clone();
    Objects.requireNonNull(importedAt, "importedAt");
  }

  @Override
  public byte[] footprint() {
    return footprint.clone();
  }
}

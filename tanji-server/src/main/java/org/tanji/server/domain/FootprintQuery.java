package org.tanji.server.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The filters of PACT's ListFootprints (and of a RequestCreatedEvent): within one criterion any value
 * matches, across criteria all must. Values are compared without case, so they are kept lower case.
 *
 * @param after the list continues after the footprint of this sequence number (0: from the start)
 * @param limit at most this many footprints
 */
public record FootprintQuery(Set<String> productIds, Set<String> companyIds, Set<String> geographies,
    Set<String> classifications, Optional<Instant> validOn, Optional<Instant> validAfter,
    Optional<Instant> validBefore, Optional<String> status, long after, int limit) {

  public FootprintQuery {
    productIds = lower(productIds);
    companyIds = lower(companyIds);
    geographies = lower(geographies);
    classifications = lower(classifications);
    Objects.requireNonNull(validOn, "validOn");
    Objects.requireNonNull(validAfter, "validAfter");
    Objects.requireNonNull(validBefore, "validBefore");
    Objects.requireNonNull(status, "status");
    if (limit < 1) {
      throw new IllegalArgumentException("a page holds at least one footprint, not " + limit);
    }
    if (after < 0) {
      throw new IllegalArgumentException("a cursor is not negative: " + after);
    }
  }

  /** Every footprint, from the start. */
  public static FootprintQuery all(int limit) {
    return new FootprintQuery(Set.of(), Set.of(), Set.of(), Set.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), 0, limit);
  }

  private static Set<String> lower(Set<String> values) {
    return values.stream().map(v -> v.toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors
        .toUnmodifiableSet());
  }
}

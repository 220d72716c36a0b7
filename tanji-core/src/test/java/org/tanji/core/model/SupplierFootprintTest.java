package org.tanji.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SupplierFootprintTest {

  /** Valid from 2024-12-31 to 2027-12-31T00:00Z, that instant excluded (PACT): the last day is 2027-12-30. */
  private static final SupplierFootprint FP = new SupplierFootprint("8b26f3b8-f5d9-4adf-8a11-02e05d273e58", List.of(),
      "3.0.0", "Active", "Company 3", List.of("urn:company:3"), "Plate", List.of("urn:product:plate"),
      Instant.parse("2024-12-31T00:00:00Z"), Instant.parse("2024-12-31T00:00:00Z"),
      Instant.parse("2027-12-31T00:00:00Z"), true, "1 piece", "77", "77");

  @Test
  void validUntilDate_theDayBeforeTheExcludedEnd() {
    assertThat(FP.validFromDate()).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(FP.validUntilDate()).isEqualTo(LocalDate.of(2027, 12, 30));
  }

  @Test
  void overlaps_theEndInstantIsOutside() {
    assertThat(FP.overlaps(new Period(LocalDate.of(2027, 12, 30), LocalDate.of(2028, 6, 30)))).isTrue();
    assertThat(FP.overlaps(new Period(LocalDate.of(2027, 12, 31), LocalDate.of(2028, 6, 30)))).isFalse();
    assertThat(FP.overlaps(new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)))).isTrue();
    assertThat(FP.overlaps(new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 30)))).isFalse();
  }
}

package org.tanji.io.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class PactValidityTest {

  private static final Instant REF_END = Instant.parse("2024-02-29T00:00:00Z");

  @Test
  void of_bothBounds_keptAndDeclared() {
    PactValidity v = PactValidity.of(Optional.of(Instant.parse("2024-03-01T00:00:00Z")),
        Optional.of(Instant.parse("2025-03-01T00:00:00Z")), REF_END);
    assertThat(v.from()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
    assertThat(v.until()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
    assertThat(v.declared()).isTrue();
    assertThat(v.reversed()).isFalse();
  }

  @Test
  void of_none_referencePeriodEndPlusThreeYears() {
    PactValidity v = PactValidity.of(Optional.empty(), Optional.empty(), REF_END);
    assertThat(v.from()).isEqualTo(REF_END);
    assertThat(v.until()).isEqualTo(Instant.parse("2027-02-28T00:00:00Z")); // 2027 has no 29 February
    assertThat(v.declared()).isFalse();
  }

  @Test
  void of_endOnly_startAtReferencePeriodEnd() {
    PactValidity v = PactValidity.of(Optional.empty(), Optional.of(Instant.parse("2024-01-01T00:00:00Z")), REF_END);
    assertThat(v.from()).isEqualTo(REF_END);
    assertThat(v.declared()).isFalse();
    assertThat(v.reversed()).isTrue(); // ends before the reference period does
  }

  @Test
  void of_referencePeriodAtTheEndOfTime_refused() {
    assertThatThrownBy(() -> PactValidity.of(Optional.empty(), Optional.empty(), Instant.MAX))
        .isInstanceOf(DateTimeException.class);
  }
}

package org.tanji.io.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tanji.core.model.Period;

final class PactQualityTest {

  @ParameterizedTest
  @CsvSource({"6, 1.0", "5, 1.8", "4, 2.6", "3, 3.4", "2, 4.2", "1, 5.0"})
  void representativeness_evenlyFromSixPointsToOne(int points, double dqr) {
    assertThat(PactQuality.representativeness(points)).isCloseTo(dqr, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void representativeness_pointsOutOfRange() {
    assertThatThrownBy(() -> PactQuality.representativeness(7)).hasMessageContaining("from 1 to 6");
  }

  @Test
  void temporal_yearsAwayFromThePeriod() {
    Period p = new Period(LocalDate.of(2023, 7, 1), LocalDate.of(2024, 6, 30));
    assertThat(PactQuality.temporal(2023, p)).isEqualTo(1);
    assertThat(PactQuality.temporal(2024, p)).isEqualTo(1);
    assertThat(PactQuality.temporal(2022, p)).isEqualTo(2);
    assertThat(PactQuality.temporal(2026, p)).isEqualTo(3);
    assertThat(PactQuality.temporal(2010, p)).isEqualTo(5);
    assertThat(PactQuality.temporal(null, p)).isEqualTo(5);
  }
}

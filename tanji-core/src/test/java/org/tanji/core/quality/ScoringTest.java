package org.tanji.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class ScoringTest {

  @ParameterizedTest
  @CsvSource({"6,1", "5.0,1", "4.99,2", "4.0,2", "3.99,3", "3.0,3", "2.99,4", "2.0,4", "1.99,5", "1,5"})
  void grade_boundaries(double score, int grade) {
    assertThat(Scoring.grade(score)).isEqualTo(grade);
  }

  @Test
  void points_roundSteelAsPublished() {
    // seed 003 printed 4 for (6 + 1 + 6) / 3; it is 4.33
    assertThat(new Points(6, 1, 6).score()).isCloseTo(4.3333, within(1e-4));
  }

  @Test
  void weighted_seed003Corrected() {
    // lines: steel (6,2,6), transport (1,2,1), electricity (3,3,6), bags (1,2,1), weighted by kgCO2e
    double[] scores = {14 / 3.0, 4 / 3.0, 4.0, 4 / 3.0};
    double[] emissions = {107375254.8, 3283375.56, 12170133.315, 164103.8};
    DataQuality q = Scoring.weighted(scores, emissions).orElseThrow();
    assertThat(q.score()).isCloseTo(4.5073, within(1e-4));
    assertThat(q.grade()).isEqualTo(2);
  }

  @Test
  void weighted_creditLinesWeighByMagnitude() {
    // 220 at score 6 and a credit of −150 at score 1: (6 × 220 + 1 × 150) / 370 = 3.97 (grade 3)
    DataQuality q = Scoring.weighted(new double[] {6, 1}, new double[] {220, -150}).orElseThrow();
    assertThat(q.score()).isCloseTo(1470.0 / 370.0, within(1e-12));
    assertThat(q.grade()).isEqualTo(3);
  }

  @Test
  void weighted_nothingCarriesEmissions_isEmpty() {
    assertThat(Scoring.weighted(new double[] {3}, new double[] {0})).isEmpty();
  }

  @Test
  void weights_byMagnitude() {
    // 220 and a credit of −150: 220 / 370 and 150 / 370
    assertThat(Scoring.weights(new double[] {220, -150})).containsExactly(220 / 370.0, 150 / 370.0);
  }

  @Test
  void weights_nothingCarriesEmissions_allZero() {
    assertThat(Scoring.weights(new double[] {0, 0})).containsExactly(0, 0);
  }

  @Test
  void weighted_scoresAndEmissionsDiffer() {
    assertThatThrownBy(() -> Scoring.weighted(new double[] {3}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 scores for 2 lines");
  }
}

package org.tanji.core.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tanji.core.model.Uncertainty.PedigreeScores;

/** The pedigree matrix, summed by hand from the table. */
final class PedigreeTest {

  @Test
  void variance_scores23123() {
    // basic 0.0006 + reliability(2) 0.0006 + completeness(3) 0.0006 + temporal(1) 0
    // + geographical(2) 0.000025 + technological(3) 0.008 = 0.009825
    PedigreeScores s = new PedigreeScores(2, 3, 1, 2, 3);
    assertThat(Pedigree.variance(s, 0.0006)).isCloseTo(0.009825, within(1e-15));
    assertThat(Pedigree.gsd(s, 0.0006)).isCloseTo(1.1042000520521966, within(1e-12)); // exp(√0.009825)
  }

  @Test
  void variance_worstScores() {
    // 0.04 + 0.008 + 0.04 + 0.002 + 0.12 = 0.21, plus transport's basic 0.12
    assertThat(Pedigree.variance(new PedigreeScores(5, 5, 5, 5, 5), Pedigree.BASIC_TRANSPORT))
        .isCloseTo(0.33, within(1e-15));
  }

  @Test
  void variance_bestScoresIsTheBasic() {
    assertThat(Pedigree.variance(new PedigreeScores(1, 1, 1, 1, 1), 0.0006)).isEqualTo(0.0006);
  }
}

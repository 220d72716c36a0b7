package org.tanji.core.present;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class EmissionUnitTest {

  @ParameterizedTest
  @CsvSource({"0, KG", "460, KG", "9999.99, KG", "10000, TONNE", "-10000, TONNE", "122992867.475, TONNE"})
  void forTotal_tonnesFromTenTonnes(double totalKg, EmissionUnit expected) {
    assertThat(EmissionUnit.forTotal(totalKg)).isEqualTo(expected);
  }

  @Test
  void of_convertsFromKg() {
    assertThat(EmissionUnit.TONNE.of(107375254.8)).isCloseTo(107375.2548, within(1e-9));
    assertThat(EmissionUnit.KG.of(460)).isEqualTo(460);
    assertThat(EmissionUnit.TONNE.symbol()).isEqualTo("tCO₂e");
  }
}

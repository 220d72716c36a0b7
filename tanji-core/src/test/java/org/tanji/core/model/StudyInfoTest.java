package org.tanji.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tanji.core.units.ExchangeRate;

final class StudyInfoTest {

  private static StudyInfo withRates(ExchangeRate... rates) {
    return new StudyInfo("t", "en", List.of(), null, null, null, List.of(), Map.of(), List.of(rates));
  }

  @Test
  void exchangeRates_onePerPairOfCurrencies() {
    assertThat(withRates(ExchangeRate.of("USD", "7.10 CNY"), ExchangeRate.of("EUR", "7.80 CNY")).exchangeRates())
        .hasSize(2);
    // a second rate for USD–CNY, the other way round: it could only repeat or contradict the first
    assertThatThrownBy(() -> withRates(ExchangeRate.of("USD", "7.10 CNY"), ExchangeRate.of("CNY", "0.2 USD")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CNY: 0.2 USD");
  }

  @Test
  void exchangeRates_noneByDefault() {
    assertThat(StudyInfo.empty().exchangeRates()).isEmpty();
  }
}

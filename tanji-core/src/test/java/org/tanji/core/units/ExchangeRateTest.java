package org.tanji.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class ExchangeRateTest {

  private static final ExchangeRate USD = ExchangeRate.of("USD", "7.10 CNY");
  private static final ExchangeRate EUR = ExchangeRate.of("EUR", "7.80 CNY");

  @Test
  void multiplier_theRateOneWay_itsInverseTheOther() {
    assertThat(USD.multiplier(Dimension.USD)).isCloseTo(7.10, within(1e-12));
    assertThat(USD.multiplier(Dimension.CNY)).isCloseTo(1 / 7.10, within(1e-12));
    assertThatThrownBy(() -> USD.multiplier(Dimension.EUR)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void multiplier_withMultiples() {
    // 1 USD = 0.00071 万元 = 7.10 CNY; 1 万元 = 1408 USD makes 1 CNY = 0.1408 USD
    assertThat(ExchangeRate.of("USD", "0.00071 万元").multiplier(Dimension.USD)).isCloseTo(7.10, within(1e-12));
    assertThat(ExchangeRate.of("万元", "1408 USD").multiplier(Dimension.CNY)).isCloseTo(0.1408, within(1e-12));
  }

  @Test
  void forLine_onlyWhenCurrenciesMeet() {
    List<ExchangeRate> rates = List.of(USD, EUR);
    Quantity perCny = Units.parseQuantity("0.5 kgCO2e/CNY");
    assertThat(ExchangeRate.forLine(rates, Units.parseQuantity("1000 USD"), perCny)).contains(USD);
    assertThat(ExchangeRate.forLine(rates, Units.parseQuantity("500 EUR"), perCny)).contains(EUR);
    assertThat(ExchangeRate.forLine(rates, Units.parseQuantity("7100 CNY"), Units.parseQuantity("0.2 kgCO2e/USD")))
        .contains(USD);
    // no rate is needed, none links EUR and USD, a rate never turns a mass into money
    assertThat(ExchangeRate.forLine(rates, Units.parseQuantity("1 万元"), perCny)).isEmpty();
    assertThat(ExchangeRate.forLine(rates, Units.parseQuantity("500 EUR"), Units.parseQuantity("0.2 kgCO2e/USD")))
        .isEmpty();
    assertThat(ExchangeRate.forLine(rates, Units.parseQuantity("10 t"), perCny)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      kg  | 7.10 CNY
      USD | 7.10 kg
      USD | 0 CNY
      USD | -7.10 CNY
      USD | 7.10 US$
      """)
  void of_notARateBetweenTwoCurrencies(String currency, String rate) {
    assertThatThrownBy(() -> ExchangeRate.of(currency, rate)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_asTheStudyWritesIt() {
    assertThat(USD).hasToString("USD: 7.10 CNY");
  }
}

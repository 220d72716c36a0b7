package org.tanji.core.present;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class FigureTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0.00046 | 0.00046 | 0.00046",
      "2821.882269636162 | 2821.88 | 2,821.88",
      "107375.2548 | 107375.25 | 107,375.25",
      "0.0978 | 0.0978 | 0.0978",
      "0 | 0.00 | 0.00"})
  void of_readableAndGrouped(double value, String text, String grouped) {
    Figure f = Figure.of(value);
    assertThat(f.text()).isEqualTo(text);
    assertThat(f.grouped()).isEqualTo(grouped);
  }
}

package org.tanji.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class CustomsCodeTest {

  @ParameterizedTest
  @ValueSource(strings = {"7326 11 00", "7326.11.00", "73261100", " 7326 1100 ",
      // a Chinese input method's full-width digits, ideographic spaces and dots; a no-break space from Excel
      "７３２６１１００", "７３２６　１１　００", "７３２６．１１．００", "7326\u00a011\u00a000"})
  void parse_cnCodeAsTyped(String typed) {
    CustomsCode code = CustomsCode.parse(typed).orElseThrow();
    assertThat(code.digits()).isEqualTo("73261100");
    assertThat(code.isCn()).isTrue();
    assertThat(code.hs()).isEqualTo("732611");
    assertThat(code.printed()).isEqualTo("7326 11 00");
  }

  @Test
  void parse_hsHeading() {
    CustomsCode code = CustomsCode.parse("7326 11").orElseThrow();
    assertThat(code.isCn()).isFalse();
    assertThat(code.hs()).isEqualTo("732611");
    assertThat(code.printed()).isEqualTo("7326 11");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "7326", "7326 11 0", "732611000", "7326 11 00 10", "7326-11-00", "73261l00", "钢球", "７３２６－１１－００"})
  void parse_notSixOrEightDigits(String typed) {
    assertThat(CustomsCode.parse(typed)).isEmpty();
  }

  @Test
  void construct_withSeparators() {
    assertThatThrownBy(() -> new CustomsCode("7326 11 00")).hasMessageContaining("6 (HS) or 8 (CN) digits");
  }
}

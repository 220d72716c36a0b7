package org.tanji.core.cbam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class GoodTest {

  @Test
  void cnDigits_withoutTheSeparatorsItWasWrittenWith() {
    assertThat(new Good("7326 11 00", "balls", "p", Map.of(), null, "goods[0]").cnDigits()).isEqualTo("73261100");
    assertThat(new Good("７３２６．１１．００", "balls", "p", Map.of(), null, "goods[0]").cnDigits())
        .isEqualTo("73261100");
  }

  @ParameterizedTest
  @ValueSource(strings = {"7326 11", "7326-11-00", "balls"})
  void construct_notACnCode(String cn) {
    assertThatThrownBy(() -> new Good(cn, "balls", "p", Map.of(), null, "goods[0]"))
        .hasMessageContaining("a good's CN code has 8 digits, not " + cn);
  }
}

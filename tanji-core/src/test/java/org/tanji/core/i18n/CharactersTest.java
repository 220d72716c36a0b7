package org.tanji.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class CharactersTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      ７３２６　１１　００ | 7326 11 00
      １２．５ｋｇ         | 12.5kg
      "12\u00a0t"          | 12 t
      "12\u2003t"          | 12 t
      钢球 12 t            | 钢球 12 t
      plain                | plain
      """)
  void halfWidth_typedForms(String typed, String plain) {
    assertThat(Characters.halfWidth(typed)).isEqualTo(plain);
  }
}

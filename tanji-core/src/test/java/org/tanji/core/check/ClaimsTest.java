package org.tanji.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tanji.core.i18n.Messages;
import org.tanji.core.i18n.Text;

final class ClaimsTest {

  @ParameterizedTest
  @CsvSource({"2746.55,2", "120,0", "164.10,2", "1.2e4,-3", "0.00046,5", "4.00 kgCO2e,2"})
  void decimals_asPrinted(String text, int decimals) {
    assertThat(Claims.decimals(text)).isEqualTo(decimals);
  }

  @Test
  void matches_roundedToPrintedDecimals() {
    // seed 003's transport line: 0.074 tCO2e recomputed, printed as 0.07
    assertThat(Claims.matches("0.07", 0.07, 0.074)).isTrue();
    assertThat(Claims.matches("0.07", 0.07, 0.076)).isFalse();
    assertThat(Claims.matches("164.10", 164.10, 164.1038)).isTrue();
  }

  @Test
  void matches_withinTenthOfAPercent() {
    // seed 003's total: the sum of rounded lines, 119709.55, against 119709.566 recomputed
    assertThat(Claims.matches("119709.55", 119709.55, 119709.565915)).isTrue();
    assertThat(Claims.matches("2746.55", 2746.55, 2821.8823)).isFalse();
  }

  @Test
  void check_thousandfoldSlipIsNamed() {
    var finding = Claims.check("claimed.perUnit", Text.of("claim.perUnit"), "2.82", 2.82, 2821.88, "2821.88 kgCO2e");
    assertThat(finding).isPresent();
    assertThat(finding.get().code()).isEqualTo("CLAIM_MISMATCH");
    assertThat(finding.get().message(Messages.EN)).contains("factor of about 1000");
  }
}

package org.tanji.core.present;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ShownSharesTest {

  @Test
  void percent_halfUpToTwoDecimals() {
    // seed 003 printed 89.69 % for 0.896973 and 0.13 % for 0.00137
    assertThat(ShownShares.percent(0.896973)).isEqualTo(new BigDecimal("89.70"));
    assertThat(ShownShares.percent(0.00137)).isEqualTo(new BigDecimal("0.14"));
  }

  @Test
  void roundingNote_thirdsShowAs9999() {
    assertThat(ShownShares.of(List.of(1 / 3.0, 1 / 3.0, 1 / 3.0)).roundingNote()).contains(new BigDecimal("99.99"));
  }

  @Test
  void roundingNote_noneWhenTheColumnAddsUp() {
    assertThat(ShownShares.of(List.of(0.5, 0.5)).roundingNote()).isEmpty();
  }

  @Test
  void roundingNote_noneForAnEmptyOrZeroColumn() {
    assertThat(ShownShares.of(List.of()).roundingNote()).isEmpty();
    assertThat(ShownShares.of(List.of(0.0, 0.0)).roundingNote()).isEmpty();
  }
}

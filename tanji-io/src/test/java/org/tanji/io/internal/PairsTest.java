package org.tanji.io.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class PairsTest {

  @Test
  void split_asTypedInASpreadsheet() {
    List<String> bad = new ArrayList<>();
    // half- and full-width separators, a line break, blank parts, spaces around everything
    List<Pairs.Pair> pairs = Pairs.split(" USD = 7.1 CNY；EUR＝7.8 CNY;\n; JPY=0.05 CNY ;", Pairs.EQUALS, bad::add);
    assertThat(pairs).containsExactly(new Pairs.Pair("USD", "7.1 CNY"), new Pairs.Pair("EUR", "7.8 CNY"),
        new Pairs.Pair("JPY", "0.05 CNY"));
    assertThat(bad).isEmpty();
  }

  @Test
  void split_atTheFirstSeparatorOnly() {
    assertThat(Pairs.split("a = b = c", Pairs.EQUALS, s -> { }))
        .containsExactly(new Pairs.Pair("a", "b = c"));
    assertThat(Pairs.split("CO2: 1200 kg; CH4：3 kg", ":：", s -> { }))
        .containsExactly(new Pairs.Pair("CO2", "1200 kg"), new Pairs.Pair("CH4", "3 kg"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"no separator", "= 7.1 CNY", "  ＝ 1 "})
  void split_aPartWithoutKey_isBadAndLeftOut(String part) {
    List<String> bad = new ArrayList<>();
    List<Pairs.Pair> pairs = Pairs.split("USD = 7.1 CNY; " + part, Pairs.EQUALS, bad::add);
    assertThat(pairs).containsExactly(new Pairs.Pair("USD", "7.1 CNY"));
    assertThat(bad).containsExactly(part.strip());
  }
}

package org.tanji.core.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the quantity and unit parser: whatever the text, it returns a finite quantity or throws
 * {@link QuantityFormatException} with a message, and never anything else.
 */
final class UnitsFuzz {

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.strings().all().ofMaxLength(60);
  }

  /** Texts built from the parser's own alphabet, which reach deeper than random characters. */
  @Provide
  Arbitrary<String> unitish() {
    List<String> pieces = new ArrayList<>(Units.symbols());
    pieces.addAll(List.of("*", "/", "(", ")", "GWh*GWh*GWh*GWh", "(((((", "\u00a0", "\u2003", "·", " ", "1", ".", "e", "-", "+", "12.5", ",", "，", "４", "NaN", "1e999", "10^4", "10^", "万", " 1", "1 "));
    return Arbitraries.of(pieces).list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Property(tries = 3000)
  void parseQuantity_anyText(@ForAll("anyText") String text) {
    check(text);
  }

  @Property(tries = 3000)
  void parseQuantity_unitAlphabet(@ForAll("unitish") String text) {
    check(text);
    check("12.5 " + text);
  }

  private static void check(String text) {
    try {
      Quantity q = Units.parseQuantity(text);
      assertThat(Double.isFinite(q.value())).isTrue();
      assertThat(q.unit().scale()).isPositive();
    } catch (QuantityFormatException e) {
      assertThat(e.code()).isIn(Units.UNKNOWN_UNIT, Units.INVALID_QUANTITY);
      assertThat(e.text().render(org.tanji.core.i18n.Messages.EN)).doesNotContainPattern("![a-z]+(\\.[a-zA-Z]+)+!").isNotBlank();
      // following a suggestion never leads to a second refusal ("1 10^4Nm3" once suggested "110^4Nm3")
      e.suggestion().ifPresent(s -> assertThat(Units.parseQuantity(s).unit().scale()).isPositive());
    }
  }

  @Property(tries = 20)
  void parseQuantity_longInputsFinishQuickly(@ForAll("unitish") String seed) {
    // a 1 MB run of spaces or of names must not trigger quadratic behaviour in the parser
    String longSpace = "1 t" + " ".repeat(1_000_000) + seed;
    String longName = "1 " + "k".repeat(1_000_000);
    long start = System.nanoTime();
    check(longSpace);
    check(longName);
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(5.0);
  }
}

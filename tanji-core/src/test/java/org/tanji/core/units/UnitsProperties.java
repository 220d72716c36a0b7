package org.tanji.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** Property-based tests of conversions and dimension algebra over the whole unit table. */
final class UnitsProperties {

  private static final List<String> SYMBOLS = Units.symbols();

  @Provide
  Arbitrary<String> symbol() {
    return Arbitraries.of(SYMBOLS);
  }

  @Provide
  Arbitrary<Dimension> dimension() {
    Arbitrary<Integer> e = Arbitraries.integers().between(-3, 3);
    return Combinators.combine(List.of(e, e, e, e, e, e, e, e, e)).as(l -> new Dimension(l.get(0), l.get(1), l.get(2),
        l.get(3), l.get(4), l.get(5), l.get(6), l.get(7), l.get(8)));
  }

  @Property
  void conversion_roundTripsBetweenUnitsOfOneDimension(
      @ForAll("symbol") String a, @ForAll("symbol") String b, @ForAll @DoubleRange(min = -1e12, max = 1e12) double v) {
    Unit ua = Units.unit(a);
    Unit ub = Units.unit(b);
    if (!ua.dimension().equals(ub.dimension())) {
      return;
    }
    double there = Quantity.of(v, ua).in(ub);
    double back = Quantity.of(there, ub).in(ua);
    assertThat(back).isCloseTo(v, within(Math.abs(v) * 1e-12 + 1e-300));
  }

  @Property
  void parse_quantityTextReadsBack(@ForAll("symbol") String s, @ForAll @DoubleRange(min = 0, max = 1e15) double v) {
    Quantity q = Units.parseQuantity(v + " " + s);
    assertThat(q.value()).isEqualTo(v);
    assertThat(q.unit().dimension()).isEqualTo(Units.unit(s).dimension());
  }

  @Property
  void parse_quotientAndProductAgreeWithAlgebra(@ForAll("symbol") String a, @ForAll("symbol") String b,
      @ForAll("symbol") String c) {
    Unit ua = Units.unit(a);
    Unit ub = Units.unit(b);
    Unit uc = Units.unit(c);
    Unit quotient = Units.parseUnit(a + "/(" + b + "*" + c + ")");
    Unit chained = Units.parseUnit(a + "/" + b + "/" + c);
    assertThat(quotient.dimension()).isEqualTo(ua.dimension().dividedBy(ub.dimension().times(uc.dimension())));
    assertThat(chained.dimension()).isEqualTo(quotient.dimension());
    assertThat(chained.scale()).isCloseTo(quotient.scale(), within(quotient.scale() * 1e-12));
    assertThat(Units.parseUnit(a + "*" + b).dimension()).isEqualTo(Units.parseUnit(b + "·" + a).dimension());
  }

  @Property
  void algebra_groupLaws(@ForAll("dimension") Dimension a, @ForAll("dimension") Dimension b,
      @ForAll("dimension") Dimension c) {
    assertThat(a.times(b)).isEqualTo(b.times(a));
    assertThat(a.times(b).times(c)).isEqualTo(a.times(b.times(c)));
    assertThat(a.times(b).dividedBy(b)).isEqualTo(a);
    assertThat(a.times(a.inverse())).isEqualTo(Dimension.NONE);
    assertThat(a.times(Dimension.NONE)).isEqualTo(a);
  }

  @Property
  void describe_neverFailsAndNeverShowsAMissingKey(@ForAll("dimension") Dimension d) {
    assertThat(d.describe().render(org.tanji.core.i18n.Messages.EN)).doesNotContain("!").isNotBlank();
    assertThat(d.describeWithArticle().render(org.tanji.core.i18n.Messages.ZH)).doesNotContain("!").isNotBlank();
  }
}

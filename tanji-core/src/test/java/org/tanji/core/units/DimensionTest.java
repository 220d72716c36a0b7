package org.tanji.core.units;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tanji.core.i18n.Messages;

final class DimensionTest {

  @Test
  void describe_namedDimensions() {
    assertThat(Dimension.TRANSPORT_WORK.describe().render(Messages.EN)).isEqualTo("transport work");
    assertThat(Dimension.LENGTH.describeWithArticle().render(Messages.EN)).isEqualTo("a length");
    assertThat(Dimension.ENERGY.describeWithArticle().render(Messages.EN)).isEqualTo("an energy");
    assertThat(Dimension.TRANSPORT_WORK.describe().render(Messages.ZH)).isEqualTo("运输周转量");
  }

  @Test
  void describe_compositeDimensions() {
    Dimension perTkm = Dimension.CO2E.dividedBy(Dimension.TRANSPORT_WORK);
    assertThat(perTkm.describe().render(Messages.EN)).isEqualTo("CO₂e mass per transport work");
    assertThat(Dimension.MASS.times(Dimension.LENGTH).times(Dimension.LENGTH).describe().render(Messages.EN))
        .isEqualTo("mass × length^2");
    assertThat(Dimension.LENGTH.inverse().describe().render(Messages.EN)).isEqualTo("one per length");
  }

  @Test
  void algebra_transportWorkIsMassTimesLength() {
    assertThat(Units.parseUnit("t*km").dimension()).isEqualTo(Dimension.MASS.times(Dimension.LENGTH));
    assertThat(Units.parseUnit("kgCO2e/(t*km)").dimension().times(Dimension.TRANSPORT_WORK).isCo2e()).isTrue();
  }

  @Test
  void equals_everyExponentCounts_equalOnesHashAlike() {
    int[] base = {1, -2, 0, 3, 0, 1, 0, 0, 0};
    Dimension d = of(base);
    assertThat(d).isEqualTo(of(base.clone())).hasSameHashCodeAs(of(base.clone()));
    assertThat(d).isNotEqualTo(null).isNotEqualTo("mass");
    for (int i = 0; i < base.length; i++) {
      int[] other = base.clone();
      other[i]++;
      assertThat(of(other)).as("exponent %d differs", i).isNotEqualTo(d);
      assertThat(d).as("exponent %d differs", i).isNotEqualTo(of(other));
    }
    assertThat(Dimension.AREA).isEqualTo(Dimension.LENGTH.times(Dimension.LENGTH));
  }

  private static Dimension of(int[] e) {
    return new Dimension(e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8]);
  }
}

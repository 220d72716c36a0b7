package org.tanji.core.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanji.core.uncertainty.Studies.q;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Uncertainty;
import org.tanji.core.model.Uncertainty.PedigreeScores;

final class UncertaintyCheckTest {

  private static final Text WHAT = Text.of("uncertainty.ofAmount", "圆钢");

  static Stream<Arguments> bad() {
    return Stream.of(
        Arguments.of(new Uncertainty.Lognormal(1), "INVALID_UNCERTAINTY", "u.gsd", "greater than 1"),
        Arguments.of(new Uncertainty.Lognormal(0.5), "INVALID_UNCERTAINTY", "u.gsd", "greater than 1"),
        Arguments.of(new Uncertainty.Normal(q("-2 t"), null), "INVALID_UNCERTAINTY", "u.sd", "cannot be negative"),
        Arguments.of(new Uncertainty.Normal(null, -0.1), "INVALID_UNCERTAINTY", "u.cv", "cannot be negative"),
        Arguments.of(new Uncertainty.Normal(null, 20.0), "INVALID_UNCERTAINTY", "u.cv", "did you mean 0.2?"),
        Arguments.of(new Uncertainty.Normal(q("2 kWh"), null), "UNIT_MISMATCH", "u.sd", "a mass"),
        Arguments.of(new Uncertainty.Uniform(q("12 t"), q("8 t")), "INVALID_UNCERTAINTY", "u.min", "must not exceed"),
        Arguments.of(new Uncertainty.Triangular(q("8 t"), q("13 t"), q("12 t")), "INVALID_UNCERTAINTY", "u.mode",
            "outside its range"),
        Arguments.of(new Uncertainty.Uniform(q("11 t"), q("12 t")), "INVALID_UNCERTAINTY", "u", "must contain"),
        Arguments.of(new Uncertainty.Triangular(q("-1 t"), q("10 t"), q("12 t")), "UNCERTAINTY_SIGN", "u.min",
            "below zero"),
        Arguments.of(new Uncertainty.Pedigree(new PedigreeScores(1, 6, 1, 1, 1), 0.0006), "INVALID_UNCERTAINTY",
            "u.pedigree.completeness", "1 to 5"),
        Arguments.of(new Uncertainty.Pedigree(new PedigreeScores(1, 1, 1, 1, 1), -0.1), "INVALID_UNCERTAINTY",
            "u.basic", "cannot be negative"));
  }

  @ParameterizedTest
  @MethodSource("bad")
  void check_bad(Uncertainty u, String code, String where, String message) {
    List<Finding> findings = new ArrayList<>();
    assertThat(UncertaintyCheck.check(u, q("10 t"), "u", WHAT, findings)).isFalse();
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo(code);
      assertThat(f.where()).isEqualTo(where);
      assertThat(f.message(Locale.ENGLISH)).contains("圆钢").contains(message);
      assertThat(f.message(Locale.CHINESE)).contains("圆钢").doesNotStartWith("!");
    });
  }

  @Test
  void check_normalReachingBelowZero_warns() {
    // 10 t with sd 6 t: 10 − 1.96 × 6 < 0; Φ(−10/6) = 4.78 % of draws below zero
    List<Finding> findings = new ArrayList<>();
    assertThat(UncertaintyCheck.check(new Uncertainty.Normal(q("6 t"), null), q("10 t"), "u", WHAT, findings)).isTrue();
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("UNCERTAINTY_TRUNCATED");
      assertThat(f.isError()).isFalse();
      assertThat(f.message(Locale.ENGLISH)).contains("4.78 %").contains("set to zero");
    });
  }

  @Test
  void check_creditFactorRangeAboveZero() {
    List<Finding> findings = new ArrayList<>();
    UncertaintyCheck.check(new Uncertainty.Uniform(q("-2 kgCO2e/t"), q("1 kgCO2e/t")), q("-1 kgCO2e/t"), "u",
        Text.of("uncertainty.ofFactor", "credit"), findings);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("UNCERTAINTY_SIGN");
      assertThat(f.where()).isEqualTo("u.max");
    });
  }

  @Test
  void check_goodDistributions() {
    List<Finding> findings = new ArrayList<>();
    assertThat(UncertaintyCheck.check(new Uncertainty.Lognormal(1.05), q("10 t"), "u", WHAT, findings)).isTrue();
    assertThat(UncertaintyCheck.check(new Uncertainty.Triangular(q("9 t"), q("10 t"), q("12000 kg")), q("10 t"), "u",
        WHAT, findings)).isTrue();
    assertThat(UncertaintyCheck.check(new Uncertainty.Normal(null, 0.1), q("10 t"), "u", WHAT, findings)).isTrue();
    assertThat(findings).isEmpty();
  }
}

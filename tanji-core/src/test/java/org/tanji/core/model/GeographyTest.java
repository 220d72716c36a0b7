package org.tanji.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class GeographyTest {

  @Test
  void parse_countryAndSubdivision() {
    Geography cn = Geography.parse("cn").orElseThrow();
    assertThat(cn.code()).isEqualTo("CN");
    assertThat(cn.isSubdivision()).isFalse();
    Geography sd = Geography.parse(" CN-SD ").orElseThrow();
    assertThat(sd.isSubdivision()).isTrue();
    assertThat(sd.country()).isEqualTo("CN");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "China", "中国", "XX", "CN-", "CN-SHAN", "CN_SD", "C"})
  void parse_notAnIsoCode(String typed) {
    assertThat(Geography.parse(typed)).isEmpty();
  }

  @Test
  void construct_unknownCountry() {
    assertThatThrownBy(() -> new Geography("XX")).hasMessageContaining("not an ISO 3166");
  }
}

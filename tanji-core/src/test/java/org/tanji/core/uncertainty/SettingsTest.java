package org.tanji.core.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tanji.core.model.Finding;

final class SettingsTest {

  @Test
  void parse_defaults() {
    List<Finding> findings = new ArrayList<>();
    Settings s = Settings.parse(null, null, findings).orElseThrow();
    assertThat(s.runs()).isEqualTo(10_000);
    assertThat(s.seed()).isEqualTo(1);
    assertThat(findings).isEmpty();
  }

  @Test
  void parse_runsAndSeed() {
    Settings s = Settings.parse("2000", "-42", new ArrayList<>()).orElseThrow();
    assertThat(s.runs()).isEqualTo(2000);
    assertThat(s.seed()).isEqualTo(-42);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "9", "1000000000", "-5", "abc", "1.5", "1e4", ""})
  void parse_badRuns(String runs) {
    List<Finding> findings = new ArrayList<>();
    assertThat(Settings.parse(runs, null, findings)).isEmpty();
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("INVALID_RUNS");
      assertThat(f.message(Locale.ENGLISH)).contains("\"" + runs + "\"").contains("10 to 1,000,000");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1.5", "1e3", "99999999999999999999", "0x10"})
  void parse_badSeed(String seed) {
    List<Finding> findings = new ArrayList<>();
    assertThat(Settings.parse(null, seed, findings)).isEmpty();
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("INVALID_SEED");
      assertThat(f.message(Locale.ENGLISH)).contains("\"" + seed + "\"").contains("whole number");
    });
  }
}

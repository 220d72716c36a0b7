package org.tanji.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tanji.core.calc.Result;
import org.tanji.core.i18n.Messages;
import org.tanji.core.model.Finding;

/**
 * Fuzzes the study reader and calculator with mutated study files and random bytes: whatever
 * arrives, the answer is a result with findings, never an exception.
 */
final class StudyReaderFuzz {

  private static final com.fasterxml.jackson.databind.ObjectMapper STRICT = new com.fasterxml.jackson.databind.ObjectMapper();

  /** A study file with a few random edits: the shared corpus, also fed to the report. */
  @Provide
  Arbitrary<String> mutatedStudy() {
    return FuzzCorpus.mutatedStudies();
  }

  @Property(tries = 3000)
  void mutatedYaml_neverThrows(@ForAll("mutatedStudy") String text) {
    check(text.getBytes(StandardCharsets.UTF_8), StudyFormat.YAML);
  }

  @Property(tries = 300)
  void mutatedYamlReadAsJson_neverThrows(@ForAll("mutatedStudy") String text) {
    check(text.getBytes(StandardCharsets.UTF_8), StudyFormat.JSON);
  }

  @Property(tries = 500)
  void randomBytes_neverThrow(@ForAll byte[] bytes) {
    check(bytes, null);
  }

  private static void check(byte[] bytes, StudyFormat format) {
    ReadResult read = StudyFiles.read(bytes, format, "fuzz");
    Result r = read.calculate();
    if (r.hasErrors()) {
      assertThat(r.totalKgCO2e()).isNull();
    } else {
      assertThat(r.totalKgCO2e()).isNotNull();
      assertThat(Double.isFinite(r.totalKgCO2e())).isTrue();
    }
    for (Finding f : r.findings()) {
      assertThat(f.message(Messages.EN)).isNotBlank().doesNotContainPattern("![a-z]+(\\.[a-zA-Z]+)+!");
      assertThat(f.message(Messages.ZH)).isNotBlank().doesNotContainPattern("![a-z]+(\\.[a-zA-Z]+)+!");
    }
    // the JSON must parse strictly: no Infinity, no NaN
    try {
      STRICT.readTree(ResultJson.toJson(r, Messages.EN));
    } catch (java.io.IOException e) {
      throw new AssertionError("result JSON does not parse: " + e.getMessage(), e);
    }
  }
}

package org.tanji.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tanji.core.i18n.Messages;
import org.tanji.core.uncertainty.Comparison;
import org.tanji.core.uncertainty.Settings;
import org.tanji.core.uncertainty.Simulation;
import org.tanji.core.uncertainty.UncertaintyResult;

/** The uncertainty JSON of the seed-003 example, and of a study with errors. */
final class UncertaintyJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Simulation seed003() throws IOException {
    return StudyFiles.read(Path.of("..", "examples", "seed-003-uncertainty.yaml")).simulation().orElseThrow();
  }

  @Test
  void write_seed003() throws IOException {
    Simulation sim = seed003();
    UncertaintyResult r = sim.run(new Settings(2000, 1, 2));
    StringWriter out = new StringWriter();
    UncertaintyJson.write(Optional.of(r), sim.result().findings(), Messages.EN, out);
    JsonNode j = JSON.readTree(out.toString());
    assertThat(j.get("runs").asInt()).isEqualTo(2000);
    assertThat(j.get("seed").asLong()).isEqualTo(1);
    // the deterministic figure is calc's: 2821.88 kgCO2e/t
    assertThat(j.at("/perUnit_kgCO2e/deterministic").asDouble()).isCloseTo(2821.8823, within(1e-4));
    assertThat(j.at("/perUnit_kgCO2e/p2_5").asDouble()).isLessThan(j.at("/perUnit_kgCO2e/median").asDouble());
    assertThat(j.at("/perUnit_kgCO2e/p97_5").asDouble()).isGreaterThan(j.at("/perUnit_kgCO2e/median").asDouble());
    assertThat(j.get("stages")).hasSize(4);
    int counted = 0;
    for (JsonNode c : j.at("/histogram/counts")) {
      counted += c.asInt();
    }
    assertThat(counted).isEqualTo(2000);
    // eight inputs: four amounts or distances and four factors; the steel factor from its pedigree
    assertThat(j.get("inputs")).hasSize(8);
    JsonNode steel = j.get("inputs").get(1);
    assertThat(steel.get("path").asText()).isEqualTo("factors.round-steel.value");
    assertThat(steel.at("/distribution/type").asText()).isEqualTo("lognormal");
    assertThat(steel.at("/distribution/pedigree/geographical").asInt()).isEqualTo(3);
    // σ² = 0.0006 + 0.0006 + 0.0001 + 0.0002 + 0.0001 + 0.008 = 0.0096
    assertThat(steel.at("/distribution/gsd").asDouble()).isCloseTo(Math.exp(Math.sqrt(0.0096)), within(1e-12));
    assertThat(j.at("/contributions/0/path").asText()).isEqualTo("factors.round-steel.value");
    assertThat(j.at("/tornado/0/low_perUnit_kgCO2e").isNumber()).isTrue();
    assertThat(j.at("/fixed/share").asDouble()).isZero();
    assertThat(j.get("findings")).isEmpty();
  }

  @Test
  void write_studyWithErrors_nullFiguresAndFindings() throws IOException {
    ReadResult read = Fixtures.read(Fixtures.MINIMAL.replace("factor: steel", "factor: stel"));
    Simulation sim = read.simulation().orElseThrow();
    assertThat(sim.runnable()).isFalse();
    StringWriter out = new StringWriter();
    UncertaintyJson.write(Optional.empty(), sim.result().findings(), Messages.EN, out);
    JsonNode j = JSON.readTree(out.toString());
    assertThat(j.get("perUnit_kgCO2e").isNull()).isTrue();
    assertThat(j.at("/findings/0/code").asText()).isEqualTo("UNKNOWN_FACTOR");
  }

  @Test
  void write_comparison() throws IOException {
    Simulation a = seed003();
    Simulation b = seed003();
    Comparison c = Simulation.compare(a, b, new Settings(1000, 1, 1));
    StringWriter out = new StringWriter();
    UncertaintyJson.write(c, List.of(), List.of(), Messages.EN, out);
    JsonNode j = JSON.readTree(out.toString());
    // the same study twice: all four factors shared; the amounts drawn apart make the difference
    assertThat(j.get("sharedFactors")).extracting(JsonNode::asText)
        .containsExactly("round-steel", "road-freight", "grid", "pp-bag");
    assertThat(j.get("probabilityALower").asDouble()).isBetween(0.3, 0.7);
    assertThat(j.at("/a/runs").asInt()).isEqualTo(1000);
  }
}

package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tanji.io.StudyFiles;
import org.tanji.core.uncertainty.Settings;

/**
 * Uncertainty on the server: the API answers exactly what the engine computes for the same file,
 * runs and seed (checked against the engine directly), refuses bad settings with findings, compares
 * two versions, and the result page draws the histogram and the tornado.
 */
final class UncertaintyServerTest {

  @Test
  void theServersSimulation_isTheEnginesForTheSameSeed_andThePageDrawsIt() throws Exception {
    Path file = Path.of("..", "examples", "seed-003-uncertainty.yaml");
    byte[] yaml = Files.readAllBytes(file);
    var sim = StudyFiles.read(file).simulation().orElseThrow();
    var expected = sim.run(Settings.parse("2000", "7", new java.util.ArrayList<>()).orElseThrow());
    try (TanjiServer server = TanjiServer.start(ServerConfig.builder(Files.createTempDirectory("tanji-mc")).port(0)
        .adminPassword("mc-admin-pw").demo(true, "mc-demo-pw").build())) {
      Http http = new Http(server.url());
      String token = http.login("demo", "mc-demo-pw");
      String id = http.send("POST", "/api/studies", token, "application/yaml", yaml).json().get("id").asText();

      Http.Resp r = http.get("/api/studies/" + id + "/uncertainty?runs=2000&seed=7", token);
      assertThat(r.status()).as(r.text()).isEqualTo(200);
      JsonNode perUnit = r.json().get("perUnit_kgCO2e");
      assertThat(perUnit.get("deterministic").asDouble()).isCloseTo(2821.88, org.assertj.core.data.Offset.offset(0.01));
      assertThat(perUnit.get("mean").asDouble()).isCloseTo(expected.perUnit().mean(),
          org.assertj.core.data.Offset.offset(0.01));
      assertThat(perUnit.get("p97_5").asDouble()).isCloseTo(expected.perUnit().p97_5(),
          org.assertj.core.data.Offset.offset(0.01));
      assertThat(r.json().get("runs").asInt()).isEqualTo(2000);
      assertThat(http.get("/api/studies/" + id + "/versions/1/uncertainty?runs=2000&seed=7", token).text())
          .isEqualTo(r.text());

      Http.Resp bad = http.get("/api/studies/" + id + "/uncertainty?runs=lots&seed=x", token);
      assertThat(bad.status()).isEqualTo(422);
      assertThat(bad.json().get("findings").findValuesAsText("code")).contains("INVALID_RUNS", "INVALID_SEED");
      assertThat(http.get("/api/studies/" + id + "/uncertainty?runs=1000000", token).code()).isEqualTo("TOO_MANY_RUNS");

      // a study with the steel factor 10 % lower against the original: the same comparison as the engine's
      byte[] cheaper = new String(yaml, java.nio.charset.StandardCharsets.UTF_8)
          .replace("value: 2420 kgCO2e/t", "value: 2178 kgCO2e/t").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      String other = http.send("POST", "/api/studies", token, "application/yaml", cheaper).json().get("id").asText();
      var simB = StudyFiles.read(cheaper, org.tanji.io.StudyFormat.YAML, "cheaper.yaml").simulation().orElseThrow();
      var engine = org.tanji.core.uncertainty.Simulation.compare(simB, sim,
          Settings.parse("2000", null, new java.util.ArrayList<>()).orElseThrow());
      Http.Resp cmp = http.get("/api/studies/" + other + "/uncertainty?runs=2000&compare=" + id, token);
      assertThat(cmp.status()).as(cmp.text()).isEqualTo(200);
      assertThat(cmp.json().get("probabilityALower").asDouble()).isEqualTo(engine.probabilityALower());
      assertThat(engine.probabilityALower()).isBetween(0.5, 1.0);
      assertThat(cmp.json().get("sharedFactors").toString()).doesNotContain("round-steel");

      PageSession browser = PageSession.signIn(server.url(), "demo", "mc-demo-pw");
      String page = browser.get("/studies/" + id).body();
      assertThat(page).contains("id=\"chart-histogram\"").contains("id=\"chart-tornado\"").contains("10,000");
      String fixedId = http.send("POST", "/api/studies", token, "application/yaml",
          Files.readAllBytes(Path.of("..", "examples", "seed-003-steel-balls.yaml"))).json().get("id").asText();
      String fixed = browser.get("/studies/" + fixedId).body();
      assertThat(fixed).contains("2,821.88").doesNotContain("chart-histogram");
    }
  }
}

package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's mistake on the pages: a footprint of 0.00046 kgCO₂e per piece shows as 0.00046 on the
 * dashboard and the result page (the figure comes from core's Presentation, as in the CLI and the
 * report), and 460 kg for the period stays in kg rather than becoming 0.46 t.
 */
final class TinyFigurePagesTest {

  @Test
  void aTinyPerUnitFigure_showsItsDigitsOnEveryPage() throws Exception {
    try (TanjiServer server = TanjiServer.start(ServerConfig.builder(Files.createTempDirectory("tanji-tiny")).port(0)
        .adminPassword("tiny-admin-pw").demo(true, "tiny-demo-pw").build())) {
      Http http = new Http(server.url());
      String token = http.login("demo", "tiny-demo-pw");
      // testdata/tiny-per-piece.yaml: 1000 kWh × 0.46 kgCO2e/kWh = 460 kgCO2e for 1,000,000 pieces
      String id = http.send("POST", "/api/studies", token, "application/yaml",
          Files.readAllBytes(java.nio.file.Path.of("..", "testdata", "tiny-per-piece.yaml"))).json().get("id").asText();

      PageSession browser = PageSession.signIn(server.url(), "demo", "tiny-demo-pw");
      String dashboard = browser.get("/studies").body();
      assertThat(dashboard).contains("0.00046");
      String result = browser.get("/studies/" + id).body();
      assertThat(result).contains("<span class=\"value\">0.00046</span>");
      assertThat(result).contains("<span class=\"value\">460.00</span> <span class=\"unit\">kgCO₂e</span>");
      assertThat(result).doesNotContain(">0.00<");
    }
  }
}

package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's mistake on the pages: a footprint of 0.00046 kgCO₂e per piece shows as 0.00046 on the
 * dashboard and the result page (the figure comes from core's Presentation, as in the CLI and the
 * report), and 460 kg for the period stays in kg rather than becoming 0.46 t.
 */
final class TinyFigurePagesTest {

  // 1000 kWh × 0.46 kgCO2e/kWh = 460 kgCO2e for 1,000,000 pieces: 0.00046 kgCO2e per piece
  static final String TINY = """
      tanji: 1
      study:
        title: Brake back plate
        language: en
        boundary: cradle-to-gate
        period: {start: 2024-01-01, end: 2024-12-31}
      product:
        name: Cast steel back plate
        declaredUnit: 1 piece
        output: 1000000 piece
      factors:
        grid: {value: 0.46 kgCO2e/kWh, type: national}
      inventory:
        - name: Electricity
          stage: production
          amount: 1000 kWh
          factor: grid
          quality: {activity: periodic, calibration: compliant}
      """;

  @Test
  void aTinyPerUnitFigure_showsItsDigitsOnEveryPage() throws Exception {
    try (TanjiServer server = TanjiServer.start(ServerConfig.builder(Files.createTempDirectory("tanji-tiny")).port(0)
        .adminPassword("tiny-admin-pw").demo(true, "tiny-demo-pw").build())) {
      Http http = new Http(server.url());
      String token = http.login("demo", "tiny-demo-pw");
      String id = http.send("POST", "/api/studies", token, "application/yaml", TINY.getBytes(StandardCharsets.UTF_8))
          .json().get("id").asText();

      HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER).build();
      String login = browser.send(HttpRequest.newBuilder(URI.create(server.url() + "/login")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"").matcher(login);
      assertThat(m.find()).isTrue();
      browser.send(HttpRequest.newBuilder(URI.create(server.url() + "/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + m.group(1)
              + "&username=demo&password=tiny-demo-pw&next=%2Fstudies")).build(), HttpResponse.BodyHandlers.ofString());

      String dashboard = browser.send(HttpRequest.newBuilder(URI.create(server.url() + "/studies")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(dashboard).contains("0.00046");
      String result = browser.send(HttpRequest.newBuilder(URI.create(server.url() + "/studies/" + id)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(result).contains("<span class=\"value\">0.00046</span>");
      assertThat(result).contains("<span class=\"value\">460.00</span> <span class=\"unit\">kgCO₂e</span>");
      assertThat(result).doesNotContain(">0.00<");
    }
  }
}

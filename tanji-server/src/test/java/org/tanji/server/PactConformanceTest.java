package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The official PACT conformance tool (wbcsd/pact-conformance-service, V3.0 test run) against this
 * server over HTTPS, with the tool's callback listener, through scripts/pact-conformance.js: every
 * mandatory test, 13 and 14.B included, must pass. The tool is not on npm: it runs when Node is
 * installed and PACT_CONFORMANCE_DIR names a clone with its node_modules, and is skipped, saying
 * which is missing, otherwise. (scripts/pact-conformance.sh does the same against the built jar.)
 */
final class PactConformanceTest {

  private static final Path SCRIPT = Path.of("..", "scripts", "pact-conformance.js");

  @Test
  void officialTool_everyMandatoryTestPasses() throws IOException, InterruptedException {
    String dir = System.getenv("PACT_CONFORMANCE_DIR");
    Assumptions.assumeTrue(onPath("node"), "Node.js is not installed: the PACT conformance tool needs it");
    Assumptions.assumeTrue(dir != null && !dir.isBlank(),
        "PACT_CONFORMANCE_DIR is not set: clone wbcsd/pact-conformance-service, run npm ci there, and set it");
    Assumptions.assumeTrue(Files.isDirectory(Path.of(dir, "node_modules", "ts-node")),
        "PACT_CONFORMANCE_DIR has no node_modules: run npm ci in " + dir);

    Path work = Files.createTempDirectory("tanji-conformance");
    SelfSigned cert = SelfSigned.make(work);
    try (TanjiServer server = TanjiServer.start(ServerConfig.builder(work.resolve("data")).port(0)
        .adminPassword("conformance-admin-pw").loginsPerMinute(1000)
        .tls(ServerConfig.Tls.keystore(cert.keystore, SelfSigned.PASSWORD)).build())) {
      Http http = new Http(server.url(), cert.client());
      Team team = Team.of(http, "conformance-admin-pw");
      byte[] seed = ApiTests.example("seed-003-steel-balls.yaml");
      String id = http.send("POST", "/api/studies", team.admin(), ApiTests.YAML, seed).json().get("id").asText();
      team.issue(http, id, 1, "'html'");
      // a second issued version, so that a list of one footprint has a next page (the tool's test 5)
      byte[] v2 = new String(seed, StandardCharsets.UTF_8).replace("name: ", "name: v2 ").getBytes(StandardCharsets.UTF_8);
      http.send("PUT", "/api/studies/" + id, team.admin(), ApiTests.YAML, v2, "If-Match", "\"1\"");
      team.issue(http, id, 2, "'html'");
      int callback;
      try (ServerSocket s = new ServerSocket(0)) {
        callback = s.getLocalPort();
      }
      JsonNode partner = http.postJson("/api/pact/partners", team.admin(), Team.json(
          "{'name':'PACT conformance service','eventUrl':'http://127.0.0.1:" + callback + "/3/events'}")).json();
      JsonNode client = http.postJson("/api/pact/clients", team.admin(), Team.json("{'name':'conformance','partnerId':"
          + partner.get("id").asLong() + "}")).json();

      ProcessBuilder pb = new ProcessBuilder("node", SCRIPT.toString()).redirectErrorStream(true);
      Map<String, String> env = pb.environment();
      env.put("NODE_TLS_REJECT_UNAUTHORIZED", "0"); // the tool only: it meets the self-signed certificate
      env.put("NODE_NO_WARNINGS", "1");
      env.put("NODE_ENV", "production");
      env.put("PORT", "0");
      env.put("DB_CONNECTION_STRING", "unused");
      env.put("CONFORMANCE_API", "http://127.0.0.1:" + callback);
      env.put("PACT_BASE_URL", server.url());
      env.put("PACT_CLIENT_ID", client.get("clientId").asText());
      env.put("PACT_CLIENT_SECRET", client.get("clientSecret").asText());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(out).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains("Test Case 13: Respond to Asynchronous PCF Request")
          .contains("Test Case 14.B: Handle Rejected PCF Request").containsPattern("conformance: (\\d+) of \\1 mandatory");
      assertThat(out.lines().filter(l -> l.startsWith("SUCCESS ")).count()).isGreaterThanOrEqualTo(41);
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, command))) {
        return true;
      }
    }
    return false;
  }
}

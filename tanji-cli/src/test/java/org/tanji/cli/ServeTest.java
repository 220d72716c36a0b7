package org.tanji.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanji.server.ServerConfig;
import org.tanji.server.TanjiServer;

/** {@code tanji serve}: its refusals, and the server's result being byte for byte {@code tanji calc --json}. */
final class ServeTest {

  private static final Path SEED = Path.of("../examples/seed-003-steel-balls.yaml");
  private static final Path WRONG = Path.of("../examples/seed-003-transport-in-km.yaml");

  @Test
  void theServersResultIsWhatCalcPrints(@TempDir Path dir) throws Exception {
    try (TanjiServer server = TanjiServer.start(ServerConfig.builder(dir).port(0)
        .adminPassword("serve-test-password").build())) {
      HttpClient client = HttpClient.newHttpClient();
      ObjectMapper json = new ObjectMapper();
      String token = json.readTree(client.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/login"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"serve-test-password\"}"))
          .build(), HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
      for (Path study : new Path[] {SEED, WRONG}) {
        String id = json.readTree(client.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/studies"))
            .header("Content-Type", "application/yaml").header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(study)))
            .build(), HttpResponse.BodyHandlers.ofString()).body()).get("id").asText();
        String result = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/studies/" + id + "/result"))
            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        CliTest.Run calc = CliTest.run("calc", study.toString(), "--json");
        assertThat(result).isEqualTo(calc.out());
      }
    }
  }

  @Test
  void refusesWhatItCannotServe(@TempDir Path dir) throws Exception {
    CliTest.Run badPort = CliTest.run("serve", "--port", "70000", "--data", dir.toString());
    assertThat(badPort.code()).isEqualTo(Main.USAGE);
    assertThat(badPort.err()).contains("--port");

    CliTest.Run badDb = CliTest.run("serve", "--port", "0", "--db", "jdbc:mysql://localhost/tanji");
    assertThat(badDb.code()).isEqualTo(Main.USAGE);
    assertThat(badDb.err()).contains("jdbc:mysql://localhost/tanji").contains("PostgreSQL");

    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CliTest.Run inUse = CliTest.run("serve", "--port", Integer.toString(taken.getLocalPort()),
          "--data", dir.resolve("d").toString());
      assertThat(inUse.code()).isEqualTo(Main.USAGE);
      assertThat(inUse.err()).contains("in use").contains(Integer.toString(taken.getLocalPort()));
    }
  }

  @Test
  void helpDescribesServe() {
    CliTest.Run help = CliTest.run("serve", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("--port").contains("--data").contains("--db").contains("TANJI_ADMIN_PASSWORD");
  }

  @Test
  void auditVerify_findsTheChainWhole_thenAnAlteredRecord(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    try (TanjiServer server = TanjiServer.start(ServerConfig.builder(data).port(0)
        .adminPassword("audit-cli-password").demo(true, "audit-demo-password").build())) {
      assertThat(server.demoCreated()).isTrue();
    }
    CliTest.Run whole = CliTest.run("audit", "verify", "--data", data.toString());
    assertThat(whole.code()).as(whole.err()).isEqualTo(Main.OK);
    assertThat(whole.out()).contains("Demo: the audit trail is whole").contains("Tanji: the audit trail is whole");

    try (java.sql.Connection c = java.sql.DriverManager.getConnection(
        org.tanji.server.store.Database.h2Url(data)); java.sql.Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE audit_record SET actor = 'someone else' WHERE seq = 2 AND org_id ="
          + " (SELECT id FROM organization WHERE name = 'Demo')");
    }
    CliTest.Run broken = CliTest.run("audit", "verify", "--data", data.toString());
    assertThat(broken.code()).isEqualTo(Main.STUDY_ERRORS);
    assertThat(broken.out()).contains("Demo: the audit trail is BROKEN at record 2: the record was changed after it was"
        + " written").contains("Tanji: the audit trail is whole");
    CliTest.Run inChinese = CliTest.run("audit", "verify", "--data", data.toString(), "--lang", "zh");
    assertThat(inChinese.out()).contains("Demo：审计记录在第 2 条处被破坏：该记录在写入后被修改");

    CliTest.Run none = CliTest.run("audit", "verify", "--data", dir.resolve("nothing").toString());
    assertThat(none.code()).isEqualTo(Main.USAGE);
    // the command that checks a database never creates (or migrates) one
    Path missing = dir.resolve("missing");
    CliTest.Run notThere = CliTest.run("audit", "verify", "--db", "jdbc:h2:" + missing);
    assertThat(notThere.code()).isEqualTo(Main.USAGE);
    assertThat(notThere.err()).startsWith("tanji audit verify: ").doesNotContain("\n\tat ");
    assertThat(java.nio.file.Files.exists(Path.of(missing + ".mv.db"))).isFalse();
  }
}

package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Review and approval over HTTP: roles, the inbox, the signing calls, the audit trail and its check. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class WorkflowApiTest {

  private TanjiServer server;
  private Http http;

  @BeforeAll
  void start() throws IOException {
    server = TanjiServer.start(ServerConfig.builder(Files.createTempDirectory("tanji-workflow")).port(0)
        .adminPassword("workflow-admin-pw").loginsPerMinute(1000).build());
    http = new Http(server.url());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String body(String json) {
    return json.replace('\'', '"');
  }

  @Test
  void aStudyGoesThroughReviewAndApproval_andTheTrailHoldsEveryStep() {
    String operator = http.login("admin", "workflow-admin-pw");
    String org = "wf-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(http.postJson("/api/organizations", operator, body("{'name':'" + org + "','admin':{'username':'" + org
        + "','password':'password-" + org + "'}}")).status()).isEqualTo(201);
    String admin = http.login(org, "password-" + org);
    for (String u : new String[] {"rev", "appr"}) {
      assertThat(http.postJson("/api/users", admin, body("{'username':'" + org + u + "','password':'password-" + u
          + "-1'}")).status()).isEqualTo(201);
    }
    Http.Resp roles = http.send("PUT", "/api/roles", admin, "application/json",
        body("{'username':'" + org + "rev','roles':['reviewer']}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(roles.status()).as(roles.text()).isEqualTo(200);
    assertThat(roles.json().get("roles").toString()).isEqualTo("[\"reviewer\"]");
    http.send("PUT", "/api/roles", admin, "application/json",
        body("{'username':'" + org + "appr','roles':['approver']}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String rev = http.login(org + "rev", "password-rev-1");
    String appr = http.login(org + "appr", "password-appr-1");

    String id = http.send("POST", "/api/studies", admin, ApiTests.YAML, ApiTests.example("seed-003-steel-balls.yaml"))
        .json().get("id").asText();
    String v1 = "/api/studies/" + id + "/versions/1";
    Http.Resp submitted = http.postJson(v1 + "/submit", admin, "{}");
    assertThat(submitted.json().get("state").asText()).isEqualTo("in-review");
    assertThat(http.get("/api/inbox", rev).json().get("studies").get(0).get("id").asText()).isEqualTo(id);
    assertThat(http.get("/api/inbox", appr).json().get("studies")).isEmpty();

    Http.Resp wrong = http.postJson(v1 + "/review", rev, body("{'password':'nope','statement':'I have reviewed it'}"));
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.code()).isEqualTo("WRONG_PASSWORD");
    Http.Resp own = http.postJson(v1 + "/review", admin, body("{'password':'password-" + org
        + "','statement':'I reviewed my own'}"));
    assertThat(own.status()).isEqualTo(403);
    assertThat(http.postJson(v1 + "/review", rev, body("{'password':'password-rev-1','statement':"
        + "'I have reviewed the inventory, factors and allocation'}")).json().get("state").asText()).isEqualTo("reviewed");
    assertThat(http.postJson(v1 + "/approve", appr, body("{'password':'password-appr-1','statement':'Approved'}"))
        .json().get("state").asText()).isEqualTo("approved");
    assertThat(http.get(v1 + "/signatures", admin).json().get("signatures").findValuesAsText("by"))
        .containsExactly(org + "rev", org + "appr");
    assertThat(http.get("/api/studies/" + id, admin).json().get("state").asText()).isEqualTo("approved");

    Http.Resp trail = http.get("/api/studies/" + id + "/audit", admin);
    assertThat(trail.json().get("records").findValuesAsText("action"))
        .containsExactly("study.create", "state.submit", "state.review", "state.approve");
    Http.Resp csv = http.get("/api/audit?format=csv", admin);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.text()).contains("state.approve").contains("signin.failed");
    Http.Resp verified = http.get("/api/audit/verify", admin);
    assertThat(verified.json().get("valid").asBoolean()).isTrue();
    assertThat(verified.json().get("records").asInt()).isGreaterThanOrEqualTo(9);
  }
}

package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two server processes over one PostgreSQL database, as a team runs them behind a load balancer:
 * what one stores the other serves, a version conflict across them is a 409, tokens and sign-in
 * limits hold across both (they live in the database, not in a process).
 */
final class TwoServersTest {

  @Test
  void twoProcessesOverOnePostgres_serveTheSameOrganizations() throws Exception {
    String url = Databases.newPostgres();
    Process a = KillTests.startServer(Files.createTempDirectory("tanji-two-a"), url);
    Process b = null;
    try {
      Http httpA = new Http("http://127.0.0.1:" + KillTests.port(a));
      b = KillTests.startServer(Files.createTempDirectory("tanji-two-b"), url);
      Http httpB = new Http("http://127.0.0.1:" + KillTests.port(b));

      String operator = httpA.login("admin", ApiTests.ADMIN_PASSWORD);
      String org = "two-" + UUID.randomUUID().toString().substring(0, 8);
      assertThat(httpA.postJson("/api/organizations", operator, "{\"name\":\"" + org + "\",\"admin\":{\"username\":\""
          + org + "\",\"password\":\"password-" + org + "\"}}").status()).isEqualTo(201);
      // a token issued by one process is honoured by the other
      String token = httpB.login(org, "password-" + org);
      byte[] seed = ApiTests.example("seed-003-steel-balls.yaml");
      String id = httpA.send("POST", "/api/studies", token, ApiTests.YAML, seed).json().get("id").asText();
      assertThat(httpB.get("/api/studies/" + id + "/file", token).body()).isEqualTo(seed);
      assertThat(httpB.get("/api/studies/" + id + "/result", token).text())
          .isEqualTo(httpA.get("/api/studies/" + id + "/result", token).text());

      byte[] edited = (new String(seed, StandardCharsets.UTF_8) + "\n# edited\n").getBytes(StandardCharsets.UTF_8);
      assertThat(httpA.send("PUT", "/api/studies/" + id, token, ApiTests.YAML, edited, "If-Match", "\"1\"").status())
          .isEqualTo(200);
      Http.Resp late = httpB.send("PUT", "/api/studies/" + id, token, ApiTests.YAML, edited, "If-Match", "\"1\"");
      assertThat(late.status()).isEqualTo(409);
      assertThat(late.code()).isEqualTo("VERSION_CONFLICT");
      assertThat(late.header("ETag")).isEqualTo("\"2\"");

      // ten failed sign-ins of one user, five through each process: the eleventh try is refused by either
      for (int i = 0; i < 5; i++) {
        assertThat(httpA.postJson("/api/login", null, "{\"username\":\"" + org + "\",\"password\":\"guess-a" + i + "\"}")
            .status()).isEqualTo(401);
        assertThat(httpB.postJson("/api/login", null, "{\"username\":\"" + org + "\",\"password\":\"guess-b" + i + "\"}")
            .status()).isEqualTo(401);
      }
      Http.Resp limited = httpA.postJson("/api/login", null,
          "{\"username\":\"" + org + "\",\"password\":\"password-" + org + "\"}");
      assertThat(limited.status()).isEqualTo(429);

      // two approvers issue at the same moment, one through each process: two numbers, never the same
      String token2 = token;
      for (String[] u : new String[][] {{"rev", "reviewer"}, {"ap1", "approver"}, {"ap2", "approver"}}) {
        httpA.postJson("/api/users", token2, "{\"username\":\"" + org + u[0] + "\",\"password\":\"password-" + u[0]
            + "-1\"}");
        httpA.send("PUT", "/api/roles", token2, "application/json", ("{\"username\":\"" + org + u[0]
            + "\",\"roles\":[\"" + u[1] + "\"]}").getBytes(StandardCharsets.UTF_8));
      }
      String rev = httpA.login(org + "rev", "password-rev-1");
      String[] approvers = {httpA.login(org + "ap1", "password-ap1-1"), httpB.login(org + "ap2", "password-ap2-1")};
      String[] ids = new String[2];
      for (int i = 0; i < 2; i++) {
        ids[i] = httpA.send("POST", "/api/studies", token2, ApiTests.YAML,
            ApiTests.example("two-products-mass-allocation.yaml")).json().get("id").asText();
        String v = "/api/studies/" + ids[i] + "/versions/1";
        httpA.postJson(v + "/submit", token2, "{}");
        for (var w : httpA.get(v + "/warnings", rev).json().get("pending")) {
          httpA.postJson(v + "/warnings/accept", rev, "{\"code\":\"" + w.get("code").asText() + "\",\"where\":\""
              + w.get("where").asText() + "\",\"reason\":\"checked\"}");
        }
        assertThat(httpA.postJson(v + "/review", rev, "{\"password\":\"password-rev-1\",\"statement\":\"ok\"}")
            .status()).isEqualTo(200);
        assertThat(httpA.postJson(v + "/approve", approvers[i], "{\"password\":\"password-ap" + (i + 1)
            + "-1\",\"statement\":\"ok\"}").status()).isEqualTo(200);
      }
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      Http[] through = {httpA, httpB};
      java.util.List<java.util.concurrent.CompletableFuture<String>> numbers = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        int k = i;
        numbers.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          Http.Resp r = through[k].postJson("/api/studies/" + ids[k] + "/versions/1/issue", approvers[k],
              "{\"formats\":[\"html\"],\"languages\":[\"en\"]}");
          assertThat(r.status()).as(r.text()).isEqualTo(201);
          return r.json().get("number").asText();
        }));
      }
      go.countDown();
      int year = java.time.LocalDate.now().getYear();
      assertThat(numbers.stream().map(java.util.concurrent.CompletableFuture::join).toList())
          .containsExactlyInAnyOrder("TJ-" + year + "-0001", "TJ-" + year + "-0002");
    } finally {
      a.destroy();
      a.waitFor(30, TimeUnit.SECONDS);
      if (b != null) {
        b.destroy();
        b.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }
}

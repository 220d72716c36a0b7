package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Defects found by probing the running server (issue 13), each pinned by a request. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ServerDefectsTest {

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private TanjiServer server;
  private Http http;
  private String admin;

  @BeforeAll
  void start() throws IOException {
    server = TanjiServer.start(ServerConfig.builder(Files.createTempDirectory("tanji-defects")).port(0)
        .adminPassword("defects-admin-pw").demo(true, "defects-demo-pw").loginsPerMinute(1000)
        .log(new PrintStream(log, true, StandardCharsets.UTF_8)).build());
    http = new Http(server.url());
    admin = http.login("admin", "defects-admin-pw");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String newOrganizationAdmin() {
    String name = "d-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(http.postJson("/api/organizations", admin, "{\"name\":\"" + name + "\",\"admin\":{\"username\":\""
        + name + "\",\"password\":\"password-" + name + "\"}}").status()).isEqualTo(201);
    return name;
  }

  /** A number written another way: {@code %d} stands for the record's own number. */
  private static String written(String form, long number) {
    String digits = Long.toString(number);
    return form.equals("full-width")
        ? digits.chars().map(c -> c - '0' + '０').collect(StringBuilder::new, StringBuilder::appendCodePoint,
            StringBuilder::append).toString()
        : form.replace("%d", digits);
  }

  /**
   * A record's number in a path or a form is read by one rule on both fronts (Requests.recordNumber):
   * the API took {@code 012}, {@code +12} and full-width digits as record 12 (Long.parseLong reads
   * them) where the pages refused them, and so revoked a client the pages would not have.
   */
  @ParameterizedTest
  @ValueSource(strings = {"0%d", "+%d", "full-width", "%de0", "%d.0", "-1", "0", "1e3", "１２",
      "9223372036854775807", "9223372036854775808", "99999999999999999999"})
  void aRecordNumberWrittenAnotherWay_isNoRecordOnEitherFront(String form) throws Exception {
    String name = newOrganizationAdmin();
    String token = http.login(name, "password-" + name);
    long id = http.postJson("/api/pact/clients", token, "{\"name\":\"BYD purchasing\"}").json().get("id").asLong();
    String bad = URLEncoder.encode(written(form, id), StandardCharsets.UTF_8);

    Http.Resp api = http.send("DELETE", "/api/pact/clients/" + bad, token, null, null);
    assertThat(api.status()).isEqualTo(404);
    assertThat(api.code()).isEqualTo("NOT_FOUND");

    PageSession page = PageSession.signIn(server.url(), name, "password-" + name);
    page.get("/pact");
    HttpResponse<String> revoke = page.post("/pact/clients/" + bad + "/revoke");
    assertThat(revoke.statusCode()).isEqualTo(404);
    assertThat(revoke.body()).contains("There is no such page.");
    HttpResponse<String> add = page.post("/pact/clients", "name", "Geely purchasing", "partner", written(form, id));
    assertThat(add.statusCode()).isEqualTo(400);
    assertThat(add.body()).contains("should hold the number of a record");

    // the client is whole, and only its own number revokes it
    Http.Resp clients = http.get("/api/pact/clients", token);
    assertThat(clients.json().get("clients")).hasSize(1);
    assertThat(clients.json().get("clients").get(0).get("revokedAt").isNull()).isTrue();
    assertThat(http.send("DELETE", "/api/pact/clients/" + id, token, null, null).status()).isEqualTo(204);
  }

  @Test
  void anEmptyRecordNumber_isNoRouteOrNoPartner() throws Exception {
    String name = newOrganizationAdmin();
    String token = http.login(name, "password-" + name);
    assertThat(http.send("DELETE", "/api/pact/clients/", token, null, null).status()).isEqualTo(404);
    PageSession page = PageSession.signIn(server.url(), name, "password-" + name);
    page.get("/pact");
    assertThat(page.post("/pact/clients//revoke").statusCode()).isEqualTo(404);
    // an empty partner field is the form's "no partner": the client is made for none
    assertThat(page.post("/pact/clients", "name", "Geely purchasing", "partner", "").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/pact/clients", token).json().get("clients").get(0).get("partnerId").isNull()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"latin-1", "utf-7", "foo", "ISO-8859-1"})
  void aStudyInAnotherCharset_isRefusedWith415NotA500(String charset) throws IOException {
    String token = http.login("demo", "defects-demo-pw");
    byte[] seed = Files.readAllBytes(Path.of("..", "examples", "seed-003-steel-balls.yaml"));
    Http.Resp post = http.send("POST", "/api/studies", token, "application/yaml; charset=" + charset, seed);
    assertThat(post.status()).isEqualTo(415);
    assertThat(post.code()).isEqualTo("UNSUPPORTED_CHARSET");
    assertThat(post.json().get("message").asText()).contains(charset).contains("UTF-8");
    String id = http.send("POST", "/api/studies", token, "application/yaml; charset=UTF-8", seed).json()
        .get("id").asText();
    Http.Resp put = http.send("PUT", "/api/studies/" + id, token, "application/json;charset=" + charset, seed,
        "If-Match", "\"1\"");
    assertThat(put.status()).isEqualTo(415);
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("incident");
  }

  @Test
  void head_needsATokenAndAStudyThatExists() throws IOException {
    String token = http.login("demo", "defects-demo-pw");
    String id = http.get("/api/studies", token).json().get("studies").get(0).get("id").asText();
    assertThat(http.send("HEAD", "/api/studies", null, null, null).status()).isEqualTo(401);
    assertThat(http.send("HEAD", "/api/studies/" + id, null, null, null).status()).isEqualTo(401);
    assertThat(http.send("HEAD", "/api/studies/" + UUID.randomUUID(), token, null, null).status()).isEqualTo(404);
    assertThat(http.send("HEAD", "/api/studies/" + id + "/result", token, null, null).status()).isEqualTo(200);
    assertThat(http.send("HEAD", "/api/health", null, null, null).status()).isEqualTo(200);
    assertThat(http.send("HEAD", "/studies/" + id, null, null, null).status()).isEqualTo(401);
  }

  @Test
  void wrongCurrentPasswords_areLimitedLikeSignIns() {
    String name = newOrganizationAdmin();
    String token = http.login(name, "password-" + name);
    for (int i = 0; i < 10; i++) {
      Http.Resp r = http.send("PUT", "/api/me/password", token, "application/json",
          ("{\"current\":\"guess-" + i + "\",\"password\":\"a-new-password\"}").getBytes(StandardCharsets.UTF_8));
      assertThat(r.status()).isEqualTo(403);
    }
    Http.Resp limited = http.send("PUT", "/api/me/password", token, "application/json",
        ("{\"current\":\"password-" + name + "\",\"password\":\"a-new-password\"}").getBytes(StandardCharsets.UTF_8));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.code()).isEqualTo("TOO_MANY_ATTEMPTS");
    assertThat(limited.header("Retry-After")).isNotNull();
  }

  @Test
  void theApisHtmlReport_carriesTheReportsOwnPolicy() {
    String token = http.login("demo", "defects-demo-pw");
    String id = http.get("/api/studies", token).json().get("studies").findValues("id").stream()
        .map(n -> n.asText()).filter(s -> http.get("/api/studies/" + s + "/report", token).status() == 200)
        .findFirst().orElseThrow();
    Http.Resp html = http.get("/api/studies/" + id + "/report?format=html", token);
    assertThat(html.header("Content-Security-Policy")).contains("default-src 'none'").contains("frame-ancestors 'none'");
    assertThat(html.header("X-Frame-Options")).isEqualTo("DENY");
  }

  @Test
  void usernamesThatOnlyLookAlike_areRefused() {
    String name = newOrganizationAdmin();
    String token = http.login(name, "password-" + name);
    Http.Resp cyrillic = http.postJson("/api/users", token,
        "{\"username\":\"\u0430dmin\",\"password\":\"member-password\"}");
    assertThat(cyrillic.status()).isEqualTo(400);
    assertThat(cyrillic.code()).isEqualTo("BAD_USERNAME");
    Http.Resp fullWidth = http.postJson("/api/users", token,
        "{\"username\":\"\uff41\uff44\uff4d\uff49\uff4e\",\"password\":\"member-password\"}");
    assertThat(fullWidth.status()).isEqualTo(409);
    assertThat(fullWidth.code()).isEqualTo("USERNAME_TAKEN");
  }

  @Test
  void behindATrustedProxy_cookiesAreSecureOnHttps_andOnlyThen() throws IOException {
    Http.Resp direct = http.send("GET", "/lang/zh?back=/studies", null, null, null, "X-Forwarded-Proto", "https");
    assertThat(direct.header("Set-Cookie")).doesNotContain("Secure");
    try (TanjiServer proxied = TanjiServer.start(ServerConfig.builder(Files.createTempDirectory("tanji-proxy")).port(0)
        .adminPassword("proxy-admin-pw").trustProxy(true).build())) {
      Http p = new Http(proxied.url());
      assertThat(p.send("GET", "/lang/zh?back=/studies", null, null, null, "X-Forwarded-Proto", "https")
          .header("Set-Cookie")).contains("Secure");
      assertThat(p.send("GET", "/lang/zh?back=/studies", null, null, null, "X-Forwarded-Proto", "http")
          .header("Set-Cookie")).doesNotContain("Secure");
    }
  }

  @Test
  void theEditorsFactorSearch_answersWithRowsTheEditorCanUse() throws Exception {
    PageSession browser = PageSession.signIn(server.url(), "demo", "defects-demo-pw");
    HttpResponse<String> found = browser.get("/factors/search?q="
        + URLEncoder.encode("electricity-footprint-2023", StandardCharsets.UTF_8));
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    assertThat(found.body()).contains("data-factor=\"cn-electricity-footprint-2023\"");
  }

  @Test
  void aHundredThousandCharacterName_isAFinding_andEveryExportSaysWhy() throws IOException {
    String token = http.login("demo", "defects-demo-pw");
    String seed = Files.readString(Path.of("..", "examples", "seed-003-steel-balls.yaml"));
    String longName = "钢".repeat(100_000);
    String yaml = seed.replace("name: 锻造耐磨钢球", "name: " + longName);
    assertThat(yaml).contains(longName);
    Http.Resp stored = http.send("POST", "/api/studies", token, "application/yaml",
        yaml.getBytes(StandardCharsets.UTF_8));
    assertThat(stored.status()).isEqualTo(201);
    assertThat(stored.json().get("findings").findValuesAsText("code")).contains("TEXT_TOO_LONG");
    String id = stored.json().get("id").asText();
    Http.Resp xlsx = http.get("/api/studies/" + id + "/file?format=xlsx", token);
    assertThat(xlsx.status()).isEqualTo(409);
    assertThat(xlsx.code()).isEqualTo("NOT_CONVERTIBLE");
    Http.Resp pdf = http.get("/api/studies/" + id + "/report?format=pdf", token);
    assertThat(pdf.status()).isEqualTo(422);
    assertThat(pdf.json().get("findings").findValuesAsText("code")).contains("TEXT_TOO_LONG");
    // the file as sent is kept, byte for byte
    assertThat(http.get("/api/studies/" + id + "/file", token).text()).isEqualTo(yaml);
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("incident");
  }

  @Test
  void thePublicVerificationPage_isLimitedPerAddress_andAMadeUpCodeFindsNothing() throws IOException {
    try (TanjiServer limited = TanjiServer.start(ServerConfig.builder(Files.createTempDirectory("tanji-verify"))
        .port(0).adminPassword("verify-admin-pw").verifyPerMinute(3).build())) {
      Http h = new Http(limited.url());
      for (int i = 0; i < 3; i++) {
        Http.Resp r = h.get("/verify/" + "ab".repeat(16), null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text()).contains("There is no issued report with this code");
      }
      Http.Resp over = h.get("/verify/" + "ab".repeat(16), null);
      assertThat(over.status()).isEqualTo(429);
      assertThat(over.header("Retry-After")).isEqualTo("60");
    }
  }
}

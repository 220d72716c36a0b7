package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web pages over HTTP, without a browser: escaping, CSRF, sessions that expire, organizations
 * kept apart, the editor keeping what the form does not show, and version conflicts that keep the
 * user's input.
 */
class WebPagesTest {

  @TempDir static Path dir;
  static TanjiServer server;
  static MutableClock clock = new MutableClock();

  @BeforeAll
  static void start() {
    server = TanjiServer.start(ServerConfig.builder(dir).port(0).adminPassword("admin-web-password")
        .demo(true, "demo-web-password").tokenTtl(Duration.ofHours(2)).clock(clock).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A browser's worth of cookies, no redirects followed. */
  static final class Session {
    final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String csrf = "";

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher m = Pattern.compile("data-csrf=\"([^\"]*)\"|name=\"_csrf\" value=\"([^\"]*)\"").matcher(r.body());
      if (m.find()) {
        csrf = m.group(1) != null ? m.group(1) : m.group(2);
      }
      return r;
    }

    HttpResponse<String> post(String path, Map<String, String> form, String... headers)
        throws IOException, InterruptedException {
      return post(path, form.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList(), headers);
    }

    /** A form whose fields may repeat (check boxes). */
    HttpResponse<String> post(String path, List<List<String>> fields, String... headers)
        throws IOException, InterruptedException {
      String body = fields.stream().map(f -> enc(f.get(0)) + "=" + enc(f.get(1))).collect(Collectors.joining("&"));
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body));
      for (int i = 0; i < headers.length; i += 2) {
        b.header(headers[i], headers[i + 1]);
      }
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> signIn(String user, String password) throws IOException, InterruptedException {
      get("/login");
      HttpResponse<String> r = post("/login", form("_csrf", csrf, "username", user, "password", password,
          "next", "/studies"));
      get("/studies");
      return r;
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static Map<String, String> form(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  /** A small study in the editor's fields: 10 t × 2 tCO₂e/t = 20,000 kgCO₂e for 4 t: 5,000.00 per t. */
  static Map<String, String> study(String csrf, String name) {
    return form("_csrf", csrf, "_id", "", "_version", "",
        "product.name", name, "product.declaredUnit", "1 t", "product.output", "4 t",
        "study.title", name, "study.period.start", "2024-01-01", "study.period.end", "2024-12-31",
        "factor.origin", "", "factor.key", "steel", "factor.name", "Steel", "factor.value", "2 tCO2e/t",
        "factor.type", "national", "factor.source", "", "factor.year", "",
        "line.origin", "", "line.gases", "", "line.name", name, "line.stage", "raw-materials", "line.amount", "10 t",
        "line.mass", "", "line.distance", "", "line.factor", "steel", "line.activity", "continuous",
        "line.calibration", "compliant", "line.claimed", "", "line.excluded", "", "line.source", "");
  }

  static String location(HttpResponse<?> r) {
    return r.headers().firstValue("Location").orElse("");
  }

  @Test
  void pagesNeedASignInAndComeBackToWhereTheUserWanted() throws Exception {
    Session s = new Session();
    HttpResponse<String> r = s.get("/studies/new");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(location(r)).isEqualTo("/login?next=%2Fstudies%2Fnew");
    s.get("/login?next=%2Fstudies%2Fnew");
    r = s.post("/login", form("_csrf", s.csrf, "username", "demo", "password", "demo-web-password",
        "next", "/studies/new"));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(location(r)).isEqualTo("/studies/new");
    // a "next" that leaves the site goes home instead
    Session t = new Session();
    t.get("/login");
    r = t.post("/login", form("_csrf", t.csrf, "username", "demo", "password", "demo-web-password",
        "next", "//evil.example/x"));
    assertThat(location(r)).isEqualTo("/studies");
  }

  @Test
  void teamPage_adminAddsAUserAndSetsTheirRoles_othersCannot() throws Exception {
    Session admin = new Session();
    admin.signIn("demo", "demo-web-password");
    HttpResponse<String> page = admin.get("/team");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"nav-team\"").contains("id=\"member-demo\"");

    // refused: the form comes back with the reason and the name typed, never the password
    HttpResponse<String> r = admin.post("/team/users", form("_csrf", admin.csrf, "username", "kim",
        "password", "short", "role", "member"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("id=\"team-problem\"").contains("value=\"kim\"").doesNotContain("short");
    assertThat(admin.post("/team/users", form("_csrf", "forged", "username", "kim", "password", "kims-password-1",
        "role", "member")).statusCode()).isEqualTo(403);
    r = admin.post("/team/users", form("_csrf", admin.csrf, "username", "kim", "password", "kims-password-1",
        "role", "member"));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(location(r)).isEqualTo("/team");

    page = admin.get("/team");
    Matcher row = Pattern.compile("id=\"member-kim\">.*?action=\"/team/(\\d+)/roles\"(.*?)</tr>", Pattern.DOTALL)
        .matcher(page.body());
    assertThat(row.find()).isTrue();
    String kim = row.group(1);
    // a new user prepares
    assertThat(row.group(2)).contains("value=\"preparer\" checked").contains("value=\"reviewer\">");

    r = admin.post("/team/" + kim + "/roles", List.of(List.of("_csrf", admin.csrf), List.of("role", "reviewer"),
        List.of("role", "approver")));
    assertThat(r.statusCode()).isEqualTo(303);
    row = Pattern.compile("id=\"member-kim\">(.*?)</tr>", Pattern.DOTALL).matcher(admin.get("/team").body());
    assertThat(row.find()).isTrue();
    assertThat(row.group(1)).contains("value=\"preparer\">").contains("value=\"reviewer\" checked")
        .contains("value=\"approver\" checked");
    assertThat(admin.post("/team/" + kim + "/roles", List.of(List.of("_csrf", admin.csrf),
        List.of("role", "boss"))).statusCode()).isEqualTo(400);

    // a member sees no team page and no link to it
    Session member = new Session();
    member.signIn("kim", "kims-password-1");
    assertThat(member.get("/studies").body()).doesNotContain("nav-team");
    assertThat(member.get("/team").statusCode()).isEqualTo(403);
    assertThat(member.post("/team/" + kim + "/roles", List.of(List.of("_csrf", member.csrf),
        List.of("role", "approver"))).statusCode()).isEqualTo(403);
    // the admin of another organization cannot reach Demo's user: as if there were none
    Session operator = new Session();
    operator.signIn("admin", "admin-web-password");
    assertThat(operator.post("/team/" + kim + "/roles", List.of(List.of("_csrf", operator.csrf),
        List.of("role", "preparer"))).statusCode()).isEqualTo(404);
    assertThat(operator.get("/team").body()).doesNotContain("member-kim");
  }

  @Test
  void cbamPage_footprintBesideSeeAndTheFilledTemplate() throws Exception {
    Session s = new Session();
    s.signIn("demo", "demo-web-password");
    // the demo's steel balls: the study of two versions (as published, then corrected), not the workbook one
    Matcher link = Pattern.compile("href=\"/studies/([0-9a-f-]{36})\" class=\"study-link\">锻造耐磨钢球<")
        .matcher(s.get("/studies").body());
    String id = null;
    while (link.find() && id == null) {
      if (s.get("/studies/" + link.group(1)).body().contains("href=\"/studies/" + link.group(1) + "/cbam?v=2\"")) {
        id = link.group(1);
      }
    }
    assertThat(id).isNotNull();
    HttpResponse<String> page = s.get("/studies/" + id + "/cbam?v=2");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"cbam-form\"");
    // the seed's CBAM example with a supplier's SEE for the round steel: 2.0 direct, 0.4 indirect tCO2e/t
    // from 0.6 MWh/t (the template wants the electricity behind an indirect SEE)
    String cbam = java.nio.file.Files.readString(Path.of("..", "examples", "cbam", "seed-003-steel-balls.cbam.yaml"))
        .replace("    # see: {direct:", "    see: {direct: 2.0 tCO2e/t, indirect: 0.4 tCO2e/t, electricity: 0.6 MWh/t, source: supplier}\n    #");
    HttpResponse<String> r = s.post("/studies/" + id + "/cbam", form("_csrf", s.csrf, "_version", "2", "cbamText", cbam));
    // stored with the version (a draft), then shown from the store
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(location(r)).isEqualTo("/studies/" + id + "/cbam?v=2");
    r = s.get("/studies/" + id + "/cbam?v=2");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("id=\"cbam-stored\"").contains("cbam.yaml, by demo");
    // the CN code comes from the study; direct 44,369.94 t / 43,585.4 t × 2.0 = 2.036; indirect
    // 19,613.43 MWh × 0.6191 / 43,585.4 t + 1.018 × 0.4 = 0.279 + 0.407 = 0.686; total 2.722
    Matcher goods = Pattern.compile("id=\"cbam-goods\">.*?</table>", Pattern.DOTALL).matcher(r.body());
    assertThat(goods.find()).isTrue();
    assertThat(goods.group()).contains("7326 11 00", ">2.036<", ">0.686<", ">2.722<");
    // beside the footprint of 2,821.88 kgCO2e/t: 2.822 tCO2e/t, CBAM minus footprint -0.100
    assertThat(r.body()).contains("Footprint 2.822 tCO₂e/t", "CBAM SEE 2.722 tCO₂e/t", "CBAM minus footprint -0.100");
    assertThat(r.body()).contains("class=\"cbam-steps\"").contains("Transport").contains("Precursor");
    HttpResponse<byte[]> xlsx = s.client.send(java.net.http.HttpRequest.newBuilder(
            URI.create(server.url() + "/studies/" + id + "/cbam/template"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + enc(s.csrf) + "&_version=2&cbamText="
            + enc(cbam))).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(xlsx.statusCode()).as(() -> new String(xlsx.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
    assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
    // the version's report now has the section that puts the footprint beside CBAM
    assertThat(s.get("/studies/" + id + "/report?v=2&lang=en").body()).contains("CBAM minus footprint");

    // without the supplier's SEE: the finding, and no template
    r = s.post("/studies/" + id + "/cbam", form("_csrf", s.csrf, "_version", "2", "cbamText",
        java.nio.file.Files.readString(Path.of("..", "examples", "cbam", "seed-003-steel-balls.cbam.yaml"))));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(s.get("/studies/" + id + "/cbam?v=2").body()).contains("CBAM_PRECURSOR_SEE_MISSING");
    // a file that does not parse is kept too (nothing sent is lost), with its finding; the report has no section
    s.post("/studies/" + id + "/cbam", form("_csrf", s.csrf, "_version", "2", "cbamText", "x: ["));
    assertThat(s.get("/studies/" + id + "/cbam?v=2").body()).contains("PARSE_ERROR");
    assertThat(s.get("/studies/" + id + "/report?v=2&lang=en").body()).doesNotContain("CBAM minus footprint");
    // removed: the form alone again
    assertThat(s.post("/studies/" + id + "/cbam/delete", form("_csrf", s.csrf, "_version", "2")).statusCode())
        .isEqualTo(303);
    assertThat(s.get("/studies/" + id + "/cbam?v=2").body()).doesNotContain("id=\"cbam-stored\"")
        .doesNotContain("PARSE_ERROR");
    // version 1 is no longer the current one: computed and shown, not stored, and the page says why
    r = s.post("/studies/" + id + "/cbam", form("_csrf", s.csrf, "_version", "1", "cbamText", cbam));
    assertThat(r.statusCode()).isEqualTo(200);
    // (version 1, as published, has no CN code for the goods to take: that finding is shown too)
    assertThat(r.body()).contains("id=\"cbam-notice\"").contains("is not the study&#39;s current version (2)")
        .contains("goods[0].cn");
    assertThat(s.get("/studies/" + id + "/cbam?v=1").body()).doesNotContain("id=\"cbam-stored\"");
  }

  /** The CBAM page's upload (multipart), as a browser sends a chosen file, not the text carried on. */
  @Test
  void cbamPage_aFileUploadedThroughTheForm_isStoredUnderItsNameAndComputed() throws Exception {
    // an organization of its own, so that the demo's studies stay as the other tests find them
    Http http = new Http(server.url());
    String org = "cbam-upload";
    assertThat(http.postJson("/api/organizations", http.login("admin", "admin-web-password"), "{\"name\":\"" + org
        + "\",\"admin\":{\"username\":\"" + org + "\",\"password\":\"password-" + org + "\"}}").status())
        .isEqualTo(201);
    Session s = new Session();
    s.signIn(org, "password-" + org);
    s.get("/studies");
    HttpResponse<String> made = upload(s, "/studies/upload", "seed-003-steel-balls.yaml",
        java.nio.file.Files.readAllBytes(Path.of("..", "examples", "seed-003-steel-balls.yaml")));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(303);
    Matcher study = Pattern.compile("/studies/([0-9a-f-]{36})").matcher(location(made));
    assertThat(study.find()).isTrue();
    String id = study.group(1);
    s.get("/studies/" + id + "/cbam?v=1");
    // as cbamPage_footprintBesideSeeAndTheFilledTemplate: a supplier's SEE of 2.0 direct for the round steel
    byte[] cbam = java.nio.file.Files.readString(Path.of("..", "examples", "cbam", "seed-003-steel-balls.cbam.yaml"))
        .replace("    # see: {direct:", "    see: {direct: 2.0 tCO2e/t, indirect: 0.4 tCO2e/t, electricity: 0.6 MWh/t, source: supplier}\n    #")
        .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> r = upload(s, "/studies/" + id + "/cbam", "plant.cbam.yaml", cbam, "_version", "1");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    assertThat(location(r)).isEqualTo("/studies/" + id + "/cbam?v=1");
    r = s.get("/studies/" + id + "/cbam?v=1");
    assertThat(r.body()).contains("id=\"cbam-stored\"").contains("plant.cbam.yaml, by " + org);
    Matcher goods = Pattern.compile("id=\"cbam-goods\">.*?</table>", Pattern.DOTALL).matcher(r.body());
    assertThat(goods.find()).isTrue();
    // 44,369.94 t × 2.0 / 43,585.4 t = 2.036 direct; total 2.722 (worked out in the test above)
    assertThat(goods.group()).contains("7326 11 00", ">2.036<", ">0.686<", ">2.722<");
    assertThat(r.body()).contains("CBAM minus footprint -0.100");
    // the seed books no fuel: its direct-emissions row has no line and is named by its kind, as in the report
    assertThat(r.body()).contains("<tr><td>Direct emissions</td><td>Direct emissions</td>")
        .doesNotContain("<td>electricity</td>");
    // what was stored is the file as sent
    Http.Resp file = http.get("/api/studies/" + id + "/versions/1/cbam/file", http.login(org, "password-" + org));
    assertThat(file.body()).isEqualTo(cbam);
  }

  @Test
  void aWrongPasswordSaysSoAndKeepsTheName() throws Exception {
    Session s = new Session();
    s.get("/login");
    HttpResponse<String> r = s.post("/login", form("_csrf", s.csrf, "username", "demo", "password", "wrong-one!!"));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("value=\"demo\"").contains("role=\"alert\"");
  }

  @Test
  void aScriptInAStudysNameIsShownAsText() throws Exception {
    Session s = new Session();
    s.signIn("demo", "demo-web-password");
    String evil = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    HttpResponse<String> r = s.post("/studies/new", study(s.csrf, evil));
    assertThat(r.statusCode()).isEqualTo(303);
    String result = s.get(location(r)).body();
    String dashboard = s.get("/studies").body();
    for (String page : List.of(result, dashboard)) {
      assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x")
          .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
    assertThat(result).contains("5,000.00"); // 20,000 kgCO2e / 4 t
    HttpResponse<String> page = s.get(location(r));
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
  }

  @Test
  void formsWithoutTheSessionsTokenOrFromAnotherSiteAreRefused() throws Exception {
    Session s = new Session();
    s.signIn("demo", "demo-web-password");
    int before = s.get("/studies").body().split("study-link").length;
    HttpResponse<String> r = s.post("/studies/new", study("not-the-token", "Forged"));
    assertThat(r.statusCode()).isEqualTo(403);
    r = s.post("/studies/new", study(s.csrf, "Cross-site"), "Origin", "https://evil.example");
    assertThat(r.statusCode()).isEqualTo(403);
    // the same host over https (TLS ended at a proxy) is this site
    String host = server.url().substring("http://".length());
    r = s.post("/studies/new", study(s.csrf, "Behind a proxy"), "Origin", "https://" + host);
    assertThat(r.statusCode()).isEqualTo(303);
    before++;
    // another session's token is not this session's
    Session other = new Session();
    other.signIn("demo", "demo-web-password");
    r = s.post("/studies/new", study(other.csrf, "Other token"));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(s.get("/studies").body().split("study-link")).hasSize(before);
    // and sign-in itself needs the sign-in form's token
    Session fresh = new Session();
    r = fresh.post("/login", form("username", "demo", "password", "demo-web-password"));
    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void sessionsExpire() throws Exception {
    Session s = new Session();
    s.signIn("demo", "demo-web-password");
    assertThat(s.get("/studies").statusCode()).isEqualTo(200);
    clock.advance(Duration.ofHours(2).plusSeconds(1)); // later sessions are issued at the new time
    HttpResponse<String> r = s.get("/studies");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(location(r)).startsWith("/login?expired=1");
    assertThat(s.get(location(r)).body()).contains("Your session has expired");
  }

  @Test
  void anotherOrganizationsStudyIsNotFound() throws Exception {
    Session demo = new Session();
    demo.signIn("demo", "demo-web-password");
    String id = firstStudy(demo.get("/studies").body());
    Session admin = new Session();
    admin.signIn("admin", "admin-web-password");
    for (String path : List.of("", "/edit", "/versions", "/file", "/report?format=pdf")) {
      assertThat(admin.get("/studies/" + id + path).statusCode()).as(path).isEqualTo(404);
    }
    assertThat(demo.get("/studies/" + id).statusCode()).isEqualTo(200);
  }

  /**
   * A form with the session's token, the given fields (name, value, …) and a file, as the browser
   * sends the page's upload.
   */
  static HttpResponse<String> upload(Session s, String path, String fileName, byte[] content, String... fields)
      throws Exception {
    String boundary = "tanji-test-boundary";
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + s.csrf + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < fields.length; i += 2) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
          + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return s.client.send(HttpRequest.newBuilder(URI.create(server.url() + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void supplierFootprintsPage_importsAndListsTheOrganizationsOwn() throws Exception {
    Session demo = new Session();
    demo.signIn("demo", "demo-web-password");
    assertThat(demo.get("/factors/pact").body()).contains("id=\"pact-none\"");
    byte[] pact = java.nio.file.Files.readAllBytes(Path.of("..", "testdata", "pact", "example-3.json"));
    HttpResponse<String> r = upload(demo, "/factors/pact", "example-3.json", pact);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("Imported: pact-8b26f3b8-f5d9-4adf-8a11-02e05d273e58")
        .contains("<td>Company 3</td>").contains("77 kgCO2e/piece").contains("2024-12-31 – 2027-12-30");
    assertThat(demo.get("/factors/pact").body()).contains("pact-8b26f3b8-f5d9-4adf-8a11-02e05d273e58");

    HttpResponse<String> bad = upload(demo, "/factors/pact", "old.json",
        new String(pact, StandardCharsets.UTF_8).replace("\"3.0.0\"", "\"2.2.0\"").getBytes(StandardCharsets.UTF_8));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("PACT_SPEC_VERSION");

    Session admin = new Session();
    admin.signIn("admin", "admin-web-password");
    assertThat(admin.get("/factors/pact").body()).contains("id=\"pact-none\"").doesNotContain("Company 3");
    HttpResponse<String> forged = upload(new Session(), "/factors/pact", "example-3.json", pact);
    assertThat(forged.statusCode()).isNotEqualTo(200);
    // another organization cannot remove it; its own members can
    String remove = "/factors/pact/pact-8b26f3b8-f5d9-4adf-8a11-02e05d273e58/remove";
    assertThat(admin.post(remove, form("_csrf", admin.csrf)).statusCode()).isEqualTo(404);
    HttpResponse<String> removed = demo.post(remove, form("_csrf", demo.csrf));
    assertThat(removed.statusCode()).isEqualTo(303);
    assertThat(demo.get("/factors/pact").body()).contains("id=\"pact-none\"");
  }

  static String firstStudy(String dashboard) {
    Matcher m = Pattern.compile("href=\"/studies/([0-9a-f-]{36})\"").matcher(dashboard);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void theEditorKeepsWhatTheFormDoesNotShowAndSavesANewVersion() throws Exception {
    Session s = new Session();
    s.signIn("demo", "demo-web-password");
    // the corrected steel-ball study: evidence, sources and quality levels the form does not all show
    String id = studyWithFile(s, "seed-003-steel-balls.yaml");
    String edit = s.get("/studies/" + id + "/edit").body();
    assertThat(edit).contains("value=\"44369.94 t\"");
    Map<String, List<String>> fields = formFields(edit);
    fields.put("line.amount", replaceFirst(fields.get("line.amount"), "65.38 t", "70 t"));
    HttpResponse<String> r = post(s, "/studies/" + id + "/edit", fields);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(location(r)).isEqualTo("/studies/" + id);
    String yaml = s.get("/studies/" + id + "/file?format=yaml").body();
    assertThat(yaml).contains("70 t").contains("企业营业执照").contains("《生产运行统计》")
        .contains("creditCode").doesNotContain("65.38 t");
    String diff = s.get("/studies/" + id + "/versions?a=2&b=3").body();
    assertThat(diff).contains("吨袋").contains("65.38 t").contains("70 t");
    // saving the same form again (opened at version 2) is a conflict: the input stays on the page
    fields.put("line.amount", replaceFirst(fields.get("line.amount"), "70 t", "71 t"));
    r = post(s, "/studies/" + id + "/edit", fields);
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.body()).contains("value=\"71 t\"").contains("id=\"conflict\"");
  }

  static String studyWithFile(Session s, String file) throws Exception {
    String dashboard = s.get("/studies").body();
    Matcher m = Pattern.compile("href=\"/studies/([0-9a-f-]{36})\" class=\"study-link\">[^<]*</a><br><span[^>]*>"
        + Pattern.quote(file)).matcher(dashboard);
    assertThat(m.find()).as(file + " on the dashboard").isTrue();
    return m.group(1);
  }

  static List<String> replaceFirst(List<String> values, String from, String to) {
    List<String> out = new java.util.ArrayList<>(values);
    assertThat(out).contains(from);
    out.set(out.indexOf(from), to);
    return out;
  }

  /** Every input and select of the editor's form, in page order, with its value as the browser would send it. */
  static Map<String, List<String>> formFields(String html) {
    String form = html.substring(html.indexOf("<form method=\"post\" action=\"/studies/"),
        html.indexOf("<template id=\"factor-template\">"));
    String lines = html.substring(html.indexOf("<table class=\"rows\" id=\"line-table\">"),
        html.indexOf("<template id=\"line-template\">"));
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String part : List.of(form, lines)) {
      Matcher m = Pattern.compile("<input (?:type=\"hidden\" )?name=\"([^\"]+)\" value=\"([^\"]*)\""
          + "|<select name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(part);
      while (m.find()) {
        if (m.group(1) != null) {
          out.computeIfAbsent(m.group(1), k -> new java.util.ArrayList<>()).add(unescape(m.group(2)));
        } else {
          Matcher sel = Pattern.compile("<option value=\"([^\"]*)\" selected>").matcher(m.group(4));
          out.computeIfAbsent(m.group(3), k -> new java.util.ArrayList<>()).add(sel.find() ? unescape(sel.group(1)) : "");
        }
      }
    }
    return out;
  }

  static String unescape(String s) {
    return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  static HttpResponse<String> post(Session s, String path, Map<String, List<String>> fields) throws Exception {
    String body = fields.entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
        .collect(Collectors.joining("&"));
    return s.client.send(HttpRequest.newBuilder(URI.create(server.url() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aWrongReportOrFileParameterIsAPageSayingWhatIsAllowed() throws Exception {
    Session s = new Session();
    s.signIn("demo", "demo-web-password");
    String id = firstStudy(s.get("/studies").body());
    HttpResponse<String> r = s.get("/studies/" + id + "/report?format=odt");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("id=\"error-message\"").contains("odt").doesNotContain("Exception");
    r = s.get("/studies/" + id + "/report?format=pdf&lang=fr");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("fr");
    r = s.get("/studies/" + id + "/file?format=csv");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("csv");
    assertThat(s.get("/studies/" + id + "?v=99").statusCode()).isEqualTo(404);
    assertThat(s.get("/studies/not-a-study").statusCode()).isEqualTo(404);
  }

  @Test
  void theLanguageChoiceSticks() throws Exception {
    Session s = new Session();
    s.signIn("demo", "demo-web-password");
    HttpResponse<String> r = s.get("/lang/zh?back=%2Fstudies");
    assertThat(location(r)).isEqualTo("/studies");
    assertThat(s.get("/studies").body()).contains("<html lang=\"zh-CN\">").contains("单位产品碳足迹");
    assertThat(s.get("/studies/new").body()).contains("新建研究");
    s.get("/lang/en?back=https://evil.example");
    assertThat(s.get("/studies").body()).contains("<html lang=\"en\">").contains("Footprint per declared unit");
  }

  @Test
  void theLiveCheckPlacesFindingsOnTheFields() throws Exception {
    Session s = new Session();
    s.signIn("demo", "demo-web-password");
    Map<String, String> f = study(s.csrf, "Check");
    f.put("line.amount", "10 tons");
    HttpResponse<String> r = s.post("/studies/check", f);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"where\":\"inventory[0].amount\"").contains("UNKNOWN_UNIT")
        .contains("\"perUnit\":null");
    f.put("line.amount", "10 t");
    assertThat(s.post("/studies/check", f).body()).contains("\"perUnit\":\"5,000.00\"");
    // a key given to two factors cannot become a file: said at the key, nothing stored
    Map<String, String> twice = new LinkedHashMap<>(f);
    String body = twice.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&")) + "&factor.origin=&factor.key=steel&factor.name=&factor.value=3+t"
        + "&factor.type=&factor.source=&factor.year=";
    HttpResponse<String> dup = s.client.send(HttpRequest.newBuilder(URI.create(server.url() + "/studies/new"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(dup.statusCode()).isEqualTo(422);
    assertThat(dup.body()).contains("factors#1.key").contains("value=\"3 t\"");
  }

  @Test
  void staticFilesAndBrowserLibrariesAreServed() throws Exception {
    Session s = new Session();
    assertThat(s.get("/static/tanji.js").statusCode()).isEqualTo(200);
    String page = s.get("/login").body();
    Matcher m = Pattern.compile("src=\"(/webjars/[^\"]+)\"").matcher(page);
    assertThat(m.find()).isTrue();
    assertThat(s.get(m.group(1)).statusCode()).isEqualTo(200);
  }
}

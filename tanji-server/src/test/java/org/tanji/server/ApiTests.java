package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tanji.core.i18n.Messages;
import org.tanji.io.ReadResult;
import org.tanji.io.ResultJson;
import org.tanji.io.StudyFiles;
import org.tanji.io.StudyFormat;
import org.tanji.io.StudyWriter;
import org.tanji.server.http.Api;

/**
 * The API end to end over HTTP, against a real database: H2 and PostgreSQL run the same tests
 * (subclasses). Each test makes its own organizations, so the order of tests does not matter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTests {

  static final String ADMIN_PASSWORD = "operator-secret-1";
  static final Path EXAMPLES = Path.of("..", "examples");
  static final String YAML = "application/yaml";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  final MutableClock clock = new MutableClock();
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  Path dataDir;
  String dbUrl;
  TanjiServer server;
  Http http;
  String operator;

  /** The database to run on: a JDBC URL, or null for embedded H2 in the data folder. */
  abstract String databaseUrl();

  abstract String expectedProduct();

  @BeforeAll
  void start() throws IOException {
    dataDir = Files.createTempDirectory("tanji-api");
    dbUrl = databaseUrl();
    server = TanjiServer.start(config().build());
    http = new Http(server.url());
  }

  ServerConfig.Builder config() {
    return ServerConfig.builder(dataDir).port(0).database(dbUrl, null, null)
        .adminPassword(ADMIN_PASSWORD).clock(clock).loginsPerMinute(100_000)
        .maxRequestBytes(2L * 1024 * 1024).log(new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @BeforeEach
  void signIn() {
    operator = http.login("admin", ADMIN_PASSWORD);
  }

  // ---- helpers

  /** A new organization with its admin signed in: the admin's token. */
  String newOrganization() {
    String name = "org-" + UUID.randomUUID().toString().substring(0, 8);
    String user = name + "-admin";
    Http.Resp r = http.postJson("/api/organizations", operator,
        "{\"name\":\"" + name + "\",\"admin\":{\"username\":\"" + user + "\",\"password\":\"password-" + name + "\"}}");
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return http.login(user, "password-" + name);
  }

  static byte[] example(String name) {
    try {
      return Files.readAllBytes(EXAMPLES.resolve(name));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  Http.Resp post(String token, String type, byte[] body) {
    return http.send("POST", "/api/studies", token, type, body);
  }

  /** Stores a study and returns its id. */
  String create(String token, byte[] yaml) {
    Http.Resp r = post(token, YAML, yaml);
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  Http.Resp put(String token, String id, String ifMatch, byte[] yaml) {
    return ifMatch == null
        ? http.send("PUT", "/api/studies/" + id, token, YAML, yaml)
        : http.send("PUT", "/api/studies/" + id, token, YAML, yaml, "If-Match", ifMatch);
  }

  /** What {@code tanji calc --json} prints for a file: the same reader, calculator and writer. */
  static String calcJson(byte[] bytes, StudyFormat format) {
    ReadResult read = StudyFiles.read(bytes, format, "study." + format.name().toLowerCase());
    String lang = read.study() == null ? null : read.study().info().language();
    return ResultJson.toJson(read.calculate(), Messages.locale(lang)) + "\n";
  }

  static void assertNoInternals(Http.Resp r) {
    assertThat(r.text()).doesNotContain("Exception", "at org.", "at io.", "SQL", "jdbc", "Jetty", "javalin");
  }

  // ---- a version's CBAM file

  @Test
  void cbam_storedWithTheDraft_computedAsTheCliDoes_thenRemoved() throws IOException {
    String token = newOrganization();
    String id = create(token, example("seed-003-steel-balls.yaml"));
    String path = "/api/studies/" + id + "/versions/1/cbam";
    assertThat(http.get(path, token).status()).isEqualTo(404);
    String report = "/api/studies/" + id + "/versions/1/report?lang=en";
    String before = http.get(report, token).header("ETag");
    // seed 003's CBAM file with a supplier's SEE for the round steel (WebPagesTest works out 2.036 direct)
    byte[] cbam = Files.readString(EXAMPLES.resolve("cbam/seed-003-steel-balls.cbam.yaml"))
        .replace("    # see: {direct:", "    see: {direct: 2.0 tCO2e/t, indirect: 0.4 tCO2e/t, electricity: 0.6 MWh/t, source: supplier}\n    #")
        .getBytes(StandardCharsets.UTF_8);
    Http.Resp stored = http.send("PUT", path, token, YAML, cbam);
    assertThat(stored.status()).as(stored.text()).isEqualTo(200);
    assertThat(stored.json().at("/goods/0/seeDirect_tCO2e_per_t").asDouble())
        .isCloseTo(2.036, org.assertj.core.data.Offset.offset(0.0005));
    assertThat(http.get(path, token).json()).isEqualTo(stored.json());
    // the report changed with it: a cached copy is not answered 304, and the new one has the section
    Http.Resp withCbam = http.get(report, token, "If-None-Match", before);
    assertThat(withCbam.status()).isEqualTo(200);
    assertThat(withCbam.header("ETag")).isNotEqualTo(before);
    assertThat(withCbam.text()).contains("CBAM minus footprint");
    Http.Resp file = http.get(path + "/file", token);
    assertThat(file.body()).isEqualTo(cbam);
    assertThat(file.header("ETag")).isEqualTo(stored.header("ETag"));
    // another organization sees no such study
    assertThat(http.get(path, newOrganization()).status()).isEqualTo(404);
    // removed: 204, then 404 with the code
    assertThat(http.send("DELETE", path, token, null, null).status()).isEqualTo(204);
    assertThat(http.get(report, token, "If-None-Match", before).status()).isEqualTo(304);
    Http.Resp gone = http.get(path, token);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.json().get("code").asText()).isEqualTo("NO_CBAM");
    assertNoInternals(gone);

    // stored again, then the next version of the study starts with a copy; version 1 keeps its own
    assertThat(http.send("PUT", path, token, YAML, cbam).status()).isEqualTo(200);
    assertThat(put(token, id, "\"1\"", example("seed-003-steel-balls.yaml")).status()).isEqualTo(200);
    String next = "/api/studies/" + id + "/versions/2/cbam";
    assertThat(http.get(next + "/file", token).body()).isEqualTo(cbam);
    assertThat(http.get(next, token).json()).isEqualTo(stored.json());
    Http.Resp frozen = http.send("PUT", path, token, YAML, cbam);
    assertThat(frozen.status()).isEqualTo(409);
    assertThat(frozen.code()).isEqualTo("CBAM_FROZEN");
    assertThat(frozen.json().get("message").asText()).contains("not the study's current version (2)");
  }

  @Test
  void cbam_aFormInAnyCaseKeepsItsFileName_aBodyWithoutOneIsCalledCbam() throws IOException {
    String token = newOrganization();
    String id = create(token, example("seed-003-steel-balls.yaml"));
    String path = "/api/studies/" + id + "/versions/1/cbam";
    byte[] cbam = Files.readAllBytes(EXAMPLES.resolve("cbam/seed-003-steel-balls.cbam.yaml"));
    // media types are case-insensitive: a form typed in capitals is a form, and its file keeps its name
    Http.Resp upper = http.send("PUT", path, token, "Multipart/Form-Data; boundary=XyZ",
        multipart("XyZ", "plant.cbam.yaml", cbam));
    assertThat(upper.status()).as(upper.text()).isEqualTo(200);
    assertThat(http.get(path + "/file", token).header("Content-Disposition")).contains("plant.cbam.yaml");
    // a part without a file name, and a raw body, are the CBAM file, never study.yaml
    Http.Resp unnamed = http.send("PUT", path, token, "multipart/form-data; boundary=XyZ", multipart("XyZ", "", cbam));
    assertThat(unnamed.status()).as(unnamed.text()).isEqualTo(200);
    assertThat(http.get(path + "/file", token).header("Content-Disposition")).contains("cbam.yaml")
        .doesNotContain("study");
    assertThat(http.send("PUT", path, token, "application/json", "{\"tanji-cbam\": 1}".getBytes(StandardCharsets.UTF_8)).status())
        .isEqualTo(200);
    assertThat(http.get(path + "/file", token).header("Content-Disposition")).contains("cbam.json")
        .doesNotContain("study");
  }

  // ---- health, sign-in, tokens

  @Test
  void healthAnswersWithoutToken() {
    Http.Resp r = http.get("/api/health", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("status").asText()).isEqualTo("ok");
    assertThat(r.json().get("database").asText()).isEqualTo(expectedProduct());
  }

  @Test
  void everyOtherRouteAnswers401WithoutAValidToken() {
    for (Api.Route route : Api.ROUTES) {
      if (route.open()) {
        continue;
      }
      String path = route.path().replace("{id}", UUID.randomUUID().toString()).replace("{n}", "1");
      Http.Resp none = http.send(route.method(), path, null, YAML, "a: 1".getBytes(StandardCharsets.UTF_8));
      assertThat(none.status()).as(route.toString()).isEqualTo(401);
      assertThat(none.code()).isEqualTo("AUTH_REQUIRED");
      assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
      Http.Resp forged = http.send(route.method(), path, "forged-token", YAML, "a: 1".getBytes(StandardCharsets.UTF_8));
      assertThat(forged.status()).as(route.toString()).isEqualTo(401);
      assertThat(forged.code()).isEqualTo("TOKEN_INVALID");
    }
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSameAnswer() {
    Http.Resp wrong = http.postJson("/api/login", null, "{\"username\":\"admin\",\"password\":\"not-the-password\"}");
    Http.Resp unknown = http.postJson("/api/login", null, "{\"username\":\"nobody-" + UUID.randomUUID()
        + "\",\"password\":\"not-the-password\"}");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.text()).isEqualTo(unknown.text());
    assertThat(wrong.json().get("message").asText()).isEqualTo("Wrong username or password.");
    Http.Resp zh = http.send("POST", "/api/login", null, "application/json",
        "{\"username\":\"admin\",\"password\":\"x\"}".getBytes(StandardCharsets.UTF_8), "Accept-Language", "zh-CN,zh;q=0.9");
    assertThat(zh.json().get("message").asText()).isEqualTo("用户名或密码错误。");
  }

  @Test
  void loginBodyMustBeJsonWithBothFields() {
    Http.Resp notJson = http.postJson("/api/login", null, "{username: admin");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.code()).isEqualTo("BAD_JSON");
    assertNoInternals(notJson);
    Http.Resp noPassword = http.postJson("/api/login", null, "{\"username\":\"admin\"}");
    assertThat(noPassword.status()).isEqualTo(400);
    assertThat(noPassword.json().get("message").asText()).contains("\"password\"");
  }

  @Test
  void failedSignInsOfOneUserAreLimited() {
    String token = newOrganization();
    String member = "limited-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(http.postJson("/api/users", token, "{\"username\":\"" + member
        + "\",\"password\":\"right-password\"}").status()).isEqualTo(201);
    for (int i = 0; i < 10; i++) {
      assertThat(http.postJson("/api/login", null, "{\"username\":\"" + member + "\",\"password\":\"guess-" + i + "\"}")
          .status()).isEqualTo(401);
    }
    Http.Resp limited = http.postJson("/api/login", null,
        "{\"username\":\"" + member + "\",\"password\":\"right-password\"}");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.code()).isEqualTo("TOO_MANY_ATTEMPTS");
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 15 * 60);
    clock.advance(Duration.ofMinutes(16));
    assertThat(http.login(member, "right-password")).isNotBlank();
  }

  @Test
  void tokensExpireAndSignOutEndsThem() {
    String token = http.login("admin", ADMIN_PASSWORD);
    assertThat(http.get("/api/me", token).status()).isEqualTo(200);
    clock.advance(ServerConfig.DEFAULT_TOKEN_TTL.plusSeconds(1));
    Http.Resp expired = http.get("/api/me", token);
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.code()).isEqualTo("TOKEN_EXPIRED");

    String fresh = http.login("admin", ADMIN_PASSWORD);
    assertThat(http.send("POST", "/api/logout", fresh, null, null).status()).isEqualTo(204);
    assertThat(http.get("/api/me", fresh).code()).isEqualTo("TOKEN_INVALID");
  }

  @Test
  void passwordChangeEndsOtherSignIns() {
    String token = newOrganization();
    JsonNode me = http.get("/api/me", token).json();
    String user = me.get("username").asText();
    String other = http.login(user, "password-" + me.get("organization").get("name").asText());
    Http.Resp wrong = http.send("PUT", "/api/me/password", token, "application/json",
        "{\"current\":\"nope\",\"password\":\"a-new-password\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(wrong.status()).isEqualTo(403);
    Http.Resp ok = http.send("PUT", "/api/me/password", token, "application/json",
        ("{\"current\":\"password-" + me.get("organization").get("name").asText()
            + "\",\"password\":\"a-new-password\"}").getBytes(StandardCharsets.UTF_8));
    assertThat(ok.status()).as(ok.text()).isEqualTo(204);
    assertThat(http.get("/api/me", token).status()).isEqualTo(200);
    assertThat(http.get("/api/me", other).status()).isEqualTo(401);
    assertThat(http.login(user, "a-new-password")).isNotBlank();
  }

  // ---- users and organizations

  @Test
  void adminsManageTheirOrganizationsUsers() {
    String admin = newOrganization();
    String member = "member-" + UUID.randomUUID().toString().substring(0, 8);
    Http.Resp created = http.postJson("/api/users", admin, "{\"username\":\"" + member
        + "\",\"password\":\"member-password\",\"role\":\"member\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(http.postJson("/api/users", admin, "{\"username\":\"" + member.toUpperCase()
        + "\",\"password\":\"member-password\"}").code()).isEqualTo("USERNAME_TAKEN");
    assertThat(http.postJson("/api/users", admin, "{\"username\":\"x-" + member
        + "\",\"password\":\"short\"}").code()).isEqualTo("BAD_PASSWORD");
    assertThat(http.postJson("/api/users", admin, "{\"username\":\"y-" + member
        + "\",\"password\":\"member-password\",\"role\":\"owner\"}").code()).isEqualTo("BAD_ROLE");
    assertThat(http.postJson("/api/users", admin, "{\"username\":\"a b\",\"password\":\"member-password\"}").code())
        .isEqualTo("BAD_USERNAME");

    String memberToken = http.login(member, "member-password");
    assertThat(http.get("/api/users", memberToken).status()).isEqualTo(403);
    assertThat(http.postJson("/api/users", memberToken, "{\"username\":\"z-" + member
        + "\",\"password\":\"member-password\"}").status()).isEqualTo(403);
    assertThat(http.get("/api/organizations", admin).status()).isEqualTo(403);
    JsonNode users = http.get("/api/users", admin).json().get("users");
    assertThat(users).hasSize(2);
    assertThat(http.get("/api/me", memberToken).json().get("role").asText()).isEqualTo("member");
    // a member works on studies like anyone else
    assertThat(post(memberToken, YAML, example("seed-003-steel-balls.yaml")).status()).isEqualTo(201);
  }

  // ---- studies

  @Test
  void resultIsExactlyTheJsonOfCalc() {
    String token = newOrganization();
    byte[] seed = example("seed-003-steel-balls.yaml");
    Http.Resp created = post(token, YAML, seed);
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.header("Location")).isEqualTo("/api/studies/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(created.json().get("version").asInt()).isEqualTo(1);
    assertThat(created.json().get("errors").asInt()).isZero();
    // seed 003's footprint, by hand in DOMAIN.md: 2,821.88 kgCO2e per t
    assertThat(created.json().get("perUnit_kgCO2e").asDouble()).isCloseTo(2821.88, org.assertj.core.data.Offset.offset(0.005));

    Http.Resp result = http.get("/api/studies/" + id + "/result", token);
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.header("Content-Type")).startsWith("application/json");
    assertThat(result.text()).isEqualTo(calcJson(seed, StudyFormat.YAML));
    assertThat(result.json().get("dataQuality").get("grade").asInt()).isEqualTo(2);

    Http.Resp english = http.get("/api/studies/" + id + "/result?lang=en", token);
    assertThat(english.json().get("perUnit_kgCO2e")).isEqualTo(result.json().get("perUnit_kgCO2e"));
    Http.Resp again = http.get("/api/studies/" + id + "/result", token, "If-None-Match", result.header("ETag"));
    assertThat(again.status()).isEqualTo(304);
    assertThat(http.get("/api/studies/" + id + "/result?lang=fr", token).code()).isEqualTo("BAD_LANG");
  }

  @Test
  void jsonAndWorkbookUploadsComputeTheSameAsYaml() throws IOException {
    String token = newOrganization();
    byte[] seed = example("seed-003-steel-balls.yaml");
    ReadResult read = StudyFiles.read(seed, StudyFormat.YAML, "seed.yaml");
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    StudyWriter.write(read.study(), StudyFormat.JSON, json);
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    StudyWriter.write(read.study(), StudyFormat.XLSX, xlsx);
    double yamlPerUnit = post(token, YAML, seed).json().get("perUnit_kgCO2e").asDouble();

    Http.Resp j = post(token, "application/json", json.toByteArray());
    assertThat(j.status()).isEqualTo(201);
    assertThat(j.json().get("format").asText()).isEqualTo("json");
    assertThat(j.json().get("perUnit_kgCO2e").asDouble()).isEqualTo(yamlPerUnit);

    Http.Resp x = post(token, XLSX, xlsx.toByteArray());
    assertThat(x.status()).as(x.text()).isEqualTo(201);
    assertThat(x.json().get("format").asText()).isEqualTo("xlsx");
    assertThat(x.json().get("perUnit_kgCO2e").asDouble()).isEqualTo(yamlPerUnit);

    Http.Resp form = http.send("POST", "/api/studies", token, "multipart/form-data; boundary=XyZ",
        multipart("XyZ", "钢球.xlsx", xlsx.toByteArray()));
    assertThat(form.status()).as(form.text()).isEqualTo(201);
    assertThat(form.json().get("fileName").asText()).isEqualTo("钢球.xlsx");
    assertThat(form.json().get("perUnit_kgCO2e").asDouble()).isEqualTo(yamlPerUnit);
    String id = form.json().get("id").asText();
    Http.Resp file = http.get("/api/studies/" + id + "/file", token);
    assertThat(file.body()).isEqualTo(xlsx.toByteArray());
    assertThat(file.header("Content-Disposition")).contains("filename*=UTF-8''%E9%92%A2%E7%90%83.xlsx");
    Http.Resp asYaml = http.get("/api/studies/" + id + "/file?format=yaml", token);
    assertThat(asYaml.status()).isEqualTo(200);
    assertThat(calcJson(asYaml.body(), StudyFormat.YAML)).isEqualTo(calcJson(seed, StudyFormat.YAML));

    // a type that leaves it to the content: JSON or YAML by the first character, a workbook by its bytes
    Http.Resp octetJson = post(token, "application/octet-stream", json.toByteArray());
    assertThat(octetJson.json().get("format").asText()).isEqualTo("json");
    assertThat(octetJson.json().get("perUnit_kgCO2e").asDouble()).isEqualTo(yamlPerUnit);
    assertThat(post(token, "application/octet-stream", seed).json().get("format").asText()).isEqualTo("yaml");
    assertThat(post(token, "application/octet-stream", xlsx.toByteArray()).json().get("format").asText())
        .isEqualTo("xlsx");
    assertThat(post(token, "text/plain", seed).status()).isEqualTo(415);
    assertThat(post(token, YAML, new byte[0]).code()).isEqualTo("EMPTY_BODY");
    assertThat(http.send("POST", "/api/studies", token, "multipart/form-data; boundary=XyZ",
        "--XyZ--\r\n".getBytes(StandardCharsets.UTF_8)).code()).isEqualTo("NO_FILE");
    Http.Resp malformed = http.send("POST", "/api/studies", token, "multipart/form-data; boundary=XyZ",
        "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.yaml\"\r\n\r\nno end"
            .getBytes(StandardCharsets.UTF_8));
    assertThat(malformed.status()).as(() -> malformed.text() + log.toString(StandardCharsets.UTF_8)).isEqualTo(400);
    assertThat(malformed.code()).isEqualTo("BAD_REQUEST");
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("incident");
    Http.Resp docx = http.get("/api/studies/" + id + "/file?format=docx", token);
    assertThat(docx.code()).isEqualTo("BAD_FORMAT");
    assertThat(docx.json().get("message").asText()).contains("yaml, json or xlsx");
  }

  static byte[] multipart(String boundary, String fileName, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @Test
  void studyWithErrorsIsStoredAndItsResultCarriesTheFindings() {
    String token = newOrganization();
    byte[] wrong = example("seed-003-transport-in-km.yaml");
    Http.Resp created = post(token, YAML, wrong);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("errors").asInt()).isPositive();
    assertThat(created.json().get("perUnit_kgCO2e").isNull()).isTrue();
    assertThat(codes(created.json().get("findings"))).contains("UNIT_MISMATCH");
    String id = created.json().get("id").asText();

    Http.Resp result = http.get("/api/studies/" + id + "/result", token);
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.text()).isEqualTo(calcJson(wrong, StudyFormat.YAML));
    assertThat(result.json().get("perUnit_kgCO2e").isNull()).isTrue();
    assertThat(codes(result.json().get("findings"))).contains("UNIT_MISMATCH");

    Http.Resp report = http.get("/api/studies/" + id + "/report?format=pdf", token);
    assertThat(report.status()).isEqualTo(422);
    assertThat(report.code()).isEqualTo("STUDY_HAS_ERRORS");
    assertThat(report.header("ETag")).isNull(); // an error is not kept by caches
    assertThat(report.header("Cache-Control")).isEqualTo("no-store");
    assertThat(codes(report.json().get("findings"))).contains("UNIT_MISMATCH");
    assertThat(http.get("/api/studies/" + id + "/file", token).body()).isEqualTo(wrong);
    assertThat(http.get("/api/studies/" + id + "/file?format=json", token).code()).isEqualTo("NOT_CONVERTIBLE");

    // not even YAML: still stored as sent
    byte[] broken = "study:\n  title: [unclosed\n".getBytes(StandardCharsets.UTF_8);
    Http.Resp b = post(token, YAML, broken);
    assertThat(b.status()).isEqualTo(201);
    assertThat(codes(b.json().get("findings"))).contains("PARSE_ERROR");
    assertThat(http.get("/api/studies/" + b.json().get("id").asText() + "/file", token).body()).isEqualTo(broken);
    assertThat(http.get("/api/studies", token).json().get("studies")).hasSize(2);
  }

  static List<String> codes(JsonNode findings) {
    List<String> out = new ArrayList<>();
    findings.forEach(f -> out.add(f.get("code").asText()));
    return out;
  }

  @Test
  void putStoresANewVersionAndTheOldOneStaysReadable() {
    String token = newOrganization();
    byte[] v1 = example("seed-003-as-published.yaml");
    byte[] v2 = example("seed-003-steel-balls.yaml");
    String id = create(token, v1);
    Http.Resp updated = put(token, id, "\"1\"", v2);
    assertThat(updated.status()).as(updated.text()).isEqualTo(200);
    assertThat(updated.json().get("version").asInt()).isEqualTo(2);
    assertThat(updated.header("ETag")).isEqualTo("\"2\"");

    assertThat(http.get("/api/studies/" + id + "/versions/1/file", token).body()).isEqualTo(v1);
    assertThat(http.get("/api/studies/" + id + "/versions/2/file", token).body()).isEqualTo(v2);
    assertThat(http.get("/api/studies/" + id + "/file", token).body()).isEqualTo(v2);
    assertThat(http.get("/api/studies/" + id + "/versions/1/result", token).text())
        .isEqualTo(calcJson(v1, StudyFormat.YAML));
    assertThat(http.get("/api/studies/" + id + "/result", token).text()).isEqualTo(calcJson(v2, StudyFormat.YAML));
    JsonNode study = http.get("/api/studies/" + id, token).json();
    assertThat(study.get("currentVersion").asInt()).isEqualTo(2);
    JsonNode old = http.get("/api/studies/" + id + "/versions/1", token).json();
    assertThat(old.get("version").asInt()).isEqualTo(1);
    // seed 003 as published: 2,746.55 kgCO2e/t (DOMAIN.md); corrected: 2,821.88
    assertThat(old.get("perUnit_kgCO2e").asDouble()).isCloseTo(2746.55, org.assertj.core.data.Offset.offset(0.005));
    assertThat(study.get("perUnit_kgCO2e").asDouble()).isCloseTo(2821.88, org.assertj.core.data.Offset.offset(0.005));
    JsonNode versions = http.get("/api/studies/" + id + "/versions", token).json().get("versions");
    assertThat(versions).hasSize(2);
    assertThat(http.get("/api/studies/" + id + "/versions/3", token).status()).isEqualTo(404);
    assertThat(http.get("/api/studies/" + id + "/versions/0", token).status()).isEqualTo(404);
    assertThat(http.get("/api/studies/" + id + "/versions/3/result", token).status()).isEqualTo(404);
  }

  @Test
  void editsFromAStaleVersionAreRefused() {
    String token = newOrganization();
    byte[] v1 = example("seed-003-as-published.yaml");
    String id = create(token, v1);
    Http.Resp missing = put(token, id, null, v1);
    assertThat(missing.status()).isEqualTo(428);
    assertThat(missing.json().get("message").asText()).contains("If-Match: \"1\"");
    assertThat(put(token, id, "\"1\"", example("seed-003-steel-balls.yaml")).status()).isEqualTo(200);
    Http.Resp stale = put(token, id, "\"1\"", example("two-products-mass-allocation.yaml"));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.code()).isEqualTo("VERSION_CONFLICT");
    assertThat(stale.json().get("message").asText()).contains("version 2").contains("version 1");
    assertThat(stale.header("ETag")).isEqualTo("\"2\"");
    assertThat(put(token, id, "\"abc\"", v1).code()).isEqualTo("BAD_IF_MATCH");
    assertThat(http.get("/api/studies/" + id + "/versions", token).json().get("versions")).hasSize(2);
  }

  @Test
  void ofConcurrentEditsOfOneVersionExactlyOneIsStored() throws Exception {
    String token = newOrganization();
    String id = create(token, example("seed-003-as-published.yaml"));
    byte[] edit = example("seed-003-steel-balls.yaml");
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Callable<Integer> task = () -> {
        go.await();
        return put(token, id, "\"1\"", edit).status();
      };
      answers.add(pool.submit(task));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : answers) {
      statuses.add(f.get());
    }
    pool.shutdown();
    assertThat(statuses).containsOnly(200, 409);
    assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
    assertThat(http.get("/api/studies/" + id + "/versions", token).json().get("versions")).hasSize(2);
  }

  @Test
  void anotherOrganizationGets404ForEverything() {
    String a = newOrganization();
    String b = newOrganization();
    String id = create(a, example("seed-003-steel-balls.yaml"));
    assertThat(put(a, id, "\"1\"", example("seed-003-steel-balls.yaml")).status()).isEqualTo(200);
    String nobody = UUID.randomUUID().toString();
    Set<String> checked = new TreeSet<>();
    for (Api.Route route : Api.ROUTES) {
      if (!route.path().contains("{id}")) {
        continue;
      }
      for (String study : List.of(id, nobody)) {
        String path = route.path().replace("{id}", study).replace("{n}", "1");
        Http.Resp r = route.method().equals("PUT")
            ? put(b, study, "\"2\"", example("seed-003-steel-balls.yaml"))
            : http.send(route.method(), path, b, null, null);
        assertThat(r.status()).as(route + " " + r.text()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("NOT_FOUND");
        assertThat(r.json().get("message").asText()).contains(study);
        assertNoInternals(r);
      }
      checked.add(route.method() + " " + route.path());
    }
    assertThat(checked).hasSize(39); // 32 of studies, 6 of PACT partners and clients, 1 of own factors (not theirs: 404)
    assertThat(http.get("/api/studies", b).json().get("studies")).isEmpty();
    assertThat(http.get("/api/users", b).json().get("users")).hasSize(1);
    // still there for its owners, unchanged by the other organization's PUT
    assertThat(http.get("/api/studies/" + id, a).json().get("currentVersion").asInt()).isEqualTo(2);
    assertThat(http.get("/api/studies/not-a-uuid", b).status()).isEqualTo(404);
  }

  @Test
  void reportsInEveryFormatAndLanguage() {
    String token = newOrganization();
    String id = create(token, example("seed-003-steel-balls.yaml"));
    Http.Resp html = http.get("/api/studies/" + id + "/report", token);
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.header("Content-Type")).startsWith("text/html");
    assertThat(html.text()).contains("<html").contains("2,821.88").contains("山东华民钢球股份有限公司");
    Http.Resp en = http.get("/api/studies/" + id + "/report?format=html&lang=en", token);
    assertThat(en.text()).contains("lang=\"en\"").contains("2,821.88");
    assertThat(en.text()).isNotEqualTo(html.text());
    Http.Resp pdf = http.get("/api/studies/" + id + "/report?format=pdf&lang=en", token);
    assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    Http.Resp docx = http.get("/api/studies/" + id + "/report?format=docx", token);
    assertThat(docx.header("Content-Type")).contains("wordprocessingml");
    assertThat(new String(docx.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
    assertThat(docx.header("Content-Disposition")).contains(".docx");
    assertThat(http.get("/api/studies/" + id + "/report?format=odt", token).code()).isEqualTo("BAD_FORMAT");
  }

  @Test
  void supplierFootprintsAreImportedAndUsedByTheirOrganizationOnly() throws IOException {
    String a = newOrganization();
    String b = newOrganization();
    // the spec's example 3: Company 3, 77 kgCO2e per piece
    byte[] pact = Files.readAllBytes(Path.of("..", "testdata", "pact", "example-3.json"));
    String plate = "pact-8b26f3b8-f5d9-4adf-8a11-02e05d273e58";
    Http.Resp imported = http.send("POST", "/api/factors/pact", a, "application/json", pact);
    assertThat(imported.status()).as(imported.text()).isEqualTo(201);
    JsonNode factor = imported.json().get("factors").get(0);
    assertThat(factor.get("key").asText()).isEqualTo(plate);
    assertThat(factor.get("value").asText()).isEqualTo("77 kgCO2e/piece");
    assertThat(factor.get("supplier").get("companyName").asText()).isEqualTo("Company 3");
    Http.Resp form = http.send("POST", "/api/factors/pact", a, "multipart/form-data; boundary=PACT",
        multipart("PACT", "example-3.json", pact));
    assertThat(form.status()).as(form.text()).isEqualTo(201);
    assertThat(http.get("/api/factors/pact", a).json().get("factors")).hasSize(1);
    assertThat(http.get("/api/factors/pact", b).json().get("factors")).isEmpty();

    // testdata/tiny-per-piece.yaml (460 kgCO2e) and 2,000 plates × 77 kgCO2e, for 1,000,000 pieces
    byte[] study = (new String(Files.readAllBytes(Path.of("..", "testdata", "tiny-per-piece.yaml")), StandardCharsets.UTF_8)
        + "  - name: Back plate blank\n    stage: raw-materials\n    amount: 2000 piece\n    factor: " + plate + "\n"
        + "    quality: {activity: periodic, calibration: compliant}\n").getBytes(StandardCharsets.UTF_8);
    String withPlates = create(a, study);
    Http.Resp computed = http.get("/api/studies/" + withPlates + "/result", a);
    JsonNode result = computed.json();
    assertThat(result.get("perUnit_kgCO2e").asDouble()).isCloseTo(0.15446, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(codes(result.get("findings"))).doesNotContain("UNKNOWN_FACTOR");
    JsonNode other = http.get("/api/studies/" + create(b, study) + "/result", b).json();
    assertThat(codes(other.get("findings"))).contains("UNKNOWN_FACTOR");

    // removed: the study that names it no longer computes; removing it again, or from b, is 404
    assertThat(http.send("DELETE", "/api/factors/pact/" + plate, b, null, null).status()).isEqualTo(404);
    assertThat(http.send("DELETE", "/api/factors/pact/" + plate, a, null, null).status()).isEqualTo(204);
    assertThat(http.get("/api/factors/pact", a).json().get("factors")).isEmpty();
    assertThat(codes(http.get("/api/studies/" + create(a, study) + "/result", a).json().get("findings")))
        .contains("UNKNOWN_FACTOR");
    // the stored version computes otherwise now: a copy cached with the old ETag is not answered 304
    Http.Resp recomputed = http.get("/api/studies/" + withPlates + "/result", a, "If-None-Match", computed.header("ETag"));
    assertThat(recomputed.status()).isEqualTo(200);
    assertThat(codes(recomputed.json().get("findings"))).contains("UNKNOWN_FACTOR");
    assertThat(http.send("DELETE", "/api/factors/pact/" + plate, a, null, null).code()).isEqualTo("NOT_FOUND");
  }

  @Test
  void badSupplierFootprintsAre422WithLocatedFindings() {
    String a = newOrganization();
    Http.Resp old = http.send("POST", "/api/factors/pact", a, "application/json",
        "{\n  \"specVersion\": \"2.2.0\",\n  \"pcf\": {}\n}".getBytes(StandardCharsets.UTF_8));
    assertThat(old.status()).isEqualTo(422);
    assertThat(old.code()).isEqualTo("INVALID_FOOTPRINT");
    JsonNode finding = old.json().get("findings").get(0);
    assertThat(finding.get("code").asText()).isEqualTo("PACT_SPEC_VERSION");
    assertThat(finding.get("where").asText()).isEqualTo("specVersion");
    assertThat(finding.get("line").asInt()).isEqualTo(2);
    Http.Resp broken = http.send("POST", "/api/factors/pact", a, "application/json",
        "{\"id\": ".getBytes(StandardCharsets.UTF_8));
    assertThat(broken.status()).isEqualTo(422);
    assertThat(broken.json().get("findings").get(0).get("code").asText()).isEqualTo("PARSE_ERROR");
    assertNoInternals(broken);
    assertThat(http.get("/api/factors/pact", a).json().get("factors")).isEmpty();
  }

  @Test
  void factorsAreSearched() {
    Http.Resp r = http.get("/api/factors?q=electricity&year=2023", operator);
    assertThat(r.status()).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    r.json().get("factors").forEach(f -> keys.add(f.get("key").asText()));
    assertThat(keys).contains("cn-electricity-footprint-2023");
    assertThat(http.get("/api/factors?year=soon", operator).code()).isEqualTo("BAD_YEAR");
  }

  @Test
  void requestsAboveTheLimitAre413() {
    String token = newOrganization();
    byte[] big = new byte[3 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) '#');
    Http.Resp raw = post(token, YAML, big);
    assertThat(raw.status()).isEqualTo(413);
    assertThat(raw.code()).isEqualTo("TOO_LARGE");
    Http.Resp form = http.send("POST", "/api/studies", token, "multipart/form-data; boundary=XyZ",
        multipart("XyZ", "big.yaml", big));
    assertThat(form.status()).isEqualTo(413);
    assertThat(post(token, YAML, java.util.Arrays.copyOf(big, 2 * 1024 * 1024 + 1)).status()).isEqualTo(413);
    assertNoInternals(form);
    assertThat(http.get("/api/studies", token).json().get("studies")).isEmpty();
  }

  @Test
  void unknownRoutesAndMethodsAnswerJson() {
    Http.Resp r = http.get("/api/nothing-here", operator);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.code()).isEqualTo("NOT_FOUND");
    assertNoInternals(r);
    Http.Resp del = http.send("DELETE", "/api/studies", operator, null, null);
    assertThat(del.status()).isIn(404, 405);
    assertThat(del.json().get("message").asText()).isNotBlank();
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("incident");
    // refused by the HTTP server itself, before the API: the same JSON shape
    Http.Resp headers = http.get("/api/health", null, "X-Padding", "a".repeat(20_000));
    assertThat(headers.status()).isEqualTo(431);
    assertThat(headers.code()).isEqualTo("HEADERS_TOO_LARGE");
    assertThat(rawRequest("GET /api/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
        .startsWith("HTTP/1.1 400").contains("application/json").contains("\"BAD_REQUEST\"");
  }

  /** A request the HTTP client would refuse to send, written on a socket; the answer as text. */
  String rawRequest(String request) {
    java.net.URI uri = java.net.URI.create(server.url());
    try (java.net.Socket s = new java.net.Socket(uri.getHost(), uri.getPort())) {
      s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theServerRestartsOnItsDataWithNothingLost() {
    String token = newOrganization();
    byte[] seed = example("seed-003-steel-balls.yaml");
    String id = create(token, seed);
    String me = http.get("/api/me", token).json().get("username").asText();
    server.close();
    server = TanjiServer.start(config().adminPassword("a-different-password").build());
    http = new Http(server.url());
    assertThat(server.generatedAdminPassword()).isEmpty();
    // the admin's password stays the one of the first start
    String again = http.login("admin", ADMIN_PASSWORD);
    assertThat(again).isNotBlank();
    assertThat(http.get("/api/organizations", again).json().get("organizations").toString()).contains(me.replace("-admin", ""));
    assertThat(http.get("/api/studies/" + id + "/file", http.login(me, "password-" + me.replace("-admin", ""))).body())
        .isEqualTo(seed);
  }

  @Test
  void openApiDocumentIsServed() {
    Http.Resp r = http.get("/api/openapi.json", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("openapi").asText()).startsWith("3.");
  }
}

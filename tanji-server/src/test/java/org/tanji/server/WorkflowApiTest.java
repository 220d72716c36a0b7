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
        .adminPassword("workflow-admin-pw").loginsPerMinute(1000).publicUrl("https://tanji.example.com/").build());
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

  /** An organization with a preparer (its admin), a reviewer and an approver; their tokens. */
  private String[] team() {
    Team t = Team.of(http, "workflow-admin-pw");
    return new String[] {t.admin(), t.reviewer(), t.approver(), t.org()};
  }

  /** Takes a study through review and approval to issue; the issue's JSON. */
  private com.fasterxml.jackson.databind.JsonNode issueSeed(String[] t, String example) {
    return issueSeedOf(t, http.send("POST", "/api/studies", t[0], ApiTests.YAML, ApiTests.example(example)).json()
        .get("id").asText());
  }

  /** Takes a stored study's first version through review and approval to issue; the issue's JSON. */
  private com.fasterxml.jackson.databind.JsonNode issueSeedOf(String[] t, String id) {
    return new Team(t[0], t[1], t[2], t[3]).issue(http, id, 1, "'pdf','html'");
  }

  @Test
  void anIssuedReport_isNumberedFrozenAndPubliclyVerifiable() {
    String[] t = team();
    var issued = issueSeed(t, "seed-003-steel-balls.yaml");
    String id = issued.get("id").asText();
    int year = java.time.LocalDate.now(java.time.ZoneId.systemDefault()).getYear();
    assertThat(issued.get("number").asText()).isEqualTo("TJ-" + year + "-0001");
    assertThat(issued.get("files").findValuesAsText("name")).containsExactlyInAnyOrder("result-zh.json",
        "result-en.json", "report-zh.pdf", "report-zh.html", "report-en.pdf", "report-en.html");
    assertThat(issueSeed(t, "two-products-mass-allocation.yaml").get("number").asText())
        .isEqualTo("TJ-" + year + "-0002");

    // served from storage: the result and report of the issued version are the issued bytes
    String v1 = "/api/studies/" + id + "/versions/1";
    Http.Resp pdf = http.get(v1 + "/issued/file?name=report-zh.pdf", t[0]);
    assertThat(pdf.body()).isEqualTo(http.get(v1 + "/report?format=pdf&lang=zh", t[0]).body());
    assertThat(org.tanji.server.app.Hashes.sha256(pdf.body()))
        .isEqualTo(issued.get("files").findValues("sha256").get(issued.get("files").findValuesAsText("name")
            .indexOf("report-zh.pdf")).asText());
    assertThat(http.get(v1 + "/result?lang=en", t[0]).text()).contains("2821.88");
    assertThat(http.get(v1 + "/report?format=docx", t[0]).code()).isEqualTo("NOT_FOUND");
    // the sign-off of the workflow is on the issued report
    assertThat(http.get(v1 + "/issued/file?name=report-en.html", t[0]).text()).contains(t[3] + "rev")
        .contains(t[3] + "appr").contains("TJ-" + year + "-0001").contains("signed in Tanji")
        .contains("https://tanji.example.com" + issued.get("verification").asText());

    // the cover's QR code holds the verification address, on the PDF's first page as drawn
    String url = "https://tanji.example.com" + issued.get("verification").asText();
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 150);
      int[] px = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
      com.google.zxing.Result qr = new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
          new com.google.zxing.common.HybridBinarizer(new com.google.zxing.RGBLuminanceSource(page.getWidth(),
              page.getHeight(), px))), java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, true));
      assertThat(qr.getText()).isEqualTo(url);
    } catch (com.google.zxing.NotFoundException | com.google.zxing.ChecksumException
        | com.google.zxing.FormatException | java.io.IOException e) {
      throw new AssertionError("no readable QR code on the cover", e);
    }

    // the issued PDF carries a PAdES signature made with the organization's certificate; one byte changed breaks it
    java.nio.file.Path signed = write(pdf.body());
    String check = pdfsig(signed);
    assertThat(check).contains("Signature is Valid").contains("Signer Certificate Common Name: " + t[3])
        .contains("ETSI.CAdES.detached");
    byte[] tampered = pdf.body().clone();
    tampered[tampered.length / 3] ^= 1; // inside the first signed range: the original document
    String broken = pdfsig(write(tampered));
    assertThat(broken).contains("Signature Validation: Digest Mismatch").doesNotContain("Signature is Valid");

    // another organization's issued PDF is signed by its own certificate, and is not this report
    String[] other = team();
    var foreign = issueSeed(other, "seed-003-steel-balls.yaml");
    byte[] foreignPdf = http.get("/api/studies/" + foreign.get("id").asText() + "/versions/1/issued/file?name=report-zh.pdf",
        other[0]).body();
    assertThat(pdfsig(write(foreignPdf))).contains("Common Name: " + other[3]).doesNotContain("Common Name: " + t[3]);

    // the public page: no sign-in, the issue's facts, and the uploaded PDF compared
    String page = issued.get("verification").asText();
    Http.Resp v = http.get(page, null);
    assertThat(v.status()).isEqualTo(200);
    assertThat(v.text()).contains("TJ-" + year + "-0001").contains("2,821.88").contains("Valid")
        .contains(t[3] + "appr").doesNotContain("two-products");
    assertThat(v.header("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(compare(page, pdf.body()).text()).contains("Identical").contains("report-zh.pdf");
    byte[] changed = pdf.body().clone();
    changed[changed.length / 2] ^= 1;
    assertThat(compare(page, changed).text()).contains("Not identical");
    assertThat(compare(page, foreignPdf).text()).contains("Not identical");
    assertThat(http.get("/verify/" + "0".repeat(32), null).status()).isEqualTo(404);
    assertThat(http.get("/verify/not-a-code", null).status()).isEqualTo(404);

    // withdrawn: still visible, marked so
    assertThat(http.postJson(v1 + "/withdraw", t[2], body("{'reason':'The electricity factor was superseded'}"))
        .status()).isEqualTo(204);
    assertThat(http.get(page, null).text()).contains("Withdrawn").contains("superseded");
    assertThat(http.get("/api/audit?format=csv", t[0]).text()).contains("issued.download").contains("state.withdraw")
        .contains("state.issue");
    assertThat(http.get("/api/audit/verify", t[0]).json().get("valid").asBoolean()).isTrue();
  }

  private static java.nio.file.Path write(byte[] bytes) {
    try {
      java.nio.file.Path f = java.nio.file.Files.createTempFile("issued", ".pdf");
      java.nio.file.Files.write(f, bytes);
      return f;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** What poppler's pdfsig (Debian poppler-utils, installed by scripts/test) says of a file's signatures. */
  private static String pdfsig(java.nio.file.Path file) {
    try {
      Process p = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      p.waitFor();
      return out;
    } catch (java.io.IOException e) {
      throw new AssertionError("pdfsig is needed (apt-get install poppler-utils; scripts/test installs it)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private Http.Resp compare(String page, byte[] file) {
    String boundary = "b" + UUID.randomUUID();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return http.send("POST", page, null, "multipart/form-data; boundary=" + boundary, out.toByteArray());
  }

  @Test
  void anAdminsOwnPkcs12_signsTheIssuedPdf_andAWrongPasswordIsRefused() throws Exception {
    String[] t = team();
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("p12");
    java.nio.file.Path p12 = dir.resolve("own.p12");
    Process keytool = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool")
        .toString(), "-genkeypair", "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", "p12-password",
        "-keypass", "p12-password", "-alias", "own", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
        "-dname", "CN=Own Signing Certificate, O=Test").redirectErrorStream(true).start();
    keytool.getInputStream().readAllBytes();
    assertThat(keytool.waitFor()).isZero();
    byte[] bytes = java.nio.file.Files.readAllBytes(p12);

    Http.Resp wrong = upload(t[0], bytes, "not-the-password");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.code()).isEqualTo("BAD_KEY");
    assertThat(upload(t[1], bytes, "p12-password").status()).as("a reviewer is no admin").isEqualTo(403);
    Http.Resp ok = upload(t[0], bytes, "p12-password");
    assertThat(ok.status()).as(ok.text()).isEqualTo(200);
    assertThat(ok.json().get("subject").asText()).contains("CN=Own Signing Certificate");

    var issued = issueSeed(t, "seed-003-steel-balls.yaml");
    byte[] pdf = http.get("/api/studies/" + issued.get("id").asText() + "/versions/1/issued/file?name=report-en.pdf",
        t[0]).body();
    assertThat(pdfsig(write(pdf))).contains("Signature is Valid").contains("Common Name: Own Signing Certificate");
  }

  private Http.Resp upload(String token, byte[] file, String password) {
    String boundary = "b" + UUID.randomUUID();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\n" + password
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"own.p12\"\r\n"
        + "Content-Type: application/x-pkcs12\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return http.send("PUT", "/api/organization/signing-key", token, "multipart/form-data; boundary=" + boundary,
        out.toByteArray());
  }

  @Test
  void thePagesTakeAStudyFromSubmitToIssue_andShowWhatWaits() throws Exception {
    String[] t = team();
    String id = http.send("POST", "/api/studies", t[0], ApiTests.YAML, ApiTests.example("seed-003-steel-balls.yaml"))
        .json().get("id").asText();
    PageSession prep = PageSession.signIn(server.url(), t[3], "password-" + t[3]);
    assertThat(prep.get("/studies/" + id).body()).contains("id=\"flow-submit\"").contains("id=\"state\"");
    assertThat(prep.post("/studies/" + id + "/workflow/submit", "_version", "1").statusCode()).isEqualTo(303);
    assertThat(prep.get("/studies/" + id).body()).contains("in review").doesNotContain("id=\"flow-submit\"");

    PageSession rev = PageSession.signIn(server.url(), t[3] + "rev", "password-rev-1");
    assertThat(rev.get("/studies").body()).contains("id=\"inbox\"");
    // a comment on a line: on the result page, and beside the line in the editor (placed like a finding)
    rev.get("/studies/" + id);
    assertThat(rev.post("/studies/" + id + "/workflow/comment", "_version", "1", "where", "inventory[0].amount",
        "statement", "Where does 65.38 t come from?").statusCode()).isEqualTo(303);
    assertThat(prep.get("/studies/" + id).body()).contains("Where does 65.38 t come from?");
    // a reply to a comment that is not a comment's number is refused, not posted as a new thread
    var badReply = rev.post("/studies/" + id + "/workflow/comment", "_version", "1", "where", "inventory[0].amount",
        "answers", "3 ", "statement", "A reply that lost its thread");
    assertThat(badReply.statusCode()).isEqualTo(400);
    assertThat(badReply.body()).contains("field &quot;answers&quot; should hold the number of a record")
        .contains("not &quot;3 &quot;");
    assertThat(prep.get("/studies/" + id).body()).doesNotContain("A reply that lost its thread");
    assertThat(prep.get("/studies/" + id + "/edit").body()).contains("&quot;where&quot;:&quot;inventory[0].amount&quot;")
        .contains("Where does 65.38 t come from?");
    String withComment = prep.get("/studies/" + id).body();
    java.util.regex.Matcher cm = java.util.regex.Pattern.compile("name=\"comment\" value=\"(\\d+)\"").matcher(withComment);
    assertThat(cm.find()).isTrue();
    assertThat(prep.post("/studies/" + id + "/workflow/resolve", "_version", "1", "comment", cm.group(1)).statusCode())
        .isEqualTo(303);
    assertThat(prep.get("/studies/" + id + "/versions").body()).contains("comment.add").contains("comment.resolve")
        .contains("state.submit");
    String page = rev.get("/studies/" + id).body();
    java.util.regex.Matcher w = java.util.regex.Pattern.compile(
        "name=\"code\" value=\"([^\"]+)\"><input type=\"hidden\" name=\"where\" value=\"([^\"]*)\"").matcher(page);
    while (w.find()) {
      assertThat(rev.post("/studies/" + id + "/workflow/accept", "_version", "1", "code", w.group(1), "where",
          w.group(2), "statement", "checked against the plant's records").statusCode()).isEqualTo(303);
    }
    rev.get("/studies/" + id);
    var wrong = rev.post("/studies/" + id + "/workflow/review", "_version", "1", "password", "not-it",
        "statement", "Reviewed");
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.body()).contains("The current password is wrong");
    rev.get("/studies/" + id);
    assertThat(rev.post("/studies/" + id + "/workflow/review", "_version", "1", "password", "password-rev-1",
        "statement", "Reviewed").statusCode()).isEqualTo(303);

    PageSession appr = PageSession.signIn(server.url(), t[3] + "appr", "password-appr-1");
    appr.get("/studies/" + id);
    assertThat(appr.post("/studies/" + id + "/workflow/approve", "_version", "1", "password", "password-appr-1",
        "statement", "Approved").statusCode()).isEqualTo(303);
    appr.get("/studies/" + id);
    assertThat(appr.post("/studies/" + id + "/workflow/issue", "_version", "1", "format", "html", "lang", "en")
        .statusCode()).isEqualTo(303);
    String issued = appr.get("/studies/" + id).body();
    assertThat(issued).contains("id=\"issued\"").contains("report-en.html").contains("/verify/")
        .contains("Reviewed by " + t[3] + "rev").contains("id=\"flow-withdraw\"");
    var file = appr.get("/studies/" + id + "/issued?v=1&name=report-en.html");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).contains("signed in Tanji");
    assertThat(appr.post("/studies/" + id + "/workflow/withdraw", "_version", "1", "statement", "superseded")
        .statusCode()).isEqualTo(303);
    assertThat(appr.get("/studies/" + id).body()).contains("withdrawn");
    assertThat(appr.get("/studies/" + id + "/versions").body()).contains("issued.download").contains("state.withdraw");
  }

  @Test
  void theApisCommentsPatternAndIssuedRoutes_doWhatThePagesDo() {
    String[] t = team();
    Http.Resp bad = http.send("PUT", "/api/organization/report-pattern", t[0], "application/json",
        body("{'pattern':'TJ-{yyyy}'}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.code()).isEqualTo("BAD_PATTERN");
    assertThat(http.send("PUT", "/api/organization/report-pattern", t[1], "application/json",
        body("{'pattern':'X-{seq:2}'}").getBytes(java.nio.charset.StandardCharsets.UTF_8)).status())
        .as("a reviewer is no admin").isEqualTo(403);
    assertThat(http.send("PUT", "/api/organization/report-pattern", t[0], "application/json",
        body("{'pattern':'PCF/{yyyy}/{seq:3}'}").getBytes(java.nio.charset.StandardCharsets.UTF_8)).status())
        .isEqualTo(204);

    String id = http.send("POST", "/api/studies", t[0], ApiTests.YAML, ApiTests.example("seed-003-steel-balls.yaml"))
        .json().get("id").asText();
    String v1 = "/api/studies/" + id + "/versions/1";
    Http.Resp c = http.postJson(v1 + "/comments", t[1], body("{'where':'inventory[0].amount','text':'Source?'}"));
    assertThat(c.status()).isEqualTo(201);
    long cid = c.json().get("id").asLong();
    Http.Resp answer = http.postJson(v1 + "/comments", t[0], body("{'text':'The 2023 statistics','answers':" + cid + "}"));
    assertThat(answer.json().get("where").asText()).isEqualTo("inventory[0].amount");
    assertThat(http.get(v1 + "/comments", t[0]).json().get("comments").findValuesAsText("text"))
        .containsExactly("Source?", "The 2023 statistics");
    assertThat(http.postJson(v1 + "/comments/resolve", t[1], "{\"comment\":" + cid + "}").status())
        .as("only a preparer resolves").isEqualTo(403);
    assertThat(http.postJson(v1 + "/comments/resolve", t[0], "{\"comment\":" + cid + "}").status()).isEqualTo(204);
    assertThat(http.get(v1 + "/comments", t[0]).json().get("comments").findValues("open"))
        .allMatch(n -> !n.asBoolean());
    assertThat(http.get(v1 + "/issued", t[0]).status()).isEqualTo(404);

    issueSeedOf(t, id);
    int year = java.time.LocalDate.now(java.time.ZoneId.systemDefault()).getYear();
    Http.Resp issued = http.get(v1 + "/issued", t[0]);
    assertThat(issued.json().get("number").asText()).isEqualTo("PCF/" + year + "/001");
    assertThat(issued.json().get("status").asText()).isEqualTo("valid");
  }

  /** A number a request names is a JSON integer: "abc" is not read as 0 nor 12.7 as 12, nothing is stored, the field is named. */
  @Test
  void numbersInARequest_wholeOrRefusedNamingTheField_nothingStored() {
    String[] t = team();
    String id = http.send("POST", "/api/studies", t[0], ApiTests.YAML, ApiTests.example("seed-003-steel-balls.yaml"))
        .json().get("id").asText();
    String v1 = "/api/studies/" + id + "/versions/1";
    long cid = http.postJson(v1 + "/comments", t[1], body("{'text':'Source?'}")).json().get("id").asLong();
    String[][] refused = {
        {v1 + "/comments", "{'text':'An answer','answers':'" + cid + "'}", "answers"},
        {v1 + "/comments", "{'text':'An answer','answers':" + cid + ".5}", "answers"},
        {v1 + "/comments", "{'text':'An answer','answers':1e40}", "answers"},
        {v1 + "/comments/resolve", "{'comment':'" + cid + "'}", "comment"},
        {v1 + "/comments/resolve", "{'comment':" + cid + ".0}", "comment"},
        {v1 + "/comments/resolve", "{}", "comment"},
        {"/api/pact/partners/1/fetch", "{'limit':'abc'}", "limit"},
        {"/api/pact/partners/1/fetch", "{'limit':12.7}", "limit"},
        {"/api/pact/partners/1/fetch", "{'footprintId':5}", "footprintId"}};
    for (String[] r : refused) {
      Http.Resp resp = http.postJson(r[0], t[0], body(r[1]));
      assertThat(resp.status()).as(r[1]).isEqualTo(400);
      assertThat(resp.code()).as(r[1]).isEqualTo("BAD_FIELD");
      assertThat(resp.json().get("message").asText()).as(r[1]).contains("\"" + r[2] + "\"");
    }
    var comments = http.get(v1 + "/comments", t[0]).json().get("comments");
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).get("open").asBoolean()).as("not resolved by a refused request").isTrue();
    Http.Resp tooMany = http.postJson("/api/pact/partners/1/fetch", t[0], body("{'limit':5000000000}"));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.text()).as("the number given, not one it was cut to").contains("5000000000");
  }

  /** GET …/pact: an issued version with its verification, the same footprint every time; a study lacking what PACT needs refused. */
  @Test
  void anIssuedVersion_isAPactFootprintWithItsVerification() throws IOException {
    String[] t = team();
    var issued = issueSeed(t, "seed-003-steel-balls.yaml");
    String id = issued.get("id").asText();
    Http.Resp r = http.get("/api/studies/" + id + "/pact", t[0]);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    var pf = r.json();
    assertThat(org.tanji.io.pact.PactSchema.errors(pf)).isEmpty();
    assertThat(pf.get("status").asText()).isEqualTo("Active");
    assertThat(java.time.Instant.parse(pf.get("created").asText()))
        .isEqualTo(java.time.Instant.parse(issued.get("issuedAt").asText()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    assertThat(pf.at("/pcf/verification/comments").asText()).contains(issued.get("number").asText())
        .contains("https://tanji.example.com/verify/");
    // 2821.88 kgCO2e per t, per kg
    assertThat(pf.at("/pcf/pcfExcludingBiogenicUptake").asText()).startsWith("2.82188");
    assertThat(http.get("/api/studies/" + id + "/pact?version=1", t[0]).text()).isEqualTo(r.text());
    assertThat(http.get("/api/studies/" + id + "/pact?version=2", t[0]).status()).isEqualTo(404);

    String tiny = http.send("POST", "/api/studies", t[0], ApiTests.YAML,
        Files.readAllBytes(java.nio.file.Path.of("..", "testdata", "tiny-per-piece.yaml"))).json().get("id").asText();
    Http.Resp refused = http.get("/api/studies/" + tiny + "/pact", t[0]);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.code()).isEqualTo("PACT_INCOMPLETE");
    assertThat(refused.json().get("findings").findValuesAsText("where"))
        .contains("organization.name", "study.gwp", "study.standards", "product.massPerUnit");
  }

  /** The result page links the PACT download, which comes as a file named after the product. */
  @Test
  void theResultPage_downloadsThePactFootprint() throws IOException, InterruptedException {
    String[] t = team();
    String id = http.send("POST", "/api/studies", t[0], ApiTests.YAML, ApiTests.example("seed-003-steel-balls.yaml"))
        .json().get("id").asText();
    PageSession page = PageSession.signIn(server.url(), t[3], "password-" + t[3]);
    assertThat(page.get("/studies/" + id).body()).contains("id=\"download-pact\"");
    var file = page.get("/studies/" + id + "/pact?v=1");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("-v1-pact.json");
    assertThat(file.body()).contains("\"declaredUnitOfMeasurement\" : \"kilogram\"")
        .isEqualTo(http.get("/api/studies/" + id + "/pact", t[0]).text());
  }
}

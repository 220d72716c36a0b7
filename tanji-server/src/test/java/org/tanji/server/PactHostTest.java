package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tanji.io.pact.PactIssue;

/**
 * The PACT host API over HTTPS (a self-signed certificate made for the test): sign-in with client
 * credentials, tokens that expire or die with their client, the issued footprints only, the list's
 * filters and pages, the events (answered at a partner's endpoint this test runs), bad events, a
 * flood of requests, another organization's client, and plain HTTP refused. On H2; the same on
 * PostgreSQL in {@link PostgresPactHostTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PactHostTest {

  /** The database the main server runs on: embedded H2 here, PostgreSQL in {@link PostgresPactHostTest}. */
  String databaseUrl() {
    return null;
  }

  private static final String OPERATOR_PW = "pact-admin-pw";

  private final MutableClock clock = new MutableClock();
  private SelfSigned cert;
  private TanjiServer server;
  private Http http;
  private HttpServer partner;
  private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  private final CountDownLatch release = new CountDownLatch(1);

  // one organization with two issued versions of seed-003 (the first deprecated by the second) and a stored draft
  private Team team;
  private String studyId;
  private UUID v1;
  private UUID v2;
  private String clientId;
  private String secret;

  @BeforeAll
  void start() throws IOException {
    Path dir = Files.createTempDirectory("tanji-pact");
    cert = SelfSigned.make(dir);
    partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    partner.createContext("/3/events", ex -> {
      received.add(Http.MAPPER.readTree(ex.getRequestBody().readAllBytes()));
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    partner.createContext("/slow/3/events", ex -> { // holds the worker until the test lets it go
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    partner.start();
    server = TanjiServer.start(ServerConfig.builder(dir.resolve("data")).port(0).database(databaseUrl(), null, null)
        .adminPassword(OPERATOR_PW)
        .loginsPerMinute(1000).clock(clock).tls(ServerConfig.Tls.keystore(cert.keystore, SelfSigned.PASSWORD))
        .pactQueue(2).build());
    http = new Http(server.url(), cert.client());

    team = Team.of(http, OPERATOR_PW);
    studyId = http.send("POST", "/api/studies", team.admin(), ApiTests.YAML, ApiTests.example("seed-003-steel-balls.yaml"))
        .json().get("id").asText();
    team.issue(http, studyId, 1, "'html'");
    byte[] v2Yaml = new String(ApiTests.example("seed-003-steel-balls.yaml"), StandardCharsets.UTF_8)
        .replace("name: ", "name: v2 ").getBytes(StandardCharsets.UTF_8);
    assertThat(http.send("PUT", "/api/studies/" + studyId, team.admin(), ApiTests.YAML, v2Yaml, "If-Match", "\"1\"")
        .status()).isEqualTo(200);
    team.issue(http, studyId, 2, "'html'");
    http.send("POST", "/api/studies", team.admin(), ApiTests.YAML, ApiTests.example("seed-003-as-published.yaml"));
    long orgId = http.get("/api/me", team.admin()).json().at("/organization/id").asLong();
    v1 = PactIssue.idOf("org:" + orgId, studyId, 1);
    v2 = PactIssue.idOf("org:" + orgId, studyId, 2);
    JsonNode p = http.postJson("/api/pact/partners", team.admin(), Team.json("{'name':'BYD','eventUrl':'http://127.0.0.1:"
        + partner.getAddress().getPort() + "/3/events'}")).json();
    JsonNode c = http.postJson("/api/pact/clients", team.admin(), Team.json("{'name':'BYD purchasing','partnerId':"
        + p.get("id").asLong() + "}")).json();
    clientId = c.get("clientId").asText();
    secret = c.get("clientSecret").asText();
  }

  @AfterAll
  void stop() {
    release.countDown();
    server.close();
    partner.stop(0);
  }

  private Http.Resp token(String id, String pw) {
    String basic = Base64.getEncoder().encodeToString((id + ":" + pw).getBytes(StandardCharsets.UTF_8));
    return http.send("POST", "/auth/token", null, "application/x-www-form-urlencoded",
        "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8), "Authorization", "Basic " + basic);
  }

  private String bearer() {
    Http.Resp r = token(clientId, secret);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().get("access_token").asText();
  }

  private List<String> ids(Http.Resp r) {
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    r.json().get("data").forEach(f -> out.add(f.get("id").asText()));
    return out;
  }

  @Test
  void token_clientCredentials_bearerForAnHour() {
    Http.Resp r = token(clientId, secret);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("token_type").asText()).isEqualTo("Bearer");
    assertThat(r.json().get("expires_in").asInt()).isEqualTo(3600);
    assertThat(r.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void token_wrongSecretOrGrant_refusedInOAuthFormat() {
    Http.Resp wrong = token(clientId, secret + "x");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_client");
    Http.Resp grant = http.send("POST", "/auth/token", null, "application/x-www-form-urlencoded",
        "grant_type=password".getBytes(StandardCharsets.UTF_8));
    assertThat(grant.status()).isEqualTo(400);
    assertThat(grant.json().get("error").asText()).isEqualTo("unsupported_grant_type");
    Http.Resp badEscape = http.send("POST", "/auth/token", null, "application/x-www-form-urlencoded",
        "grant_type=client_credentials&client_secret=%zz".getBytes(StandardCharsets.UTF_8));
    assertThat(badEscape.status()).isEqualTo(400);
    assertThat(badEscape.json().get("error").asText()).isEqualTo("invalid_request");
  }

  @Test
  void token_guessingOneClientsSecret_stoppedAfterTenFailures() {
    String guessed = "tj-guessed-" + UUID.randomUUID(); // as a user's name: ten failures in 15 minutes
    for (int i = 0; i < 10; i++) {
      assertThat(token(guessed, "guess-" + i).status()).isEqualTo(401);
    }
    Http.Resp stopped = token(guessed, "guess-10");
    assertThat(stopped.status()).isEqualTo(429);
    assertThat(Long.parseLong(stopped.header("Retry-After"))).isBetween(1L, 900L);
    assertThat(stopped.json().get("error_description").asText()).isNotBlank();
    assertThat(token(clientId, secret).status()).isEqualTo(200); // another client is not held up
  }

  @Test
  void openIdConfiguration_namesTheTokenEndpointOnThisHost() {
    JsonNode c = http.get("/.well-known/openid-configuration", null).json();
    assertThat(c.get("token_endpoint").asText()).isEqualTo(server.url() + "/auth/token");
  }

  @Test
  void footprints_onlyIssuedVersions_newestDeprecatesOlder() {
    Http.Resp all = http.get("/3/footprints", bearer());
    assertThat(ids(all)).containsExactly(v1.toString(), v2.toString());
    JsonNode first = all.json().get("data").get(0);
    assertThat(first.get("status").asText()).isEqualTo("Deprecated");
    assertThat(first.get("statusComment").asText()).isEqualTo("superseded by version 2");
    JsonNode second = all.json().get("data").get(1);
    assertThat(second.get("status").asText()).isEqualTo("Active");
    assertThat(second.get("precedingPfIds").get(0).asText()).isEqualTo(v1.toString());
    // seed-003's credit code and CN code, as URNs
    assertThat(second.get("companyIds").toString()).contains("913701811634663822");
    assertThat(second.get("productIds").toString()).contains("73261100");
    Http.Resp one = http.get("/3/footprints/" + v2, bearer());
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("data")).isEqualTo(second);
    // the owners' export of an issued version is the footprint frozen at issue, status included
    assertThat(http.get("/api/studies/" + studyId + "/pact?version=2", team.admin()).json()).isEqualTo(second);
    assertThat(http.get("/api/studies/" + studyId + "/pact?version=1", team.admin()).json()).isEqualTo(first);
  }

  /**
   * A withdrawn version precedes nothing: the draft's export and the copy frozen when it is issued
   * name the same preceding footprints (the frozen copy named the withdrawn version too).
   */
  @Test
  void issue_afterAWithdrawal_exportAndFrozenCopyNameTheSamePrecedingFootprints() {
    Team t = Team.of(http, OPERATOR_PW); // its own organization: the other tests count ours
    String id = http.send("POST", "/api/studies", t.admin(), ApiTests.YAML, ApiTests.example("seed-003-steel-balls.yaml"))
        .json().get("id").asText();
    t.issue(http, id, 1, "'html'");
    assertThat(http.postJson("/api/studies/" + id + "/versions/1/withdraw", t.approver(),
        Team.json("{'reason':'The electricity factor was superseded'}")).status()).isEqualTo(204);
    long orgId = http.get("/api/me", t.admin()).json().at("/organization/id").asLong();
    List<String> exported = new ArrayList<>();
    List<String> frozen = new ArrayList<>();
    for (int v = 2; v <= 3; v++) {
      byte[] yaml = new String(ApiTests.example("seed-003-steel-balls.yaml"), StandardCharsets.UTF_8)
          .replace("name: ", "name: v" + v + " ").getBytes(StandardCharsets.UTF_8);
      assertThat(http.send("PUT", "/api/studies/" + id, t.admin(), ApiTests.YAML, yaml, "If-Match", "\"" + (v - 1) + "\"")
          .status()).isEqualTo(200);
      exported.add(http.get("/api/studies/" + id + "/pact?version=" + v, t.admin()).json().path("precedingPfIds")
          .toString());
      t.issue(http, id, v, "'html'");
      frozen.add(http.get("/api/studies/" + id + "/pact?version=" + v, t.admin()).json().path("precedingPfIds")
          .toString());
    }
    // version 2 follows only the withdrawn version 1: none (the field left out); version 3 follows version 2
    String second = PactIssue.idOf("org:" + orgId, id, 2).toString();
    assertThat(exported).containsExactly("", "[\"" + second + "\"]");
    assertThat(frozen).isEqualTo(exported);
  }

  @Test
  void issue_afterAVersionIssuedWithoutAFootprint_itIsNoPrecedingFootprint() {
    Team t = Team.of(http, OPERATOR_PW); // its own organization: the other tests count ours
    String seed = new String(ApiTests.example("seed-003-steel-balls.yaml"), StandardCharsets.UTF_8);
    // a credit code PACT cannot take (PACT_INVALID) but the study can: version 1 is issued without a footprint
    String badCode = seed.replace("creditCode: 913701811634663822", "creditCode: \"12345\"");
    assertThat(badCode).isNotEqualTo(seed);
    String id = http.send("POST", "/api/studies", t.admin(), ApiTests.YAML, badCode.getBytes(StandardCharsets.UTF_8))
        .json().get("id").asText();
    t.issue(http, id, 1, "'html'");
    long orgId = http.get("/api/me", t.admin()).json().at("/organization/id").asLong();
    Http.Resp first = http.get("/api/studies/" + id + "/pact?version=1", t.admin());
    assertThat(first.status()).as(first.text()).isEqualTo(422);
    assertThat(first.text()).contains("PACT_INVALID");
    assertThat(http.send("PUT", "/api/studies/" + id, t.admin(), ApiTests.YAML, seed.getBytes(StandardCharsets.UTF_8),
        "If-Match", "\"1\"").status()).isEqualTo(200);
    t.issue(http, id, 2, "'html'");
    JsonNode second = http.get("/api/studies/" + id + "/pact?version=2", t.admin()).json();
    assertThat(second.path("id").asText()).isEqualTo(PactIssue.idOf("org:" + orgId, id, 2).toString());
    assertThat(second.has("precedingPfIds")).as("version 1 has no footprint to precede this one").isFalse();
  }

  @ParameterizedTest
  @CsvSource({
      "status=Active, 2",
      "status=deprecated, 1",
      "status=BogusStatus, ''",
      "geography=CN, 12",
      "geography=cn-sd, 12",
      "geography=XX, ''",
      "productId=urn:bogus:product:x, ''",
      "validOn=1900-01-01T00:00:00Z, ''",
      "validAfter=2099-12-31T23:59:59Z, ''",
      "validBefore=1900-01-01T00:00:00Z, ''",
      "companyId=urn:bogus:a&companyId=urn:bogus:b, ''"})
  void list_filter_matches(String query, String expected) {
    List<String> want = new ArrayList<>();
    for (char c : expected.toCharArray()) {
      want.add((c == '1' ? v1 : v2).toString());
    }
    assertThat(ids(http.get("/3/footprints?" + query, bearer()))).containsExactlyElementsOf(want);
  }

  @Test
  void list_productAndCompanyOfTheFootprint_matchWithoutCase() {
    JsonNode f = http.get("/3/footprints/" + v2, bearer()).json().get("data");
    String product = f.get("productIds").get(0).asText().toUpperCase(java.util.Locale.ROOT);
    String company = f.get("companyIds").get(0).asText();
    assertThat(ids(http.get("/3/footprints?productId=" + product + "&companyId=urn:bogus:x&companyId=" + company,
        bearer()))).containsExactly(v1.toString(), v2.toString());
  }

  @Test
  void list_limit_pagesWithAbsoluteLinkOnTheCallersHost() {
    String token = bearer();
    Http.Resp page1 = http.get("/3/footprints?limit=1&geography=CN", token);
    assertThat(ids(page1)).containsExactly(v1.toString());
    String link = page1.header("Link");
    assertThat(link).startsWith("<" + server.url() + "/3/footprints?").endsWith(">; rel=\"next\"");
    String next = link.substring(1, link.indexOf('>'));
    Http.Resp page2 = http.get(next.substring(server.url().length()), token);
    assertThat(ids(page2)).containsExactly(v2.toString());
    assertThat(page2.header("Link")).isNull();
    // a pagination link may be called again
    assertThat(ids(http.get(next.substring(server.url().length()), token))).containsExactly(v2.toString());
  }

  @ParameterizedTest
  @CsvSource({"limit=0", "limit=x", "validOn=yesterday", "x-tanji-after=-3"})
  void list_badParameter_400BadRequest(String query) {
    Http.Resp r = http.get("/3/footprints?" + query, bearer());
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo("BadRequest");
    assertThat(r.json().get("message").asText()).isNotBlank();
  }

  @Test
  void footprint_unknownOrNotAUuid_404Or400() {
    assertThat(http.get("/3/footprints/00000000-0000-0000-0000-000000000000", bearer()).code()).isEqualTo("NotFound");
    assertThat(http.get("/3/footprints/not-a-uuid", bearer()).status()).isEqualTo(400);
  }

  @Test
  void otherOrganizationsClient_seesNothingOfOurs() {
    Team other = Team.of(http, OPERATOR_PW);
    JsonNode c = http.postJson("/api/pact/clients", other.admin(), "{\"name\":\"theirs\"}").json();
    String theirs = token(c.get("clientId").asText(), c.get("clientSecret").asText()).json().get("access_token")
        .asText();
    assertThat(ids(http.get("/3/footprints", theirs))).isEmpty();
    assertThat(http.get("/3/footprints/" + v2, theirs).status()).isEqualTo(404);
    assertThat(http.get("/api/pact/clients", other.admin()).json().get("clients")).hasSize(1);
  }

  @Test
  void token_expired_401TokenExpired_thenAFreshOneWorks() {
    String token = bearer();
    clock.advance(Duration.ofMinutes(61));
    try {
      Http.Resp r = http.get("/3/footprints", token);
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.code()).isEqualTo("TokenExpired");
      assertThat(r.header("WWW-Authenticate")).contains("invalid_token");
      assertThat(http.get("/3/footprints", bearer()).status()).isEqualTo(200);
    } finally {
      clock.advance(Duration.ofMinutes(-61));
    }
  }

  @Test
  void token_ofARevokedClient_replayedAfterwards_401() {
    JsonNode c = http.postJson("/api/pact/clients", team.admin(), "{\"name\":\"short-lived\"}").json();
    String token = token(c.get("clientId").asText(), c.get("clientSecret").asText()).json().get("access_token").asText();
    assertThat(http.get("/3/footprints", token).status()).isEqualTo(200);
    assertThat(http.send("DELETE", "/api/pact/clients/" + c.get("id").asLong(), team.admin(), null, null).status())
        .isEqualTo(204);
    Http.Resp replay = http.get("/3/footprints", token);
    assertThat(replay.status()).isEqualTo(401);
    assertThat(replay.code()).isEqualTo("BadRequest");
    assertThat(token(c.get("clientId").asText(), c.get("clientSecret").asText()).status()).isEqualTo(401);
    // a sign-in token of the API is not a PACT token
    assertThat(http.get("/3/footprints", team.admin()).status()).isEqualTo(401);
  }

  private static String event(String type, String id, String data) {
    return Team.json("{'type':'org.wbcsd.pact.ProductFootprint." + type + "','specversion':'1.0','id':'" + id
        + "','source':'//buyer.example/3/events','time':'2026-01-05T10:00:00Z','data':" + data + "}");
  }

  private Http.Resp post(String token, String body) {
    return http.send("POST", "/3/events", token, "application/cloudevents+json; charset=UTF-8",
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void requestEvent_matching_fulfilledAtThePartnersEndpoint() throws InterruptedException {
    String product = http.get("/3/footprints/" + v2, bearer()).json().get("data").get("productIds").get(0).asText();
    Http.Resp r = post(bearer(), event("RequestCreatedEvent.3", "req-1", "{'productId':['" + product + "'],"
        + "'status':'Active','comment':'Please send'}"));
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    JsonNode answer = received.poll(20, TimeUnit.SECONDS);
    assertThat(answer).isNotNull();
    assertThat(answer.get("type").asText()).isEqualTo("org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3");
    assertThat(answer.get("specversion").asText()).isEqualTo("1.0");
    assertThat(answer.at("/data/requestEventId").asText()).isEqualTo("req-1");
    assertThat(answer.at("/data/pfs/0/id").asText()).isEqualTo(v2.toString());
    assertThat(answer.at("/data/pfs")).hasSize(1);
  }

  @Test
  void requestEvent_nothingMatches_rejectedNotFound() throws InterruptedException {
    assertThat(post(bearer(), event("RequestCreatedEvent.3", "req-2", "{'productId':['urn:pact:null']}")).status())
        .isEqualTo(200);
    JsonNode answer = received.poll(20, TimeUnit.SECONDS);
    assertThat(answer).isNotNull();
    assertThat(answer.get("type").asText()).isEqualTo("org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3");
    assertThat(answer.at("/data/requestEventId").asText()).isEqualTo("req-2");
    assertThat(answer.at("/data/error/code").asText()).isEqualTo("NotFound");
  }

  @Test
  void publishedEvent_accepted() {
    assertThat(post(bearer(), event("PublishedEvent.3", UUID.randomUUID().toString(),
        "{'pfIds':['3a6c14a7-4deb-498a-b5ea-16ce2535b576']}")).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{not json| BadRequest",
      "[1,2]| BadRequest",
      "{\"type\":\"org.wbcsd.pact.ProductFootprint.PublishedEvent.3\",\"id\":\"x\",\"source\":\"s\",\"time\":\"2026-01-05T10:00:00Z\",\"data\":{\"pfIds\":[]}}| BadRequest",
      "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\",\"time\":\"2026-01-05T10:00:00Z\",\"data\":{\"pfIds\":[]}}| BadRequest",
      "{\"type\":7,\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\",\"time\":\"2026-01-05T10:00:00Z\",\"data\":{\"pfIds\":[]}}| BadRequest",
      "{\"type\":\"org.wbcsd.pact.ProductFootprint.PublishedEvent.3\",\"specversion\":\"0.3\",\"id\":\"x\",\"source\":\"s\",\"time\":\"2026-01-05T10:00:00Z\",\"data\":{\"pfIds\":[]}}| BadRequest",
      "{\"type\":\"org.wbcsd.pact.ProductFootprint.PublishedEvent.2\",\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\",\"time\":\"2026-01-05T10:00:00Z\",\"data\":{\"pfIds\":[]}}| BadRequest",
      "{\"type\":\"org.wbcsd.pact.ProductFootprint.PublishedEvent.3\",\"specversion\":\"1.0\",\"source\":\"s\",\"time\":\"2026-01-05T10:00:00Z\",\"data\":{\"pfIds\":[]}}| BadRequest",
      "{\"type\":\"org.wbcsd.pact.ProductFootprint.PublishedEvent.3\",\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\",\"time\":\"yesterday\",\"data\":{\"pfIds\":[]}}| BadRequest",
      "{\"type\":\"org.wbcsd.pact.ProductFootprint.PublishedEvent.3\",\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\",\"time\":\"2026-01-05T10:00:00Z\",\"data\":{\"pfIds\":[\"urn:gtin:4712345060507\"]}}| BadRequest",
      "{\"type\":\"org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3\",\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\",\"time\":\"2026-01-05T10:00:00Z\",\"data\":{\"productId\":{\"a\":1}}}| BadRequest",
      "{\"type\":\"org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3\",\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\",\"time\":\"2026-01-05T10:00:00Z\",\"data\":{}}| BadRequest"})
  void event_malformed_400WithSpecCode(String body, String code) {
    Http.Resp r = post(bearer(), body);
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.code()).isEqualTo(code);
  }

  @Test
  void event_oversized_413() {
    String big = event("PublishedEvent.3", "x", "{'pfIds':[],'padding':'" + "x".repeat(70_000) + "'}");
    Http.Resp r = post(bearer(), big);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.code()).isEqualTo("BadRequest");
  }

  @Test
  void event_withoutToken_401() {
    Http.Resp r = post(null, event("PublishedEvent.3", "x", "{'pfIds':[]}"));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.code()).isEqualTo("BadRequest");
  }

  @Test
  void requestEvents_flood_boundedQueueAnswers429() {
    // a partner whose endpoint holds the worker: its client's answers pile up, 2 may wait (pactQueue)
    JsonNode p = http.postJson("/api/pact/partners", team.admin(), Team.json("{'name':'Slow','eventUrl':'http://127.0.0.1:"
        + partner.getAddress().getPort() + "/slow/3/events'}")).json();
    JsonNode c = http.postJson("/api/pact/clients", team.admin(), Team.json("{'name':'slow','partnerId':"
        + p.get("id").asLong() + "}")).json();
    String token = token(c.get("clientId").asText(), c.get("clientSecret").asText()).json().get("access_token").asText();
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Http.Resp r = post(token, event("RequestCreatedEvent.3", "flood-" + i, "{'productId':['urn:pact:null']}"));
      statuses.add(r.status());
      if (r.status() == 429) {
        assertThat(r.code()).isEqualTo("TooManyRequests");
        assertThat(r.header("Retry-After")).isEqualTo("30");
      }
    }
    // two answers waiting (the one the worker is sending counts until it is delivered): the rest refused
    assertThat(statuses.subList(0, 2)).containsOnly(200);
    assertThat(statuses.subList(2, 8)).containsOnly(429);
    release.countDown();
  }

  @Test
  void requestEvent_partnerDown_answerKeptAcrossARestart_deliveredWhenItIsBack() throws Exception {
    Path dir = Files.createTempDirectory("tanji-outbox");
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort(); // nobody listens there until the partner is back
    }
    MutableClock own = new MutableClock();
    ServerConfig config = ServerConfig.builder(dir.resolve("data")).port(0).database(databaseUrl(), null, null)
        .adminPassword(OPERATOR_PW).loginsPerMinute(1000).clock(own)
        .tls(ServerConfig.Tls.keystore(cert.keystore, SelfSigned.PASSWORD)).build();
    try (TanjiServer a = TanjiServer.start(config)) {
      Http h = new Http(a.url(), cert.client());
      Team t = Team.of(h, OPERATOR_PW);
      JsonNode p = h.postJson("/api/pact/partners", t.admin(), Team.json("{'name':'Down','eventUrl':'http://127.0.0.1:"
          + port + "/3/events'}")).json();
      JsonNode c = h.postJson("/api/pact/clients", t.admin(), Team.json("{'name':'down','partnerId':"
          + p.get("id").asLong() + "}")).json();
      String basic = Base64.getEncoder().encodeToString((c.get("clientId").asText() + ":" + c.get("clientSecret").asText())
          .getBytes(StandardCharsets.UTF_8));
      String token = h.send("POST", "/auth/token", null, "application/x-www-form-urlencoded",
          "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8), "Authorization", "Basic " + basic)
          .json().get("access_token").asText();
      Http.Resp r = h.send("POST", "/3/events", token, "application/cloudevents+json; charset=UTF-8",
          event("RequestCreatedEvent.3", "outage-1", "{'productId':['urn:pact:null']}").getBytes(StandardCharsets.UTF_8));
      assertThat(r.status()).as(r.text()).isEqualTo(200);
    } // stopped with the answer undelivered: the partner's address refused it, or it was not tried yet
    BlockingQueue<JsonNode> got = new LinkedBlockingQueue<>();
    HttpServer back = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    back.createContext("/3/events", ex -> {
      got.add(Http.MAPPER.readTree(ex.getRequestBody().readAllBytes()));
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    back.start();
    try (TanjiServer b = TanjiServer.start(config)) {
      own.advance(Duration.ofMinutes(5)); // past the wait before the next try
      JsonNode answer = got.poll(30, TimeUnit.SECONDS);
      assertThat(answer).as("the answer, delivered by the restarted server").isNotNull();
      assertThat(answer.get("type").asText()).isEqualTo("org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3");
      assertThat(answer.at("/data/requestEventId").asText()).isEqualTo("outage-1");
      assertThat(got.poll(1500, TimeUnit.MILLISECONDS)).as("delivered once").isNull();
    } finally {
      back.stop(0);
    }
  }

  @Test
  void sharing_aPartnerReadsOnlyTheStudiesItIsShared() {
    JsonNode p = http.postJson("/api/pact/partners", team.admin(), Team.json("{'name':'Ford'}")).json();
    String sharing = "/api/pact/partners/" + p.get("id").asLong() + "/sharing";
    JsonNode c = http.postJson("/api/pact/clients", team.admin(), Team.json("{'name':'Ford purchasing','partnerId':"
        + p.get("id").asLong() + "}")).json();
    String ford = token(c.get("clientId").asText(), c.get("clientSecret").asText()).json().get("access_token").asText();
    assertThat(http.get(sharing, team.admin()).json().get("all").asBoolean()).isTrue();
    assertThat(ids(http.get("/3/footprints", ford))).contains(v1.toString(), v2.toString());

    // shared one study that has no issued version: Ford reads nothing, not even by id
    String draft = http.send("POST", "/api/studies", team.admin(), ApiTests.YAML,
        ApiTests.example("seed-003-as-published.yaml")).json().get("id").asText();
    Http.Resp only = http.send("PUT", sharing, team.admin(), "application/json",
        Team.json("{'all':false,'studies':['" + draft + "']}").getBytes(StandardCharsets.UTF_8));
    assertThat(only.status()).as(only.text()).isEqualTo(200);
    assertThat(only.json().get("studies")).extracting(JsonNode::asText).containsExactly(draft);
    assertThat(ids(http.get("/3/footprints", ford))).isEmpty();
    assertThat(http.get("/3/footprints/" + v2, ford).status()).isEqualTo(404);
    assertThat(ids(http.get("/3/footprints", bearer()))).as("BYD shares all still").contains(v2.toString());

    // shared the issued study: both its versions' footprints
    http.send("PUT", sharing, team.admin(), "application/json",
        Team.json("{'all':false,'studies':['" + studyId + "']}").getBytes(StandardCharsets.UTF_8));
    assertThat(ids(http.get("/3/footprints", ford))).containsExactlyInAnyOrder(v1.toString(), v2.toString());
    assertThat(http.get("/3/footprints/" + v2, ford).status()).isEqualTo(200);

    // refused: a study of no one, both "all" and a list, a reviewer
    Http.Resp unknown = http.send("PUT", sharing, team.admin(), "application/json",
        Team.json("{'all':false,'studies':['" + UUID.randomUUID() + "']}").getBytes(StandardCharsets.UTF_8));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(http.send("PUT", sharing, team.admin(), "application/json",
        Team.json("{'all':true,'studies':[]}").getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
    assertThat(http.send("PUT", sharing, team.reviewer(), "application/json",
        Team.json("{'all':true}").getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
    assertThat(ids(http.get("/3/footprints", ford))).hasSize(2); // unchanged by the refusals
  }

  @Test
  void requestEvent_clientWithoutPartner_400AtOnce() {
    JsonNode c = http.postJson("/api/pact/clients", team.admin(), "{\"name\":\"no partner\"}").json();
    String token = token(c.get("clientId").asText(), c.get("clientSecret").asText()).json().get("access_token").asText();
    Http.Resp r = post(token, event("RequestCreatedEvent.3", "x", "{}"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").asText()).contains("event endpoint");
  }

  @Test
  void plainHttpServer_pactRefusedSayingHttps() throws IOException {
    try (TanjiServer plain = TanjiServer.start(ServerConfig.builder(Files.createTempDirectory("tanji-plain")).port(0)
        .adminPassword(OPERATOR_PW).build())) {
      assertThat(plain.url()).startsWith("http://");
      Http.Resp r = new Http(plain.url()).get("/3/footprints", "whatever");
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.code()).isEqualTo("AccessDenied");
      assertThat(r.json().get("message").asText()).contains("HTTPS");
      Http.Resp zh = new Http(plain.url()).send("POST", "/auth/token", null, null, null, "Accept-Language", "zh");
      assertThat(zh.json().get("message").asText()).contains("HTTPS");
    }
  }

  @Test
  void pactPage_adminAddsPartnerAndClient_secretShownOnce() throws IOException, InterruptedException {
    try (TanjiServer plain = TanjiServer.start(ServerConfig.builder(Files.createTempDirectory("tanji-pact-pages"))
        .port(0).adminPassword(OPERATOR_PW).loginsPerMinute(1000).build())) {
      Team t = Team.of(new Http(plain.url()), OPERATOR_PW);
      PageSession admin = PageSession.signIn(plain.url(), t.org(), "password-" + t.org());
      // the form says a stored secret goes to its host only, and is asked again when the host moves
      assertThat(admin.get("/pact").body()).contains("id=\"add-partner\"")
          .contains("sent only to this host; a change of the host&#39;s address needs it again");
      PageSession zh = PageSession.signIn(plain.url(), t.org(), "password-" + t.org());
      zh.get("/lang/zh?back=/pact"); // the language cookie
      assertThat(zh.get("/pact").body()).contains("只发送给此主机；更改主机地址时须重新填写");
      assertThat(admin.post("/pact/partners", "name", "GM", "eventUrl", "https://gm.example/3/events").statusCode())
          .isEqualTo(303);
      String page = admin.get("/pact").body();
      assertThat(page).contains("https://gm.example/3/events");
      String partnerId = page.replaceAll("(?s).*<option value=\"(\\d+)\">GM</option>.*", "$1");
      String made = admin.post("/pact/clients", "name", "GM buyer", "partner", partnerId).body();
      String secret = made.replaceAll("(?s).*<code id=\"made-secret\">([^<]+)</code>.*", "$1");
      assertThat(secret).hasSize(43);
      assertThat(admin.get("/pact").body()).contains("GM buyer").doesNotContain(secret);
      // what GM may read: all issued footprints at first, then only the study ticked
      assertThat(admin.get("/pact").body()).contains("id=\"sharing-" + partnerId + "\">all issued footprints<");
      String study = new Http(plain.url()).send("POST", "/api/studies", t.admin(), ApiTests.YAML,
          ApiTests.example("seed-003-steel-balls.yaml")).json().get("id").asText();
      String sharingPage = admin.get("/pact/partners/" + partnerId + "/sharing").body();
      assertThat(sharingPage).contains("id=\"shares-all\" checked").contains("value=\"" + study + "\"");
      assertThat(admin.post("/pact/partners/" + partnerId + "/sharing", "shares", "some", "study", study).statusCode())
          .isEqualTo(303);
      assertThat(admin.get("/pact").body()).contains("id=\"sharing-" + partnerId + "\">one study<");
      assertThat(admin.get("/pact/partners/" + partnerId + "/sharing").body()).contains("id=\"shares-some\" checked")
          .contains("id=\"share-" + study + "\" checked");
      assertThat(admin.post("/pact/partners", "name", "Bad", "eventUrl", "ftp://x").statusCode()).isEqualTo(400);
      // a client for a partner that is not a partner's number is refused, not made for no partner
      var tampered = admin.post("/pact/clients", "name", "GM buyer 2", "partner", "GM");
      assertThat(tampered.statusCode()).isEqualTo(400);
      assertThat(tampered.body()).contains("field &quot;partner&quot; should hold the number");
      assertThat(admin.get("/pact").body()).doesNotContain("GM buyer 2");
      PageSession reviewer = PageSession.signIn(plain.url(), t.org() + "rev", "password-rev-1");
      assertThat(reviewer.get("/pact").statusCode()).isEqualTo(403);
      assertThat(reviewer.get("/studies").body()).doesNotContain("id=\"nav-pact\"");
    }
  }

  /**
   * The partners API: listed, changed and deleted, each checked by what is stored after; a host that
   * moves to another server needs its secret again (a stored secret is sent only where it was entered for).
   */
  @Test
  void partnersApi_getPutDelete_aMovedHostNeedsItsSecretAgain() {
    Team t = Team.of(http, OPERATOR_PW);
    long id = http.postJson("/api/pact/partners", t.admin(), Team.json("{'name':'Ford','hostUrl':"
        + "'https://pact.ford.example','hostClientId':'id-1','hostSecret':'first'}")).json().get("id").asLong();
    String at = "/api/pact/partners/" + id;
    JsonNode listed = http.get("/api/pact/partners", t.admin()).json().get("partners");
    assertThat(listed).singleElement().satisfies(p -> {
      assertThat(p.get("name").asText()).isEqualTo("Ford");
      assertThat(p.get("hostUrl").asText()).isEqualTo("https://pact.ford.example");
      assertThat(p.get("hostClientId").asText()).isEqualTo("id-1");
      assertThat(p.has("hostSecret")).isFalse();
    });

    byte[] moved = Team.json("{'name':'Ford','hostUrl':'https://pact.attacker.example','hostClientId':'id-1'}")
        .getBytes(StandardCharsets.UTF_8);
    Http.Resp en = http.send("PUT", at, t.admin(), "application/json", moved, "Accept-Language", "en");
    assertThat(en.status()).isEqualTo(400);
    assertThat(en.code()).isEqualTo("BAD_PARTNER");
    assertThat(en.json().get("message").asText()).isEqualTo("The host moves from https://pact.ford.example:443 to "
        + "https://pact.attacker.example:443: give its secret again (hostSecret). A stored secret is only sent to "
        + "the host it was entered for.");
    Http.Resp zh = http.send("PUT", at, t.admin(), "application/json", moved, "Accept-Language", "zh");
    assertThat(zh.json().get("message").asText()).startsWith("主机地址由 https://pact.ford.example:443 改为")
        .contains("hostSecret");
    assertThat(http.get("/api/pact/partners", t.admin()).json().at("/partners/0/hostUrl").asText())
        .isEqualTo("https://pact.ford.example");

    // renamed, the host on the same server under another path: the secret stays; then with its secret, moved
    assertThat(http.send("PUT", at, t.admin(), "application/json", Team.json("{'name':'Ford Motor','hostUrl':"
        + "'https://pact.ford.example/v3','hostClientId':'id-2'}").getBytes(StandardCharsets.UTF_8)).status())
        .isEqualTo(200);
    Http.Resp put = http.send("PUT", at, t.admin(), "application/json", Team.json("{'name':'Ford Motor','hostUrl':"
        + "'https://pact.ford2.example','hostClientId':'id-2','hostSecret':'second'}").getBytes(StandardCharsets.UTF_8));
    assertThat(put.status()).isEqualTo(200);
    assertThat(http.get("/api/pact/partners", t.admin()).json().get("partners")).singleElement().satisfies(p -> {
      assertThat(p.get("name").asText()).isEqualTo("Ford Motor");
      assertThat(p.get("hostUrl").asText()).isEqualTo("https://pact.ford2.example");
      assertThat(p.get("hostClientId").asText()).isEqualTo("id-2");
    });

    JsonNode c = http.postJson("/api/pact/clients", t.admin(), Team.json("{'name':'Ford buyer','partnerId':" + id + "}"))
        .json();
    assertThat(http.send("DELETE", at, t.admin(), null, null).status()).isEqualTo(204);
    assertThat(http.get("/api/pact/partners", t.admin()).json().get("partners")).isEmpty();
    // its client is revoked with it, and the partner is gone for a second delete
    assertThat(http.get("/api/pact/clients", t.admin()).json().get("clients")).singleElement()
        .satisfies(k -> assertThat(k.path("revokedAt").isTextual()).isTrue());
    assertThat(token(c.get("clientId").asText(), c.get("clientSecret").asText()).status()).isEqualTo(401);
    assertThat(http.send("DELETE", at, t.admin(), null, null).status()).isEqualTo(404);
  }

  /** A supplier's PACT host for the fetch routes: a token for client "tanji" with secret "s3cret", then example 3. */
  private static HttpServer supplierHost(String footprint) throws IOException {
    String basic = "Basic " + Base64.getEncoder().encodeToString("tanji:s3cret".getBytes(StandardCharsets.UTF_8));
    HttpServer host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    host.createContext("/auth/token", ex -> {
      boolean ok = basic.equals(ex.getRequestHeaders().getFirst("Authorization"));
      byte[] body = (ok ? "{\"access_token\":\"t1\",\"token_type\":\"bearer\"}" : "{\"error\":\"invalid_client\"}")
          .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(ok ? 200 : 401, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    host.createContext("/3/footprints", ex -> {
      String path = ex.getRequestURI().getPath();
      boolean one = path.equals("/3/footprints/" + EXAMPLE3_ID);
      int status = !"Bearer t1".equals(ex.getRequestHeaders().getFirst("Authorization")) ? 403
          : one || path.equals("/3/footprints") ? 200 : 404;
      byte[] body = (status != 200 ? "{\"code\":\"NotFound\",\"message\":\"no\"}"
          : one ? "{\"data\":" + footprint + "}" : "{\"data\":[" + footprint + "]}").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(status, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    host.start();
    return host;
  }

  /** The spec's example 3 (Company 3, 77 kgCO2e a piece), in testdata/pact. */
  private static final String EXAMPLE3_ID = "8b26f3b8-f5d9-4adf-8a11-02e05d273e58";

  /**
   * The routes of the PACT pages and API that change things, each checked by what is stored after:
   * fetching from a supplier's host on the page and over the API, revoking a client on the page and
   * over the API, deleting a partner on the page.
   */
  @Test
  void pactRoutes_fetchRevokeDelete_pageAndApi_stateAfter() throws IOException, InterruptedException {
    HttpServer supplier = example3Host();
    String hostUrl = "http://127.0.0.1:" + supplier.getAddress().getPort();
    try (TanjiServer plain = plainServer("tanji-pact-routes")) {
      Http api = new Http(plain.url());
      Team t = Team.of(api, OPERATOR_PW);
      PageSession admin = PageSession.signIn(plain.url(), t.org(), "password-" + t.org());
      admin.get("/pact");
      assertThat(admin.post("/pact/partners", "name", "Company 3", "hostUrl", hostUrl, "hostClientId", "tanji",
          "hostSecret", "s3cret").statusCode()).isEqualTo(303);
      long partner = api.get("/api/pact/partners", t.admin()).json().at("/partners/0/id").asLong();

      // fetched on the page: the footprint named, into the organization's library
      admin.get("/factors/pact");
      var fetched = admin.post("/factors/pact/fetch", "partner", String.valueOf(partner), "footprintId", EXAMPLE3_ID);
      assertThat(fetched.statusCode()).isEqualTo(200);
      assertThat(fetched.body()).contains("pact-" + EXAMPLE3_ID);
      assertThat(api.get("/api/factors/pact", t.admin()).json().get("factors")).singleElement().satisfies(f -> {
        assertThat(f.get("id").asText()).isEqualTo("pact-" + EXAMPLE3_ID);
        assertThat(f.get("companyName").asText()).isEqualTo("Company 3");
      });

      // fetched over the API by another organization: the host's list, into its own library only
      Team other = Team.of(api, OPERATOR_PW);
      long theirs = api.postJson("/api/pact/partners", other.admin(), Team.json("{'name':'Company 3','hostUrl':'"
          + hostUrl + "','hostClientId':'tanji','hostSecret':'s3cret'}")).json().get("id").asLong();
      Http.Resp viaApi = api.postJson("/api/pact/partners/" + theirs + "/fetch", other.admin(), "{}");
      assertThat(viaApi.status()).as(viaApi.text()).isEqualTo(201);
      assertThat(viaApi.json().get("factors")).singleElement().satisfies(f -> {
        assertThat(f.get("key").asText()).isEqualTo("pact-" + EXAMPLE3_ID);
        assertThat(f.get("value").asText()).isEqualTo("77 kgCO2e/piece");
      });
      assertThat(api.get("/api/factors/pact", other.admin()).json().get("factors")).singleElement()
          .satisfies(f -> assertThat(f.get("footprintId").asText()).isEqualTo(EXAMPLE3_ID));
      assertThat(api.get("/api/factors/pact", t.admin()).json().get("factors")).hasSize(1);

      // two clients for the partner: one revoked on the page, one over the API
      admin.get("/pact");
      admin.post("/pact/clients", "name", "on the page", "partner", String.valueOf(partner));
      JsonNode viaApiClient = api.postJson("/api/pact/clients", t.admin(), Team.json("{'name':'over the API',"
          + "'partnerId':" + partner + "}")).json();
      long onPage = api.get("/api/pact/clients", t.admin()).json().findParents("name").stream()
          .filter(c -> c.get("name").asText().equals("on the page")).findFirst().orElseThrow().get("id").asLong();
      admin.get("/pact");
      assertThat(admin.post("/pact/clients/" + onPage + "/revoke").statusCode()).isEqualTo(303);
      assertThat(api.send("DELETE", "/api/pact/clients/" + viaApiClient.get("id").asLong(), t.admin(), null, null)
          .status()).isEqualTo(204);
      assertThat(api.get("/api/pact/clients", t.admin()).json().get("clients")).hasSize(2)
          .allSatisfy(c -> assertThat(c.path("revokedAt").isTextual()).as(c.toString()).isTrue());
      assertThat(api.send("DELETE", "/api/pact/clients/" + viaApiClient.get("id").asLong(), t.admin(), null, null)
          .status()).isEqualTo(404);

      // the partner deleted on the page: gone from the list and the page
      assertThat(admin.post("/pact/partners/" + partner + "/delete").statusCode()).isEqualTo(303);
      assertThat(api.get("/api/pact/partners", t.admin()).json().get("partners")).isEmpty();
      assertThat(admin.get("/pact").body()).doesNotContain("id=\"sharing-" + partner + "\"");
      // its fetched footprint stays in the library: it was imported, not lent
      assertThat(api.get("/api/factors/pact", t.admin()).json().get("factors")).hasSize(1);
    } finally {
      supplier.stop(0);
    }
  }

  /** A supplier's PACT host on this machine that serves the spec's example 3 (Company 3). */
  private static HttpServer example3Host() throws IOException {
    return supplierHost(Files.readString(Path.of("..", "testdata", "pact", "example-3.json")));
  }

  /** A server of the test's own over plain HTTP, on a new folder. */
  private static TanjiServer plainServer(String folder) throws IOException {
    return TanjiServer.start(ServerConfig.builder(Files.createTempDirectory(folder))
        .port(0).adminPassword(OPERATOR_PW).loginsPerMinute(1000).build());
  }

  /** A partner changed on its page: what is typed is kept, the stored secret too while the host stays, its clients untouched. */
  @Test
  void partnerPage_changesAPartner_keepsItsSecretOnItsHostOnly() throws IOException, InterruptedException {
    HttpServer supplier = example3Host();
    String hostUrl = "http://127.0.0.1:" + supplier.getAddress().getPort();
    try (TanjiServer plain = plainServer("tanji-pact-partner")) {
      Http api = new Http(plain.url());
      Team t = Team.of(api, OPERATOR_PW);
      long partner = api.postJson("/api/pact/partners", t.admin(), Team.json("{'name':'Company 3','hostUrl':'"
          + hostUrl + "','hostClientId':'tanji','hostSecret':'s3cret'}")).json().get("id").asLong();
      api.postJson("/api/pact/clients", t.admin(), Team.json("{'name':'theirs','partnerId':" + partner + "}"));
      PageSession admin = PageSession.signIn(plain.url(), t.org(), "password-" + t.org());
      assertThat(admin.get("/pact").body()).contains("href=\"/pact/partners/" + partner + "\"");
      String form = admin.get("/pact/partners/" + partner).body();
      assertThat(form).contains("value=\"Company 3\"").contains("value=\"" + hostUrl + "\"").contains("value=\"tanji\"")
          .doesNotContain("s3cret");

      // renamed, an event address added, the secret left empty: kept, and still what the fetch signs in with
      assertThat(admin.post("/pact/partners/" + partner, "name", "Company 3 Ltd", "eventUrl",
          "https://company3.example/3/events", "hostUrl", hostUrl, "hostClientId", "tanji", "hostSecret", "")
          .statusCode()).isEqualTo(303);
      JsonNode changed = api.get("/api/pact/partners", t.admin()).json().at("/partners/0");
      assertThat(changed.get("name").asText()).isEqualTo("Company 3 Ltd");
      assertThat(changed.get("eventUrl").asText()).isEqualTo("https://company3.example/3/events");
      admin.get("/factors/pact");
      assertThat(admin.post("/factors/pact/fetch", "partner", String.valueOf(partner), "footprintId", EXAMPLE3_ID)
          .statusCode()).isEqualTo(200);
      assertThat(api.get("/api/factors/pact", t.admin()).json().get("factors")).hasSize(1);

      // moved to another host without the secret: refused, saying why, nothing changed
      admin.get("/pact/partners/" + partner);
      var moved = admin.post("/pact/partners/" + partner, "name", "Company 3 Ltd", "hostUrl",
          "http://localhost:" + supplier.getAddress().getPort(), "hostClientId", "tanji", "hostSecret", "");
      assertThat(moved.statusCode()).isEqualTo(400);
      assertThat(moved.body()).contains("hostSecret");
      assertThat(api.get("/api/pact/partners", t.admin()).json().at("/partners/0/hostUrl").asText()).isEqualTo(hostUrl);
      // changing a partner, unlike deleting it, leaves its API clients as they were
      assertThat(api.get("/api/pact/clients", t.admin()).json().get("clients")).singleElement()
          .satisfies(c -> assertThat(c.has("revokedAt") && c.get("revokedAt").isTextual()).isFalse());
    } finally {
      supplier.stop(0);
    }
  }

  @Test
  void pemCertificateAndKey_serveHttpsToo() throws IOException {
    try (TanjiServer pem = TanjiServer.start(ServerConfig.builder(Files.createTempDirectory("tanji-pem")).port(0)
        .adminPassword(OPERATOR_PW).tls(ServerConfig.Tls.pem(cert.certificatePem, cert.keyPem)).build())) {
      assertThat(URI.create(pem.url()).getScheme()).isEqualTo("https");
      assertThat(new Http(pem.url(), cert.client()).get("/api/health", null).status()).isEqualTo(200);
    }
  }
}

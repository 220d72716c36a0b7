package org.tanji.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tanji.core.model.Factor;
import org.tanji.io.library.FactorLibrary;
import org.tanji.server.domain.Partner;
import org.tanji.server.domain.Principal;
import org.tanji.server.store.Database;

/**
 * Reading footprints from a supplier's PACT host, against a tiny host in the test: it hands a
 * token for the right client credentials only, and footprints for that token only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class SupplierFetchTest {

  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  /** The spec's example 3 (Company 3, 77 kgCO2e per piece). */
  private static final String ID3 = "8b26f3b8-f5d9-4adf-8a11-02e05d273e58";

  private final AtomicInteger ids = new AtomicInteger();
  /** What the host was asked, for the test to check: method, path and query. */
  private final List<String> asked = new ArrayList<>();
  private Database db;
  private AccountService accounts;
  private PartnerService partners;
  private FactorService factors;
  private SupplierFetch fetch;
  private Principal operator;
  private Javalin host;
  private String example3;

  @BeforeAll
  void open() throws IOException {
    Path dir = Files.createTempDirectory("tanji-fetch");
    db = Database.open(Database.h2Url(dir), null, null, 4);
    Env env = new Env(Clock.systemUTC(), () -> new UUID(0, ids.incrementAndGet()), new SecureRandom());
    AuditService audit = new AuditService(db, env);
    accounts = new AccountService(db, env, Duration.ofHours(1), 5, audit);
    partners = new PartnerService(db, env, audit, new Sealer(SECRET, "pact-partner", env.random()));
    factors = new FactorService(db, env, FactorLibrary.builtIn(), audit);
    fetch = new SupplierFetch(partners, factors, new PartnerHttp());
    accounts.bootstrap(AccountService.FirstAdmin.of("operator-password", env.random()));
    operator = accounts.principalNamed("admin").orElseThrow();
    example3 = Files.readString(Path.of("..", "testdata", "pact", "example-3.json"));
    String basic = "Basic " + Base64.getEncoder().encodeToString("tanji:s3cret".getBytes(StandardCharsets.UTF_8));
    host = Javalin.create(cfg -> routes(cfg.routes, basic)).start("127.0.0.1", 0);
  }

  private void routes(io.javalin.config.RoutesConfig routes, String basic) {
    io.javalin.http.Handler token = ctx -> {
      asked.add("POST " + ctx.path() + " " + ctx.body());
      if (!basic.equals(ctx.header("Authorization"))) {
        ctx.status(401).json(java.util.Map.of("error", "invalid_client"));
        return;
      }
      ctx.json(java.util.Map.of("access_token", "token-1", "token_type", "bearer"));
    };
    routes.post("/auth/token", token);
    // a host under /oidc whose OpenID configuration names its own token endpoint; one under /bad naming
    // an address the credentials may not go to
    routes.post("/oidc/oauth2/token", token);
    routes.get("/oidc/.well-known/openid-configuration", ctx -> ctx.json(java.util.Map.of(
        "issuer", "http://127.0.0.1:" + host.port() + "/oidc",
        "token_endpoint", "http://127.0.0.1:" + host.port() + "/oidc/oauth2/token")));
    routes.get("/bad/.well-known/openid-configuration", ctx -> ctx.json(java.util.Map.of(
        "token_endpoint", "http://tokens.example.com/token")));
    routes.get("/elsewhere/.well-known/openid-configuration", ctx -> ctx.json(java.util.Map.of(
        "token_endpoint", "https://tokens.example.com/token")));
    routes.get("/local/.well-known/openid-configuration", ctx -> ctx.json(java.util.Map.of(
        "token_endpoint", "http://127.0.0.1:1/token")));
    io.javalin.http.Handler one = ctx -> {
      asked.add("GET " + ctx.path());
      if (!"Bearer token-1".equals(ctx.header("Authorization"))) {
        ctx.status(403).json(java.util.Map.of("code", "AccessDenied", "message", "Access denied"));
      } else if (!ctx.pathParam("id").equals(ID3)) {
        ctx.status(404).json(java.util.Map.of("code", "NoSuchFootprint", "message", "The requested footprint does not exist"));
      } else {
        ctx.contentType("application/json").result("{\"data\": " + example3 + "}");
      }
    };
    routes.get("/3/footprints/{id}", one);
    routes.get("/oidc/3/footprints/{id}", one);
    routes.get("/3/footprints", ctx -> {
      asked.add("GET /3/footprints?" + ctx.queryString());
      String product = String.valueOf(ctx.queryParam("productId"));
      if (product.equals("urn:paged") || product.equals("urn:foreign")) {
        // three pages of one footprint each (ids ending 0, 1, 2), linked as the spec's hosts do
        int page = Integer.parseInt(java.util.Optional.ofNullable(ctx.queryParam("p")).orElse("0"));
        if (page < 2) {
          String at = product.equals("urn:foreign") ? "http://pages.example.invalid" : "http://127.0.0.1:" + host.port();
          ctx.header("Link", "<" + at + "/3/footprints?productId=" + product + "&p=" + (page + 1) + ">; rel=\"next\"");
        }
        ctx.contentType("application/json").result("{\"data\": [" + example3.replace(ID3, ID3.substring(0, 35) + page)
            + "]}");
        return;
      }
      ctx.contentType("application/json").result("{\"data\": [" + example3 + "]}");
    });
  }

  @AfterAll
  void close() {
    host.stop();
    db.close();
  }

  private Principal newOrganization() {
    String name = "org-" + ids.incrementAndGet();
    accounts.createOrganization(operator, name, name + "-admin", "password-" + name);
    return accounts.principalNamed(name + "-admin").orElseThrow();
  }

  private long supplier(Principal admin, String secret) {
    return supplier(admin, secret, "/");
  }

  /** A partner whose PACT host is the test's, at {@code path} on it. */
  private long supplier(Principal admin, String secret, String path) {
    Partner p = partners.addPartner(admin, new PartnerService.PartnerForm("Company 3 " + ids.incrementAndGet(), null,
        "http://127.0.0.1:" + host.port() + path, "tanji", secret));
    return p.id();
  }

  @Test
  void fetch_oneFootprint_tokenThenFootprintThenImported() {
    Principal admin = newOrganization();
    long partner = supplier(admin, "s3cret");
    asked.clear();
    FactorService.Imported imported = fetch.fetch(admin, partner,
        new SupplierFetch.Query(Optional.of(ID3), Optional.empty(), 10));
    assertThat(asked).containsExactly("POST /auth/token grant_type=client_credentials", "GET /3/footprints/" + ID3);
    assertThat(imported.factors()).extracting(Factor::id).containsExactly("pact-" + ID3);
    assertThat(factors.library(admin).factors().find("pact-" + ID3).orElseThrow().value().text())
        .isEqualTo("77 kgCO2e/piece");
  }

  @Test
  void fetch_hostNamesItsTokenEndpoint_theCredentialsGoThere() {
    Principal admin = newOrganization();
    long partner = supplier(admin, "s3cret", "/oidc");
    asked.clear();
    fetch.fetch(admin, partner, new SupplierFetch.Query(Optional.of(ID3), Optional.empty(), 10));
    assertThat(asked).containsExactly("POST /oidc/oauth2/token grant_type=client_credentials",
        "GET /oidc/3/footprints/" + ID3);
    assertThat(factors.list(admin)).hasSize(1);
  }

  /** The credentials go only to the server they were entered for, whatever a host's document says. */
  @ParameterizedTest
  @CsvSource({"bad, http://tokens.example.com/token", "elsewhere, https://tokens.example.com/token",
      "local, http://127.0.0.1:1/token"})
  void fetch_tokenEndpointOnAnotherServer_refusedNamingIt_nothingSent(String prefix, String named) {
    Principal admin = newOrganization();
    long partner = supplier(admin, "s3cret", "/" + prefix);
    asked.clear();
    assertThatThrownBy(() -> fetch.fetch(admin, partner, new SupplierFetch.Query(Optional.of(ID3), Optional.empty(), 10)))
        .isInstanceOfSatisfying(AppException.PartnerFailed.class, e -> {
          assertThat(e.code()).isEqualTo("PARTNER_HOST_FAILED");
          assertThat(e.text().args()).containsExactly("http://127.0.0.1:" + host.port() + "/" + prefix, named);
        });
    assertThat(asked).isEmpty();
    assertThat(factors.list(admin)).isEmpty();
  }

  @Test
  void fetch_list_withProductFilterAndLimit() {
    Principal admin = newOrganization();
    long partner = supplier(admin, "s3cret");
    asked.clear();
    fetch.fetch(admin, partner, new SupplierFetch.Query(Optional.empty(), Optional.of("urn:gtin:4712345060507"), 5));
    assertThat(asked).containsExactly("POST /auth/token grant_type=client_credentials",
        "GET /3/footprints?limit=5&productId=urn%3Agtin%3A4712345060507");
    assertThat(factors.list(admin)).hasSize(1);
  }

  @Test
  void fetch_list_followsTheHostsNextPages_toTheLimit() {
    Principal admin = newOrganization();
    long partner = supplier(admin, "s3cret");
    asked.clear();
    FactorService.Imported all = fetch.fetch(admin, partner,
        new SupplierFetch.Query(Optional.empty(), Optional.of("urn:paged"), 10));
    assertThat(asked).containsExactly("POST /auth/token grant_type=client_credentials",
        "GET /3/footprints?limit=10&productId=urn%3Apaged", "GET /3/footprints?productId=urn:paged&p=1",
        "GET /3/footprints?productId=urn:paged&p=2");
    assertThat(all.factors()).extracting(Factor::id).containsExactly("pact-" + ID3.substring(0, 35) + "0",
        "pact-" + ID3.substring(0, 35) + "1", "pact-" + ID3.substring(0, 35) + "2");
    // a limit of two: the third page is not asked for
    Principal other = newOrganization();
    long theirs = supplier(other, "s3cret");
    asked.clear();
    assertThat(fetch.fetch(other, theirs, new SupplierFetch.Query(Optional.empty(), Optional.of("urn:paged"), 2))
        .factors()).hasSize(2);
    assertThat(asked).hasSize(3).last().isEqualTo("GET /3/footprints?productId=urn:paged&p=1");
  }

  @Test
  void fetch_list_nextPageAtAnotherHost_notFollowed_nothingImported() {
    Principal admin = newOrganization();
    long partner = supplier(admin, "s3cret");
    assertThatThrownBy(() -> fetch.fetch(admin, partner,
        new SupplierFetch.Query(Optional.empty(), Optional.of("urn:foreign"), 10)))
        .isInstanceOfSatisfying(AppException.PartnerFailed.class, e -> {
          assertThat(e.code()).isEqualTo("PARTNER_HOST_FAILED");
          assertThat(e.text().args()).contains("http://pages.example.invalid/3/footprints?productId=urn:foreign&p=1");
        });
    assertThat(factors.list(admin)).isEmpty();
  }

  @Test
  void fetch_wrongSecret_partnerFailedNamingTheHostsAnswer() {
    Principal admin = newOrganization();
    long partner = supplier(admin, "wrong");
    assertThatThrownBy(() -> fetch.fetch(admin, partner, new SupplierFetch.Query(Optional.of(ID3), Optional.empty(), 10)))
        .isInstanceOfSatisfying(AppException.PartnerFailed.class, e -> {
          assertThat(e.code()).isEqualTo("PARTNER_HOST_FAILED");
          assertThat(e.text().args()).containsExactly("http://127.0.0.1:" + host.port() + "/auth/token", "401",
              "{\"error\":\"invalid_client\"}");
        });
    assertThat(factors.list(admin)).isEmpty();
  }

  @Test
  void fetch_unknownFootprint_theHosts404IsSaid() {
    Principal admin = newOrganization();
    long partner = supplier(admin, "s3cret");
    String other = "00000000-0000-0000-0000-000000000001";
    assertThatThrownBy(() -> fetch.fetch(admin, partner, new SupplierFetch.Query(Optional.of(other), Optional.empty(), 10)))
        .isInstanceOfSatisfying(AppException.PartnerFailed.class,
            e -> assertThat(e.text().args().get(1)).isEqualTo("404"));
  }

  @Test
  void fetch_hostDown_unreachable() {
    Principal admin = newOrganization();
    Partner p = partners.addPartner(admin, new PartnerService.PartnerForm("Gone", null, "http://127.0.0.1:1/",
        "tanji", "s3cret"));
    assertThatThrownBy(() -> fetch.fetch(admin, p.id(), new SupplierFetch.Query(Optional.of(ID3), Optional.empty(), 10)))
        .isInstanceOfSatisfying(AppException.PartnerFailed.class,
            e -> assertThat(e.code()).isEqualTo("PARTNER_HOST_UNREACHABLE"));
  }

  @Test
  void fetch_partnerWithoutHostOrOfAnotherOrganization_notFound() {
    Principal admin = newOrganization();
    Partner customer = partners.addPartner(admin, new PartnerService.PartnerForm("Customer", "https://c.example/3/events",
        null, null, null));
    assertThatThrownBy(() -> fetch.fetch(admin, customer.id(), new SupplierFetch.Query(Optional.of(ID3), Optional.empty(), 10)))
        .isInstanceOf(AppException.NotFound.class);
    long theirs = supplier(newOrganization(), "s3cret");
    assertThatThrownBy(() -> fetch.fetch(admin, theirs, new SupplierFetch.Query(Optional.of(ID3), Optional.empty(), 10)))
        .isInstanceOf(AppException.NotFound.class);
    // the secret is the admins' to use: a member of the same organization may not sign in with it
    long ours = supplier(admin, "s3cret");
    accounts.createUser(admin, "member-" + ids.incrementAndGet(), "member-password-1", org.tanji.server.domain.Role.MEMBER);
    Principal member = accounts.users(admin).stream().filter(u -> u.username().startsWith("member-"))
        .map(u -> accounts.principalNamed(u.username()).orElseThrow()).findFirst().orElseThrow();
    asked.clear();
    assertThatThrownBy(() -> fetch.fetch(member, ours, new SupplierFetch.Query(Optional.of(ID3), Optional.empty(), 10)))
        .isInstanceOf(AppException.Forbidden.class);
    assertThat(asked).isEmpty();
  }

  @Test
  void query_badLimitOrId_refused() {
    assertThatThrownBy(() -> new SupplierFetch.Query(Optional.empty(), Optional.empty(), 0))
        .isInstanceOfSatisfying(AppException.Invalid.class, e -> assertThat(e.code()).isEqualTo("BAD_LIMIT"));
    assertThatThrownBy(() -> new SupplierFetch.Query(Optional.of("../../admin"), Optional.empty(), 10))
        .isInstanceOfSatisfying(AppException.Invalid.class, e -> assertThat(e.code()).isEqualTo("BAD_FOOTPRINT_ID"));
  }
}

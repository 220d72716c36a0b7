package org.tanji.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tanji.server.domain.ApiClient;
import org.tanji.server.domain.Partner;
import org.tanji.server.domain.Principal;
import org.tanji.server.domain.Role;
import org.tanji.server.store.Database;

/** Partners and API clients on embedded H2, without HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class PartnerServiceTest {

  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private final AtomicInteger ids = new AtomicInteger();
  private Database db;
  private AccountService accounts;
  private PartnerService partners;
  private Principal operator;

  @BeforeAll
  void open() throws IOException {
    Path dir = Files.createTempDirectory("tanji-partners");
    db = Database.open(Database.h2Url(dir), null, null, 4);
    Env env = new Env(Clock.systemUTC(), () -> new UUID(0, ids.incrementAndGet()), new SecureRandom());
    AuditService audit = new AuditService(db, env);
    accounts = new AccountService(db, env, Duration.ofHours(1), 5, audit);
    partners = new PartnerService(db, env, audit, new Sealer(SECRET, "pact-partner", env.random()));
    accounts.bootstrap(AccountService.FirstAdmin.of("operator-password", env.random()));
    operator = accounts.principalNamed("admin").orElseThrow();
  }

  @AfterAll
  void close() {
    db.close();
  }

  private Principal newOrganization() {
    String name = "org-" + ids.incrementAndGet();
    accounts.createOrganization(operator, name, name + "-admin", "password-" + name);
    return accounts.principalNamed(name + "-admin").orElseThrow();
  }

  @Test
  void addPartner_supplierSecret_storedSealedAndGivenBack() {
    Principal admin = newOrganization();
    Partner p = partners.addPartner(admin, new PartnerService.PartnerForm(" BYD ", "https://byd.example/3/events",
        "https://pact.byd.example", "tanji-client", "s3cret"));
    assertThat(p.name()).isEqualTo("BYD");
    assertThat(p.eventUrl()).contains(URI.create("https://byd.example/3/events"));
    assertThat(p.supplierHost()).contains(new Partner.SupplierHost(URI.create("https://pact.byd.example"),
        "tanji-client"));
    PartnerService.SupplierCredentials c = partners.supplierCredentials(admin, p.id()).orElseThrow();
    assertThat(c.secret()).isEqualTo("s3cret");
    assertThat(c.toString()).doesNotContain("s3cret");
    byte[] stored = db.inTransaction(h -> new org.tanji.server.store.PactRepository().sealedHostSecret(h,
        admin.orgId(), p.id())).orElseThrow();
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("s3cret");
  }

  @Test
  void updatePartner_emptySecret_keepsStoredOne() {
    Principal admin = newOrganization();
    Partner p = partners.addPartner(admin, new PartnerService.PartnerForm("Ford", null, "https://pact.ford.example",
        "id-1", "first"));
    partners.updatePartner(admin, p.id(), new PartnerService.PartnerForm("Ford Motor", null,
        "https://pact.ford.example", "id-2", ""));
    PartnerService.SupplierCredentials c = partners.supplierCredentials(admin, p.id()).orElseThrow();
    assertThat(c.clientId()).isEqualTo("id-2");
    assertThat(c.secret()).isEqualTo("first");
    assertThat(partners.partner(admin, p.id()).name()).isEqualTo("Ford Motor");
    // removing the host removes its secret too
    partners.updatePartner(admin, p.id(), new PartnerService.PartnerForm("Ford Motor", null, null, null, null));
    assertThat(partners.supplierCredentials(admin, p.id())).isEmpty();
  }

  /** A stored secret goes only to the host it was entered for: a move to another scheme, name or port asks for it. */
  @ParameterizedTest
  @CsvSource({
      "https://pact.ford.example/v3, true",
      "HTTPS://PACT.Ford.example:443, true",
      "https://pact.ford.example:8443, false",
      "https://pact.attacker.example, false",
      "http://127.0.0.1:443, false"})
  void updatePartner_hostMovedWithoutSecret_keptOnlyOnTheSameHost(String host, boolean kept) {
    Principal admin = newOrganization();
    Partner p = partners.addPartner(admin, new PartnerService.PartnerForm("Ford", null, "https://pact.ford.example",
        "id-1", "first"));
    PartnerService.PartnerForm moved = new PartnerService.PartnerForm("Ford", null, host, "id-1", "");
    if (kept) {
      partners.updatePartner(admin, p.id(), moved);
      PartnerService.SupplierCredentials c = partners.supplierCredentials(admin, p.id()).orElseThrow();
      assertThat(c.baseUrl()).isEqualTo(URI.create(host));
      assertThat(c.secret()).isEqualTo("first");
      return;
    }
    assertThatThrownBy(() -> partners.updatePartner(admin, p.id(), moved))
        .isInstanceOfSatisfying(AppException.Invalid.class, e -> {
          assertThat(e.code()).isEqualTo("BAD_PARTNER");
          assertThat(e.text().key()).isEqualTo("pact.hostSecretAgain");
        });
    // nothing changed: the old host with its secret
    PartnerService.SupplierCredentials before = partners.supplierCredentials(admin, p.id()).orElseThrow();
    assertThat(before.baseUrl()).isEqualTo(URI.create("https://pact.ford.example"));
    assertThat(before.secret()).isEqualTo("first");
    // with the new host's own secret the move is made
    partners.updatePartner(admin, p.id(), new PartnerService.PartnerForm("Ford", null, host, "id-1", "second"));
    PartnerService.SupplierCredentials after = partners.supplierCredentials(admin, p.id()).orElseThrow();
    assertThat(after.baseUrl()).isEqualTo(URI.create(host));
    assertThat(after.secret()).isEqualTo("second");
  }

  @ParameterizedTest
  @CsvSource(value = {
      "'', NULL, NULL, NULL, NULL, BAD_NAME",
      "GM, ftp://gm.example, NULL, NULL, NULL, BAD_ADDRESS",
      "GM, /3/events, NULL, NULL, NULL, BAD_ADDRESS",
      "GM, http://gm.example/3/events, NULL, NULL, NULL, BAD_ADDRESS",
      "GM, http://127.0.0.1.gm.example/3/events, NULL, NULL, NULL, BAD_ADDRESS",
      "GM, NULL, http://pact.gm.example, id, secret, BAD_ADDRESS",
      "GM, NULL, https://pact.gm.example?tenant=1, id, secret, BAD_ADDRESS",
      "GM, NULL, https://pact.gm.example/#top, id, secret, BAD_ADDRESS",
      "GM, NULL, https://user:pw@pact.gm.example, id, secret, BAD_ADDRESS",
      "GM, NULL, https://pact.gm.example, NULL, secret, BAD_PARTNER",
      "GM, NULL, https://pact.gm.example, id, NULL, BAD_PARTNER",
      "GM, NULL, NULL, id, secret, BAD_PARTNER"}, nullValues = "NULL")
  void addPartner_badForm_refusedWithCode(String name, String event, String host, String client, String secret,
      String code) {
    Principal admin = newOrganization();
    assertThatThrownBy(() -> partners.addPartner(admin, new PartnerService.PartnerForm(name, event, host, client,
        secret))).isInstanceOfSatisfying(AppException.Invalid.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @ParameterizedTest
  @CsvSource({"http://localhost:8443/3/events", "http://127.0.0.1:9000", "http://[::1]:9000/3/events",
      "https://pact.gm.example/base/"})
  void addPartner_httpsOrThisMachine_accepted(String address) {
    Principal admin = newOrganization();
    Partner p = partners.addPartner(admin, new PartnerService.PartnerForm("GM", address, address, "id", "secret"));
    assertThat(p.eventUrl()).contains(java.net.URI.create(address));
  }

  @Test
  void addPartner_sameName_conflict() {
    Principal admin = newOrganization();
    partners.addPartner(admin, new PartnerService.PartnerForm("GM", null, null, null, null));
    assertThatThrownBy(() -> partners.addPartner(admin, new PartnerService.PartnerForm("GM", null, null, null, null)))
        .isInstanceOfSatisfying(AppException.Conflict.class, e -> assertThat(e.code()).isEqualTo("PARTNER_EXISTS"));
  }

  @Test
  void partners_otherOrganization_seesNothing() {
    Principal ours = newOrganization();
    Principal theirs = newOrganization();
    Partner p = partners.addPartner(ours, new PartnerService.PartnerForm("GM", null, null, null, null));
    assertThat(partners.partners(theirs)).isEmpty();
    assertThatThrownBy(() -> partners.partner(theirs, p.id())).isInstanceOf(AppException.NotFound.class);
    assertThatThrownBy(() -> partners.supplierCredentials(theirs, p.id())).isInstanceOf(AppException.NotFound.class);
    assertThatThrownBy(() -> partners.deletePartner(theirs, p.id())).isInstanceOf(AppException.NotFound.class);
    assertThat(partners.partners(ours)).extracting(Partner::name).containsExactly("GM");
  }

  @Test
  void addClient_secretShownOnce_storedAsItsHash() {
    Principal admin = newOrganization();
    Partner p = partners.addPartner(admin, new PartnerService.PartnerForm("GM", "https://gm.example/3/events", null,
        null, null));
    ApiClient.Created made = partners.addClient(admin, "GM purchasing", p.id());
    assertThat(made.client().clientId()).matches("tj-[0-9a-f]{24}");
    assertThat(made.secret()).hasSize(43); // 32 bytes, base64url without padding
    assertThat(made.client().partnerId()).contains(p.id());
    String stored = db.inTransaction(h -> new org.tanji.server.store.PactRepository().clientByCredentials(h,
        made.client().clientId(), Hashes.sha256(made.secret()))).orElseThrow().clientId();
    assertThat(stored).isEqualTo(made.client().clientId());
    assertThat(partners.clients(admin)).extracting(ApiClient::name).containsExactly("GM purchasing");
  }

  @Test
  void revokeClient_twice_notFound() {
    Principal admin = newOrganization();
    ApiClient.Created made = partners.addClient(admin, "c", null);
    partners.revokeClient(admin, made.client().id());
    assertThat(partners.clients(admin).get(0).revokedAt()).isPresent();
    assertThatThrownBy(() -> partners.revokeClient(admin, made.client().id()))
        .isInstanceOf(AppException.NotFound.class);
  }

  @Test
  void partnersAndClients_member_forbidden() {
    Principal admin = newOrganization();
    Principal member = new Principal(admin.userId(), admin.username(), Role.MEMBER, admin.orgId(), admin.orgName(),
        false);
    assertThatThrownBy(() -> partners.addClient(member, "c", null)).isInstanceOf(AppException.Forbidden.class);
    assertThatThrownBy(() -> partners.partners(member)).isInstanceOf(AppException.Forbidden.class);
    assertThatThrownBy(() -> partners.addPartner(member, new PartnerService.PartnerForm("x", null, null, null,
        null))).isInstanceOf(AppException.Forbidden.class);
  }

  @Test
  void deletePartner_revokesItsClients() {
    // a client left untied would read every issued footprint, whatever its partner was shared
    Principal admin = newOrganization();
    Partner p = partners.addPartner(admin, new PartnerService.PartnerForm("GM", null, null, null, null));
    ApiClient.Created made = partners.addClient(admin, "c", p.id());
    ApiClient.Created other = partners.addClient(admin, "d", null);
    partners.deletePartner(admin, p.id());
    assertThat(partners.partners(admin)).isEmpty();
    assertThat(partners.clients(admin)).filteredOn(c -> c.id() == made.client().id()).singleElement().satisfies(c -> {
      assertThat(c.partnerId()).isEmpty();
      assertThat(c.revokedAt()).isPresent();
    });
    assertThat(partners.clients(admin)).filteredOn(c -> c.id() == other.client().id()).singleElement()
        .satisfies(c -> assertThat(c.revokedAt()).isEmpty());
  }
}

package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tanji.io.library.FactorLibrary;
import org.tanji.report.ReportFormat;
import org.tanji.server.app.AccountService;
import org.tanji.server.app.AppException;
import org.tanji.server.app.Computations;
import org.tanji.server.app.Env;
import org.tanji.server.app.StudyService;
import org.tanji.server.domain.Principal;
import org.tanji.server.domain.Role;
import org.tanji.server.domain.StudyFile;
import org.tanji.server.domain.StudyState;
import org.tanji.server.domain.User;
import org.tanji.server.domain.Version;
import org.tanji.server.store.Database;
import org.tanji.server.store.StudyRepository;

/**
 * The application services on their own, without HTTP: what they store, whom they refuse, and that
 * their transactions compose. Embedded H2; ids are counted, so they can be predicted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServicesTest {

  private final MutableClock clock = new MutableClock();
  private final AtomicInteger ids = new AtomicInteger();
  private Database db;
  private AccountService accounts;
  private StudyService studies;
  private Principal operator;

  @BeforeAll
  void open() throws IOException {
    Path dir = Files.createTempDirectory("tanji-services");
    db = Database.open(Database.h2Url(dir), null, null, 4);
    Env env = new Env(clock, () -> new UUID(0, ids.incrementAndGet()), new SecureRandom());
    accounts = new AccountService(db, env, Duration.ofHours(1), 5);
    studies = new StudyService(db, env, new Computations(FactorLibrary.builtIn(), 1 << 20));
    accounts.bootstrap("operator-password");
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

  private static StudyFile example(String name) throws IOException {
    return new StudyFile(Files.readAllBytes(Path.of("..", "examples", name)), "yaml", name);
  }

  @Test
  void create_storesVersionOneWithItsSummaryAndTheInjectedId() throws IOException {
    Principal who = newOrganization();
    int before = ids.get();
    StudyService.Stored s = studies.create(who, example("seed-003-steel-balls.yaml"));
    assertThat(s.version().studyId()).isEqualTo(new UUID(0, before + 1));
    assertThat(s.version().version()).isEqualTo(1);
    assertThat(s.version().createdAt()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    assertThat(s.version().summary().perUnitKgCO2e()).isCloseTo(2821.88, org.assertj.core.data.Offset.offset(0.005));
    assertThat(studies.study(who, s.version().studyId()).state()).isEqualTo(StudyState.DRAFT);
  }

  @Test
  void store_againstAnOldVersion_isAConflictNamingTheCurrentOne() throws IOException {
    Principal who = newOrganization();
    UUID id = studies.create(who, example("seed-003-as-published.yaml")).version().studyId();
    studies.store(who, id, 1, example("seed-003-steel-balls.yaml"));
    assertThatThrownBy(() -> studies.store(who, id, 1, example("seed-003-steel-balls.yaml")))
        .isInstanceOfSatisfying(AppException.VersionConflict.class, e -> {
          assertThat(e.current().version()).isEqualTo(2);
          assertThat(e.expected()).isEqualTo(1);
          assertThat(e.code()).isEqualTo("VERSION_CONFLICT");
        });
    assertThat(studies.versions(who, id)).extracting(Version::version).containsExactly(1, 2);
  }

  @Test
  void anotherOrganizationsStudy_isNotFound() throws IOException {
    Principal a = newOrganization();
    Principal b = newOrganization();
    UUID id = studies.create(a, example("seed-003-steel-balls.yaml")).version().studyId();
    assertThatThrownBy(() -> studies.study(b, id)).isInstanceOf(AppException.NotFound.class)
        .hasMessage("NOT_FOUND");
    assertThatThrownBy(() -> studies.store(b, id, 1, example("seed-003-steel-balls.yaml")))
        .isInstanceOf(AppException.NotFound.class);
    assertThat(studies.list(b)).isEmpty();
  }

  @Test
  void aVersionWithErrors_isStoredButHasNoReportAndNoConversion() throws IOException {
    Principal who = newOrganization();
    UUID id = studies.create(who, example("seed-003-transport-in-km.yaml")).version().studyId();
    assertThatThrownBy(() -> studies.report(who, id, 1, ReportFormat.HTML, Optional.empty()))
        .isInstanceOfSatisfying(AppException.InvalidStudy.class, e -> assertThat(e.findings().orElseThrow())
            .anyMatch(f -> f.code().equals("UNIT_MISMATCH")));
    assertThatThrownBy(() -> studies.convert(who, id, 1, "json"))
        .isInstanceOfSatisfying(AppException.Conflict.class, e -> assertThat(e.code()).isEqualTo("NOT_CONVERTIBLE"));
    assertThatThrownBy(() -> studies.convert(who, id, 1, "docx"))
        .isInstanceOfSatisfying(AppException.Invalid.class, e -> assertThat(e.code()).isEqualTo("BAD_FORMAT"));
  }

  @Test
  void onlyAdminsListUsers_andOnlyTheOperatorsAdminsMakeOrganizations() {
    Principal admin = newOrganization();
    User member = accounts.createUser(admin, "member-" + ids.incrementAndGet(), "member-password", Role.MEMBER);
    Principal m = accounts.principalNamed(member.username()).orElseThrow();
    assertThatThrownBy(() -> accounts.users(m)).isInstanceOf(AppException.Forbidden.class);
    assertThatThrownBy(() -> accounts.createOrganization(admin, "x", "x-admin", "x-password-1"))
        .isInstanceOf(AppException.Forbidden.class);
    assertThat(accounts.users(admin)).extracting(User::username).contains(member.username());
  }

  @Test
  void usernamesAreComparedInNfkc_andLookAlikesAreRefused() {
    Principal admin = newOrganization();
    // full-width letters are the same name
    assertThatThrownBy(() -> accounts.createUser(admin, "ＡＤＭＩＮ", "some-password", Role.MEMBER))
        .isInstanceOfSatisfying(AppException.Conflict.class, e -> assertThat(e.code()).isEqualTo("USERNAME_TAKEN"));
    // a Cyrillic а among Latin letters
    assertThatThrownBy(() -> accounts.createUser(admin, "\u0430dmin", "some-password", Role.MEMBER))
        .isInstanceOfSatisfying(AppException.Invalid.class, e -> assertThat(e.code()).isEqualTo("BAD_USERNAME"));
    // all Cyrillic, drawn like an existing Latin name
    accounts.createUser(admin, "cope", "some-password", Role.MEMBER);
    assertThatThrownBy(() -> accounts.createUser(admin, "\u0441\u043e\u0440\u0435", "some-password", Role.MEMBER))
        .isInstanceOfSatisfying(AppException.Conflict.class, e -> assertThat(e.code()).isEqualTo("USERNAME_TAKEN"));
    // and a sign-in with the full-width form reaches the same account
    assertThat(accounts.signIn("10.0.0.9", "ＡＤＭＩＮ", "operator-password").value()).isNotBlank();
  }

  @Test
  void wrongCurrentPasswords_countTowardTheSignInLimit() {
    Principal admin = newOrganization();
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> accounts.changePassword(admin, "10.1.1.1", "wrong-password", "new-password-1", null))
          .isInstanceOf(AppException.Forbidden.class);
    }
    // five attempts a minute from one address (this service's limit)
    assertThatThrownBy(() -> accounts.changePassword(admin, "10.1.1.1", "wrong-password", "new-password-1", null))
        .isInstanceOfSatisfying(AppException.TooManyAttempts.class,
            e -> assertThat(e.retryAfterSeconds()).isBetween(1L, 60L));
    clock.advance(Duration.ofSeconds(61));
    // the failures per user (10 in 15 minutes) still count: five more wrong ones from elsewhere reach it
    for (int i = 0; i < 5; i++) {
      String address = "10.2.2." + i;
      assertThatThrownBy(() -> accounts.changePassword(admin, address, "wrong-password", "new-password-1", null))
          .isInstanceOf(AppException.Forbidden.class);
    }
    assertThatThrownBy(() -> accounts.signIn("10.3.3.3", admin.username(), "password-" + admin.orgName()))
        .isInstanceOf(AppException.TooManyAttempts.class);
    clock.advance(Duration.ofMinutes(16));
    assertThat(accounts.signIn("10.3.3.3", admin.username(), "password-" + admin.orgName()).value()).isNotBlank();
  }

  @Test
  void transactionsCompose_anInnerCallJoinsTheOuterAndFailsWithIt() {
    Principal who = newOrganization();
    StudyRepository repo = new StudyRepository();
    UUID id = new UUID(1, ids.incrementAndGet());
    assertThatThrownBy(() -> db.inTransaction(outer -> {
      repo.insertStudy(outer, id, who.orgId(), who.userId(), clock.instant());
      db.inTransaction(inner -> {
        assertThat(inner).isSameAs(outer);
        repo.insertVersion(inner, id, 1, new StudyFile("tanji: 1".getBytes(StandardCharsets.UTF_8), "yaml", "a.yaml"),
            "0".repeat(64), new org.tanji.server.domain.Summary("a", null, null, null, null, 0, 0), who.userId(),
            clock.instant());
        return null;
      });
      throw new IllegalStateException("the outer work fails after the inner one returned");
    })).hasMessageContaining("outer work fails");
    assertThat(Database.inTransactionNow()).isFalse();
    Optional<org.tanji.server.domain.StudyInfo> found = db.inTransaction(h -> repo.find(h, who.orgId(), id));
    List<Version> versions = db.inTransaction(h -> repo.versions(h, who.orgId(), id));
    assertThat(found).isEmpty();
    assertThat(versions).isEmpty();
    List<?> none = studies.list(who);
    assertThat(none).isEmpty();
  }
}

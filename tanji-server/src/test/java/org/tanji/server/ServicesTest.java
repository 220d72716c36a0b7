package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
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
import org.tanji.server.app.AuditService;
import org.tanji.server.app.IssueService;
import org.tanji.server.app.WorkflowService;
import org.tanji.server.app.Computations;
import org.tanji.server.app.FactorService;
import org.tanji.server.app.Env;
import org.tanji.server.app.StudyService;
import org.tanji.server.domain.Principal;
import org.tanji.server.domain.Role;
import org.tanji.server.domain.StudyFile;
import org.tanji.server.domain.StudyState;
import org.tanji.server.domain.User;
import org.tanji.server.domain.Version;
import org.tanji.server.domain.AuditRecord;
import org.tanji.server.domain.WorkRole;
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
  private FactorService factors;
  private AuditService audit;
  private WorkflowService workflow;
  private Principal operator;

  @BeforeAll
  void open() throws IOException {
    Path dir = Files.createTempDirectory("tanji-services");
    db = Database.open(Database.h2Url(dir), null, null, 4);
    Env env = new Env(clock, () -> new UUID(0, ids.incrementAndGet()), new SecureRandom());
    audit = new AuditService(db, env);
    accounts = new AccountService(db, env, Duration.ofHours(1), 5, audit);
    factors = new FactorService(db, env, FactorLibrary.builtIn(), audit);
    studies = new StudyService(db, env, new Computations(FactorLibrary.builtIn(), 1 << 20), audit, factors);
    workflow = new WorkflowService(db, env, accounts, audit, studies);
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

  private static StudyFile example(String name) throws IOException {
    return new StudyFile(Files.readAllBytes(Path.of("..", "examples", name)), "yaml", name);
  }

  /** The spec's example 3: Company 3, 77 kgCO2e per piece, valid 2024-12-31 to 2027-12-31. */
  private static final String PLATE = "pact-8b26f3b8-f5d9-4adf-8a11-02e05d273e58";

  /** testdata/tiny-per-piece.yaml (460 kgCO2e, 2024) with 2,000 plates × 77 kgCO2e: 154,460 kgCO2e per 1,000,000 pieces. */
  private static StudyFile platesStudy() throws IOException {
    String yaml = Files.readString(Path.of("..", "testdata", "tiny-per-piece.yaml"))
        + "  - name: Back plate blank\n    stage: raw-materials\n    amount: 2000 piece\n    factor: " + PLATE + "\n"
        + "    quality: {activity: periodic, calibration: compliant}\n";
    return new StudyFile(yaml.getBytes(StandardCharsets.UTF_8), "yaml", "plates.yaml");
  }

  private static byte[] example3() throws IOException {
    return Files.readAllBytes(Path.of("..", "testdata", "pact", "example-3.json"));
  }

  private static List<String> codes(StudyService.Stored s) {
    return s.computed().result().findings().stream().map(org.tanji.core.model.Finding::code).toList();
  }

  @Test
  void importPact_theOrganizationsStudiesUseIt_anotherSeesNothing() throws IOException {
    Principal a = newOrganization();
    Principal b = newOrganization();
    StudyService.Stored before = studies.create(a, platesStudy());
    assertThat(codes(before)).contains("UNKNOWN_FACTOR");
    String builtInDigest = studies.libraryDigest(a);
    UUID id = before.version().studyId();
    byte[] unknown = studies.result(a, id, 1, Optional.empty());

    FactorService.Imported imported = factors.importPact(a, example3());
    assertThat(imported.factors()).extracting(org.tanji.core.model.Factor::id).containsExactly(PLATE);
    // the spec's example 3 is valid until 2027-12-31, later than three years after its reference period
    assertThat(imported.findings()).extracting(org.tanji.core.model.Finding::code).containsExactly("PACT_VALIDITY");
    // the version stored before the import is computed again with it: results are kept per library
    assertThat(studies.computed(a, id, 1).result().perUnitKgCO2e())
        .isCloseTo(0.15446, org.assertj.core.data.Offset.offset(1e-12));
    String result = new String(studies.result(a, id, 1, Optional.empty()), StandardCharsets.UTF_8);
    assertThat(result).isNotEqualTo(new String(unknown, StandardCharsets.UTF_8))
        .contains("\"companyName\" : \"Company 3\"");
    assertThat(studies.libraryDigest(a)).isNotEqualTo(builtInDigest);
    assertThat(studies.libraryDigest(b)).isEqualTo(builtInDigest);
    assertThat(factors.list(a)).extracting(org.tanji.server.domain.OrgFactor::companyName).containsExactly("Company 3");
    assertThat(audit.records(a, Optional.empty())).extracting(AuditRecord::action).contains("factor.import");

    assertThat(codes(studies.create(b, platesStudy()))).contains("UNKNOWN_FACTOR");
    assertThat(factors.list(b)).isEmpty();
    assertThat(studies.factors(b, "Company 3", null, null)).isEmpty();
    assertThat(studies.factors(a, "Company 3", null, null)).extracting(org.tanji.core.model.Factor::id).containsExactly(PLATE);
  }

  @Test
  void importPact_again_replacesIt() throws IOException {
    Principal a = newOrganization();
    factors.importPact(a, example3());
    String first = factors.library(a).tag();
    factors.importPact(a, new String(example3(), StandardCharsets.UTF_8).replace("\"77.0\"", "\"70.0\"")
        .getBytes(StandardCharsets.UTF_8));
    assertThat(factors.library(a).tag()).isNotEqualTo(first);
    assertThat(factors.list(a)).hasSize(1);
    assertThat(factors.library(a).factors().find(PLATE).orElseThrow().value().text()).isEqualTo("70 kgCO2e/piece");
  }

  @Test
  void importPact_badFile_nothingStored() {
    Principal a = newOrganization();
    assertThatThrownBy(() -> factors.importPact(a, "{\"specVersion\": \"2.2.0\", \"pcf\": {}}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(AppException.InvalidStudy.class, e -> {
          assertThat(e.code()).isEqualTo("INVALID_FOOTPRINT");
          assertThat(e.findings().orElseThrow()).extracting(org.tanji.core.model.Finding::code)
              .containsExactly("PACT_SPEC_VERSION");
        });
    assertThat(factors.list(a)).isEmpty();
    assertThat(factors.library(a).tag()).isEmpty();
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

  /** The demo organization's way: its user's password hashed beside the rest of a first start. */
  @Test
  void createOrganization_passwordHashedBeforehand_signsInWithIt() {
    String name = "org-" + ids.incrementAndGet();
    accounts.createOrganization(name, name + "-admin", AccountService.FirstAdmin.of("hashed-beforehand-1", new SecureRandom()));
    assertThat(accounts.signIn("10.4.4.4", name + "-admin", "hashed-beforehand-1").value()).isNotBlank();
    // checked as a password hashed on the spot is
    assertThatThrownBy(() -> accounts.createOrganization("org-short", "short-admin",
        AccountService.FirstAdmin.of("short", new SecureRandom())))
        .isInstanceOfSatisfying(AppException.Invalid.class, e -> assertThat(e.code()).isEqualTo("BAD_PASSWORD"));
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

  // ---- review and approval

  private Principal user(Principal admin, String role, WorkRole... roles) {
    String name = role + "-" + ids.incrementAndGet();
    User u = accounts.createUser(admin, name, "password-" + name, Role.MEMBER);
    workflow.assign(admin, u.id(), roles.length == 0 ? EnumSet.noneOf(WorkRole.class) : EnumSet.copyOf(List.of(roles)));
    return accounts.principalNamed(name).orElseThrow();
  }

  private static String pw(Principal p) {
    return "password-" + p.username();
  }

  @Test
  void aVersionIsReviewedAndApprovedByTwoOthers_eachSigningWithTheirPassword() throws IOException {
    Principal admin = newOrganization();
    Principal prep = user(admin, "prep", WorkRole.PREPARER);
    Principal rev = user(admin, "rev", WorkRole.REVIEWER, WorkRole.APPROVER);
    Principal appr = user(admin, "appr", WorkRole.APPROVER);
    UUID id = studies.create(prep, example("seed-003-steel-balls.yaml")).version().studyId();

    assertThatThrownBy(() -> workflow.review(rev, rev.username(), id, 1, pw(rev), "I have reviewed it"))
        .isInstanceOfSatisfying(AppException.Conflict.class, e -> assertThat(e.code()).isEqualTo("WRONG_STATE"));
    workflow.submit(prep, id, 1, false, List.of());
    assertThat(studies.study(prep, id).state()).isEqualTo(StudyState.IN_REVIEW);
    // a preparer is no reviewer; an approver who edits is refused by the four-eyes rule
    assertThatThrownBy(() -> workflow.review(prep, prep.username(), id, 1, pw(prep), "I have reviewed it"))
        .isInstanceOf(AppException.Forbidden.class).hasMessage("FORBIDDEN");
    assertThatThrownBy(() -> workflow.review(rev, rev.username(), id, 1, "not-my-password", "I have reviewed it"))
        .isInstanceOfSatisfying(AppException.Forbidden.class, e -> assertThat(e.code()).isEqualTo("WRONG_PASSWORD"));
    assertThat(studies.study(prep, id).state()).isEqualTo(StudyState.IN_REVIEW);
    workflow.review(rev, rev.username(), id, 1, pw(rev), "I have reviewed the inventory and the factors");
    // the reviewer holds the approver role too, but may not approve what they reviewed
    assertThatThrownBy(() -> workflow.approve(rev, rev.username(), id, 1, pw(rev), "Approved"))
        .isInstanceOfSatisfying(AppException.Forbidden.class, e -> assertThat(e.code()).isEqualTo("FOUR_EYES"));
    workflow.approve(appr, appr.username(), id, 1, pw(appr), "Approved for issue");
    assertThat(studies.study(prep, id).state()).isEqualTo(StudyState.APPROVED);
    assertThat(workflow.signatures(prep, id, 1)).extracting(s -> s.action() + " " + s.username())
        .containsExactly("review " + rev.username(), "approve " + appr.username());

    // editing afterwards makes a new draft; the approved version stays approved
    studies.store(prep, id, 1, example("seed-003-as-published.yaml"));
    assertThat(studies.study(prep, id).state()).isEqualTo(StudyState.DRAFT);
    assertThat(studies.version(prep, id, Optional.of(1)).state()).isEqualTo(StudyState.APPROVED);
    assertThatThrownBy(() -> workflow.sendBack(appr, id, 1, "too late"))
        .isInstanceOfSatisfying(AppException.Conflict.class, e -> assertThat(e.code()).isEqualTo("NOT_CURRENT"));
  }

  @Test
  void nobodyReviewsTheirOwnVersion_andAVersionWithErrorsIsNotSubmitted() throws IOException {
    Principal admin = newOrganization();
    Principal both = user(admin, "both", WorkRole.PREPARER, WorkRole.REVIEWER);
    UUID id = studies.create(both, example("seed-003-steel-balls.yaml")).version().studyId();
    workflow.submit(both, id, 1, false, List.of());
    assertThatThrownBy(() -> workflow.review(both, both.username(), id, 1, pw(both), "I have reviewed my own work"))
        .isInstanceOfSatisfying(AppException.Forbidden.class, e -> assertThat(e.code()).isEqualTo("FOUR_EYES"));
    Principal rev = user(admin, "rev", WorkRole.REVIEWER);
    workflow.sendBack(rev, id, 1, "The transport distances need a source.");
    assertThat(studies.study(both, id).state()).isEqualTo(StudyState.DRAFT);

    UUID bad = studies.create(both, example("seed-003-transport-in-km.yaml")).version().studyId();
    var c = studies.computed(both, bad, 1);
    assertThatThrownBy(() -> workflow.submit(both, bad, 1, c.result().hasErrors(), c.result().findings()))
        .isInstanceOf(AppException.InvalidStudy.class);
  }

  @Test
  void twoApproversAtOnce_oneWinsAndTheOtherIsAConflict() throws Exception {
    Principal admin = newOrganization();
    Principal prep = user(admin, "prep", WorkRole.PREPARER);
    Principal rev = user(admin, "rev", WorkRole.REVIEWER);
    Principal a1 = user(admin, "a1", WorkRole.APPROVER);
    Principal a2 = user(admin, "a2", WorkRole.APPROVER);
    UUID id = studies.create(prep, example("seed-003-steel-balls.yaml")).version().studyId();
    workflow.submit(prep, id, 1, false, List.of());
    workflow.review(rev, rev.username(), id, 1, pw(rev), "Reviewed");
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
    for (Principal p : List.of(a1, a2)) {
      results.add(pool.submit(() -> {
        go.await();
        try {
          workflow.approve(p, p.username(), id, 1, pw(p), "Approved");
          return "ok";
        } catch (AppException.Conflict e) {
          return e.code();
        }
      }));
    }
    go.countDown();
    List<String> outcomes = new java.util.ArrayList<>();
    for (var f : results) {
      outcomes.add(f.get());
    }
    pool.shutdown();
    assertThat(outcomes).containsExactlyInAnyOrder("ok", "WRONG_STATE");
    assertThat(workflow.signatures(prep, id, 1)).filteredOn(s -> s.action().equals("approve")).hasSize(1);
  }

  @Test
  void theAuditTrail_recordsEachChange_andFindsAnAlteredOrDeletedRecord() throws IOException {
    Principal admin = newOrganization();
    UUID id = studies.create(admin, example("seed-003-as-published.yaml")).version().studyId();
    studies.store(admin, id, 1, example("seed-003-steel-balls.yaml"));
    User m = accounts.createUser(admin, "m-" + ids.incrementAndGet(), "member-password", Role.MEMBER);
    workflow.assign(admin, m.id(), EnumSet.of(WorkRole.REVIEWER));
    assertThatThrownBy(() -> accounts.signIn("10.9.9.9", m.username(), "wrong-password"))
        .isInstanceOf(AppException.Unauthenticated.class);

    List<AuditRecord> trail = audit.records(admin, Optional.empty());
    assertThat(trail).extracting(AuditRecord::action).containsExactly("organization.create", "study.create",
        "study.version", "user.create", "role.change", "signin.failed");
    AuditRecord edit = trail.get(2);
    assertThat(edit.version()).isEqualTo(2);
    assertThat(edit.hashBefore()).isEqualTo(studies.version(admin, id, Optional.of(1)).sha256());
    assertThat(edit.hashAfter()).isEqualTo(studies.version(admin, id, Optional.of(2)).sha256());
    assertThat(trail.get(4).detail()).isEqualTo(m.username() + ": preparer → reviewer");
    assertThat(audit.records(admin, Optional.of(id))).hasSize(2);
    assertThat(AuditService.csv(trail).lines()).hasSize(7);
    assertThat(audit.verify(admin).valid()).isTrue();

    db.inTransaction(h -> h.update("UPDATE audit_record SET detail = 'nothing happened' WHERE org_id = ? AND seq = 3",
        admin.orgId()));
    AuditService.Verification altered = audit.verify(admin);
    assertThat(altered.valid()).isFalse();
    assertThat(altered.brokenAt()).contains(3L);
    assertThat(altered.reason()).isEqualTo("altered");

    db.inTransaction(h -> h.update("DELETE FROM audit_record WHERE org_id = ? AND seq = 3", admin.orgId()));
    assertThat(audit.verify(admin)).satisfies(v -> {
      assertThat(v.valid()).isFalse();
      assertThat(v.reason()).isEqualTo("missing");
    });
    db.inTransaction(h -> h.update("DELETE FROM audit_record WHERE org_id = ? AND seq >= 3", admin.orgId()));
    assertThat(audit.verify(admin).valid()).as("the last records cut off: the head names more").isFalse();
  }

  @Test
  void anOpenCommentStopsTheApproval_andAnIssuedVersionStaysAsIssuedWhenEdited() throws IOException {
    Crew crew = crew();
    Principal admin = crew.admin();
    Principal prep = crew.prep();
    Principal rev = crew.rev();
    Principal appr = crew.appr();
    UUID id = studies.create(prep, example("two-products-mass-allocation.yaml")).version().studyId();
    workflow.submit(prep, id, 1, false, List.of());
    for (var w : workflow.pendingWarnings(rev, id, 1)) {
      workflow.accept(rev, id, 1, w.code(), w.where(), "checked");
    }
    var c = workflow.comment(rev, id, 1, "inventory[0].amount", null, "Where does this figure come from?");
    workflow.review(rev, rev.username(), id, 1, pw(rev), "Reviewed");
    assertThatThrownBy(() -> workflow.approve(appr, appr.username(), id, 1, pw(appr), "Approved"))
        .isInstanceOfSatisfying(AppException.Conflict.class, e -> assertThat(e.code()).isEqualTo("OPEN_COMMENTS"));
    var answer = workflow.comment(prep, id, 1, "", c.id(), "From the plant's 2023 statistics report.");
    assertThat(answer.keyPath()).isEqualTo("inventory[0].amount"); // an answer stays in its thread's place
    assertThatThrownBy(() -> workflow.resolve(rev, id, 1, c.id())).isInstanceOf(AppException.Forbidden.class);
    workflow.resolve(prep, id, 1, c.id());
    assertThat(workflow.comments(prep, id, 1)).allMatch(x -> !x.open());
    workflow.approve(appr, appr.username(), id, 1, pw(appr), "Approved");

    IssueService issues = issueService();
    issues.issue(appr, id, 1, java.util.Set.of(org.tanji.report.ReportFormat.HTML), java.util.Set.of(
        java.util.Locale.ENGLISH));
    byte[] issuedHtml = studies.report(prep, id, 1, org.tanji.report.ReportFormat.HTML, Optional.of(
        java.util.Locale.ENGLISH));
    // editing the issued study makes version 2, a draft; version 1 stays issued and served as issued
    studies.store(prep, id, 1, example("two-products-mass-allocation.yaml"));
    assertThat(studies.study(prep, id).state()).isEqualTo(StudyState.DRAFT);
    assertThat(studies.version(prep, id, Optional.of(1)).state()).isEqualTo(StudyState.ISSUED);
    assertThat(studies.report(prep, id, 1, org.tanji.report.ReportFormat.HTML, Optional.of(java.util.Locale.ENGLISH)))
        .isEqualTo(issuedHtml);
    assertThatThrownBy(() -> issues.withdraw(prep, id, 1, "no")).isInstanceOf(AppException.Forbidden.class);
  }

  @Test
  void factorLibraryGeneration_firstChangesAtOnce_allCounted() throws Exception {
    long orgId = newOrganization().orgId();
    org.tanji.server.store.FactorRepository repo = new org.tanji.server.store.FactorRepository();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      done.add(pool.submit(() -> {
        go.await();
        return db.inTransaction(h -> {
          repo.bump(h, orgId);
          return null;
        });
      }));
    }
    go.countDown();
    for (var f : done) {
      f.get(30, java.util.concurrent.TimeUnit.SECONDS); // a unique violation would throw here
    }
    pool.shutdown();
    long generation = db.inTransaction(h -> repo.generation(h, orgId));
    assertThat(generation).isEqualTo(4L);
  }

  /** Seed 003's CBAM file with a supplier's SEE for the round steel: SEE 2.722 tCO2e/t (WebPagesTest works it out). */
  private static byte[] seedCbam() throws IOException {
    return Files.readString(Path.of("..", "examples", "cbam", "seed-003-steel-balls.cbam.yaml"))
        .replace("    # see: {direct:", "    see: {direct: 2.0 tCO2e/t, indirect: 0.4 tCO2e/t, electricity: 0.6 MWh/t, source: supplier}\n    #")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aVersionsCbamFile_carriedToTheNext_frozenInReview_inTheIssuedReport() throws IOException {
    Crew crew = crew();
    Principal admin = crew.admin();
    Principal prep = crew.prep();
    Principal rev = crew.rev();
    Principal appr = crew.appr();
    UUID id = studies.create(prep, example("seed-003-steel-balls.yaml")).version().studyId();
    assertThat(studies.storedCbam(prep, id, 1)).isEmpty();
    StudyService.StoredCbam stored = studies.storeCbam(prep, id, 1, seedCbam(), "seed-003.cbam.yaml");
    assertThat(stored.computed().result().orElseThrow().goods().get(0).seeTotal().getAsDouble())
        .isCloseTo(2.722, org.assertj.core.data.Offset.offset(0.0005));
    // a new version of the study starts with the file; another organization sees none
    studies.store(prep, id, 1, example("seed-003-steel-balls.yaml"));
    StudyService.StoredCbam carried = studies.storedCbam(prep, id, 2).orElseThrow();
    assertThat(carried.file().sha256()).isEqualTo(stored.file().sha256());
    assertThat(carried.file().readName()).isEqualTo("seed-003.cbam.yaml");
    assertThatThrownBy(() -> studies.storedCbam(newOrganization(), id, 2)).isInstanceOf(AppException.NotFound.class);
    // an earlier version no longer changes
    assertThatThrownBy(() -> studies.storeCbam(prep, id, 1, seedCbam(), "x.cbam.yaml"))
        .isInstanceOfSatisfying(AppException.Conflict.class, e -> assertThat(e.code()).isEqualTo("CBAM_FROZEN"));
    assertThat(new String(studies.report(prep, id, 2, org.tanji.report.ReportFormat.HTML,
        Optional.of(java.util.Locale.ENGLISH)), StandardCharsets.UTF_8)).contains("CBAM minus footprint");

    // a precursor amount that is no mass: stored with its finding; the report has no section from it
    byte[] wrongUnit = new String(seedCbam(), StandardCharsets.UTF_8)
        .replace("amount: {from: inventory/圆钢}", "amount: 5 MWh").getBytes(StandardCharsets.UTF_8);
    StudyService.StoredCbam wrong = studies.storeCbam(prep, id, 2, wrongUnit, "wrong.cbam.yaml");
    assertThat(wrong.computed().result().orElseThrow().findings()).extracting(org.tanji.core.model.Finding::code)
        .contains("UNIT_MISMATCH");
    assertThat(wrong.computed().beside()).isEmpty();
    assertThat(new String(studies.report(prep, id, 2, org.tanji.report.ReportFormat.HTML,
        Optional.of(java.util.Locale.ENGLISH)), StandardCharsets.UTF_8)).doesNotContain("CBAM minus footprint");
    studies.storeCbam(prep, id, 2, seedCbam(), "seed-003.cbam.yaml");

    // in review, what was submitted stays: neither replaced nor removed
    workflow.submit(prep, id, 2, false, List.of());
    assertThatThrownBy(() -> studies.storeCbam(prep, id, 2, seedCbam(), "x.cbam.yaml"))
        .isInstanceOfSatisfying(AppException.Conflict.class, e -> assertThat(e.code()).isEqualTo("CBAM_FROZEN"));
    assertThatThrownBy(() -> studies.deleteCbam(prep, id, 2)).isInstanceOf(AppException.Conflict.class);
    for (var w : workflow.pendingWarnings(rev, id, 2)) {
      workflow.accept(rev, id, 2, w.code(), w.where(), "checked");
    }
    workflow.review(rev, rev.username(), id, 2, pw(rev), "Reviewed");
    workflow.approve(appr, appr.username(), id, 2, pw(appr), "Approved");
    IssueService issues = issueService();
    String draftTag = studies.madeWith(prep, id, 2, true);
    issues.issue(appr, id, 2, java.util.Set.of(org.tanji.report.ReportFormat.HTML), java.util.Set.of(java.util.Locale.ENGLISH));
    // the report served now is the signed one: its ETag says so
    assertThat(draftTag).startsWith("-cbam.");
    assertThat(studies.madeWith(prep, id, 2, true)).isEqualTo("-issued");
    String issued = new String(studies.report(prep, id, 2, org.tanji.report.ReportFormat.HTML,
        Optional.of(java.util.Locale.ENGLISH)), StandardCharsets.UTF_8);
    assertThat(issued).contains("CBAM minus footprint").contains("2.722");
    assertThat(audit.records(admin, Optional.of(id))).extracting(AuditRecord::action).contains("study.cbam");
  }

  /** A new organization's admin and the three people of its workflow. */
  private record Crew(Principal admin, Principal prep, Principal rev, Principal appr) {}

  private Crew crew() {
    Principal admin = newOrganization();
    return new Crew(admin, user(admin, "prep", WorkRole.PREPARER), user(admin, "rev", WorkRole.REVIEWER),
        user(admin, "appr", WorkRole.APPROVER));
  }

  private IssueService issueService() {
    return new IssueService(db, new Env(clock, () -> new UUID(2, ids.incrementAndGet()),
        new java.security.SecureRandom()), studies, audit, new org.tanji.server.app.SigningKeys(db,
        new Env(clock, UUID::randomUUID, new java.security.SecureRandom()), new byte[32]), "",
        new org.tanji.server.app.PactHostService(db, new Env(clock, UUID::randomUUID, new java.security.SecureRandom()), 30));
  }
}

package org.tanji.server.app;

import org.tanji.server.domain.Signature;
import org.tanji.server.domain.Issued;
import org.tanji.server.domain.IssuedFile;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tanji.core.model.ReportInfo;
import org.tanji.core.model.Study;
import org.tanji.io.pact.PactExport;
import org.tanji.io.pact.PactIssue;
import org.tanji.report.ReportFormat;
import org.tanji.report.Reports;
import org.tanji.server.domain.Principal;
import org.tanji.server.domain.StudyState;
import org.tanji.server.domain.Version;
import org.tanji.server.domain.WorkRole;
import org.tanji.server.store.Database;
import org.tanji.server.store.Handle;
import org.tanji.server.store.IssueRepository;
import org.tanji.server.store.WorkflowRepository;

/**
 * Issuing an approved version: its result and reports are made once, with the people and dates of
 * the workflow on the cover and a report number from the organization's sequence, stored as bytes
 * and served from storage ever after. An issued report can be withdrawn with a reason; it stays
 * visible, marked withdrawn.
 */
public final class IssueService {

  private static final com.fasterxml.jackson.databind.ObjectMapper FROZEN_JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** The report number pattern: {@code {yyyy}} the year, {@code {seq:N}} the number with N digits. */
  static final Pattern SEQ = Pattern.compile("\\{seq(?::(\\d))?}");

  private final Database db;
  private final Env env;
  private final StudyService studies;
  private final AuditService audit;
  private final WorkflowRepository workflow = new WorkflowRepository();
  private final IssueRepository repo = new IssueRepository();
  private final org.tanji.server.store.StudyRepository versions = new org.tanji.server.store.StudyRepository();
  private final String calculatorVersion;

  private final SigningKeys keys;
  private final String publicUrl;
  private final PactHostService pact;

  /**
   * @param publicUrl the address outsiders reach the server at ({@code https://tanji.example.com}), or ""
   * @param pact where an issued version's PACT footprint is kept, to be served from then on
   */
  public IssueService(Database db, Env env, StudyService studies, AuditService audit, SigningKeys keys,
      String publicUrl, PactHostService pact) {
    this.pact = pact;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    this.db = db;
    this.env = env;
    this.studies = studies;
    this.audit = audit;
    this.keys = keys;
    String v = Study.class.getPackage().getImplementationVersion();
    this.calculatorVersion = "tanji " + (v == null ? "development build" : v);
  }

  /** What was issued: the record and its files (names, media types, hashes). */
  public record IssuedReport(Issued issued, List<IssuedFile> files) {}

  /**
   * Issues an approved version in the formats and languages given.
   *
   * @throws AppException.Forbidden unless the caller is an approver
   * @throws AppException.Invalid when no format or language is given
   * @throws AppException.Conflict when the version is not approved (or someone issued it meanwhile)
   */
  public IssuedReport issue(Principal who, UUID id, int version, Set<ReportFormat> formats, Set<Locale> langs) {
    if (!db.inTransaction(h -> workflow.roles(h, who.userId())).contains(WorkRole.APPROVER)) {
      throw new AppException.Forbidden("FORBIDDEN", "workflow.role", WorkRole.APPROVER.id());
    }
    if (formats.isEmpty() || langs.isEmpty()) {
      throw new AppException.Invalid("BAD_FORMAT", "issue.nothing");
    }
    Version v = studies.version(who, id, Optional.of(version));
    if (v.state() != StudyState.APPROVED) {
      throw new AppException.Conflict("WRONG_STATE", "workflow.state", v.state().id(), StudyState.APPROVED.id());
    }
    Computations.Computed c = studies.computed(who, id, version);
    LocalDate today = LocalDate.ofInstant(env.clock().instant(), env.clock().getZone());
    String code = env.hex(16);
    List<org.tanji.core.cbam.PcfBesideCbam> cbam = studies.cbamBeside(who, id, version);
    SigningKeys.Key key = keys.of(who.orgId(), who.orgName());
    for (int attempt = 1; ; attempt++) {
      try {
        return issueOnce(who, id, version, formats, langs, v, c, cbam, today, code, key);
      } catch (org.tanji.server.store.StoreException e) {
        // the first number of a year, taken by another process at the same moment: draw again
        if (!e.isUniqueViolation() || attempt == 3) {
          throw e;
        }
      }
    }
  }

  private IssuedReport issueOnce(Principal who, UUID id, int version, Set<ReportFormat> formats, Set<Locale> langs,
      Version v, Computations.Computed c, List<org.tanji.core.cbam.PcfBesideCbam> cbam, LocalDate today, String code,
      SigningKeys.Key key) {
    return db.inTransaction(h -> {
      String number = number(repo.pattern(h, who.orgId()), today.getYear(), repo.nextNumber(h, who.orgId(),
          today.getYear()));
      List<Signature> signed = workflow.signatures(h, id, version);
      ReportInfo info = new ReportInfo(number, today, c.study().report().assessor(),
          new ReportInfo.Signature(v.createdBy(), LocalDate.ofInstant(v.createdAt(), env.clock().getZone())),
          signer(signed, "review"), signer(signed, "approve"));
      Study study = c.study().withReport(info);
      List<IssuedFile> files = new ArrayList<>();
      for (Locale lang : langs) {
        files.add(file("result-" + lang.getLanguage() + ".json", "application/json",
            StudyService.resultBytes(c, lang)));
        for (ReportFormat f : formats) {
          byte[] bytes = Reports.bytes(Reports.withCbam(Reports.issued(study, c.result(), lang,
              verifyUrl(code)), cbam), f);
          if (f == ReportFormat.PDF) {
            bytes = PdfSigner.sign(bytes, key.privateKey(), key.chain(), env.now(), who.orgName(), number);
          }
          files.add(file("report-" + lang.getLanguage() + "." + f.extension(), f.extension(), bytes));
        }
      }
      if (!workflow.move(h, id, version, StudyState.APPROVED, StudyState.ISSUED)) {
        throw new AppException.Conflict("WRONG_STATE", "workflow.state", StudyState.ISSUED.id(),
            StudyState.APPROVED.id());
      }
      repo.insert(h, id, version, who.orgId(), number, code, env.now(), who.userId(), calculatorVersion,
          studies.libraryDigest(who));
      for (IssuedFile f : files) {
        repo.insertFile(h, id, version, f);
      }
      Issued issued = repo.find(h, who.orgId(), id, version).orElseThrow();
      freezeFootprint(h, who, issued, study, c);
      StringBuilder detail = new StringBuilder(number);
      files.forEach(f -> detail.append("; ").append(f.name()).append(' ').append(f.sha256()));
      audit.record(AuditService.Event.of(who, "state.issue").study(id, version).detail(detail.toString())
          .hashes(v.sha256(), null));
      return new IssuedReport(issued, files);
    });
  }

  /**
   * Keeps the version's PACT ProductFootprint as issued, replacing the study's earlier ones; a study
   * PACT cannot express (a credit code that is not one, a declared unit PACT has no unit for …) is
   * issued without one, and its export names what is missing.
   */
  private void freezeFootprint(Handle h, Principal who, Issued issued, Study study,
      Computations.Computed c) {
    PactIssue issue = pactIssue(h, who.orgId(), issued.studyId(), issued.version(), issued.issuedAt(),
        PactIssue.Status.Active, Optional.of(issued));
    PactExport.footprint(study, c.result(), issue).footprint()
        .ifPresent(f -> pact.freeze(who.orgId(), issued.studyId(), issued.version(), issue.id(), f));
  }

  /**
   * What a version's PACT footprint says of the version: its id, and as its preceding footprints the
   * study's earlier versions that are issued with a footprint and not withdrawn (a withdrawn
   * report's footprint is deprecated, not replaced). The export and the copy frozen at issue both
   * take it from here, so a withdrawal cannot make them disagree.
   *
   * @param issued the version's issue, for its verification; empty for a version not issued
   */
  private PactIssue pactIssue(Handle h, long orgId, UUID id, int version,
      Instant created, PactIssue.Status status, Optional<Issued> issued) {
    String owner = "org:" + orgId;
    List<UUID> preceding = new ArrayList<>();
    for (int v = 1; v < version; v++) {
      // issued, not withdrawn, and with a footprint: a version PACT could not express was issued
      // without one, and an id that names nothing on the host would send a partner looking for it
      if (repo.find(h, orgId, id, v).filter(i -> !i.withdrawn()).isPresent() && pact.frozen(orgId, id, v).isPresent()) {
        preceding.add(PactIssue.idOf(owner, id.toString(), v));
      }
    }
    return new PactIssue(PactIssue.idOf(owner, id.toString(), version), created, status, preceding,
        issued.map(i -> new PactIssue.Verification(i.issuedAt(), i.number(), verifyUrl(i.code()), i.issuedBy())));
  }

  /** The public verification address of an issued report, printed on it and named in its PACT footprint. */
  private String verifyUrl(String code) {
    return publicUrl + "/verify/" + code;
  }

  /**
   * Withdraws an issued report with the reason; it stays visible, marked withdrawn.
   *
   * @throws AppException.Forbidden unless the caller is an approver
   * @throws AppException.Conflict when the version is not issued, or withdrawn already
   */
  public void withdraw(Principal who, UUID id, int version, String reason) {
    if (!db.inTransaction(h -> workflow.roles(h, who.userId())).contains(WorkRole.APPROVER)) {
      throw new AppException.Forbidden("FORBIDDEN", "workflow.role", WorkRole.APPROVER.id());
    }
    if (reason == null || reason.isBlank() || reason.length() > 4000) {
      throw new AppException.Invalid("BAD_STATEMENT", "workflow.statement");
    }
    db.inTransaction(h -> {
      if (!workflow.move(h, id, version, StudyState.ISSUED, StudyState.WITHDRAWN)
          || !repo.withdraw(h, id, version, who.userId(), reason, env.now())) {
        throw new AppException.Conflict("WRONG_STATE", "workflow.state", "—", StudyState.ISSUED.id());
      }
      pact.withdraw(who.orgId(), id, version, reason);
      audit.record(AuditService.Event.of(who, "state.withdraw").study(id, version).detail(reason));
      return null;
    });
  }

  /** What was issued for a version, if it was. */
  public Optional<IssuedReport> issued(Principal who, UUID id, int version) {
    return db.inTransaction(h -> repo.find(h, who.orgId(), id, version)
        .map(i -> new IssuedReport(i, repo.files(h, id, version, false))));
  }

  /**
   * One issued file, as stored; its download is recorded in the audit trail.
   *
   * @throws AppException.NotFound when the version was not issued, or not in that file
   */
  public IssuedFile file(Principal who, UUID id, int version, String name) {
    return db.inTransaction(h -> {
      repo.find(h, who.orgId(), id, version)
          .orElseThrow(() -> new AppException.NotFound("NOT_FOUND", "issue.none", id.toString(), version));
      IssuedFile f = repo.file(h, id, version, name)
          .orElseThrow(() -> new AppException.NotFound("NOT_FOUND", "issue.noFile", name));
      audit.record(AuditService.Event.of(who, "issued.download").study(id, version).detail(name)
          .hashes(null, f.sha256()));
      return f;
    });
  }

  /**
   * What the public verification page shows of an issued report: the issue, its files' hashes, the
   * product, declared unit and result, and who signed when. Nothing else of the organization.
   */
  public record Verified(Issued issued, List<IssuedFile> files, String product, String declaredUnit,
      Double perUnitKgCO2e, String preparedBy, List<Signature> signatures) {}

  /** An issued report found by its public verification code (no sign-in); empty for any other text. */
  public Optional<Verified> verify(String code) {
    if (code == null || !code.matches("[0-9a-f]{32}")) {
      return Optional.empty();
    }
    return db.inTransaction(h -> repo.byCode(h, code).map(i -> {
      Version v = versions.version(h, i.orgId(), i.studyId(), i.version()).orElseThrow();
      return new Verified(i, repo.files(h, i.studyId(), i.version(), false), v.summary().name(),
          v.summary().declaredUnit(), v.summary().perUnitKgCO2e(), v.createdBy(),
          workflow.signatures(h, i.studyId(), i.version()));
    }));
  }

  /**
   * Which issued file of a report has exactly these bytes, if any (a PDF uploaded to the public page).
   *
   * @return the file's name, or empty when no issued file has these bytes
   */
  public Optional<String> match(String code, byte[] bytes) {
    String sha = Hashes.sha256(bytes);
    return verify(code).flatMap(v -> v.files().stream().filter(f -> f.sha256().equals(sha)).map(IssuedFile::name)
        .findFirst());
  }

  /**
   * Sets the organization's report number pattern.
   *
   * @throws AppException.Invalid unless it holds {@code {seq}} or {@code {seq:N}} once, within 100 characters
   */
  public void setPattern(Principal who, String pattern) {
    Policy.requireAdmin(who);
    Matcher m = SEQ.matcher(pattern == null ? "" : pattern);
    int count = 0;
    while (m.find()) {
      count++;
    }
    if (count != 1 || pattern.length() > 100) {
      throw new AppException.Invalid("BAD_PATTERN", "issue.pattern", String.valueOf(pattern));
    }
    db.inTransaction(h -> {
      repo.setPattern(h, who.orgId(), pattern);
      audit.record(AuditService.Event.of(who, "organization.pattern").detail(pattern));
      return null;
    });
  }

  /** A report number from the pattern: {@code TJ-{yyyy}-{seq:4}} and 7 in 2026 give {@code TJ-2026-0007}. */
  static String number(String pattern, int year, long seq) {
    Matcher m = SEQ.matcher(pattern.replace("{yyyy}", Integer.toString(year)));
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      int width = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
      m.appendReplacement(b, String.format(Locale.ROOT, "%0" + width + "d", seq));
    }
    m.appendTail(b);
    return b.toString();
  }

  private ReportInfo.Signature signer(List<Signature> signed, String action) {
    return signed.stream().filter(s -> s.action().equals(action)).reduce((a, b) -> b)
        .map(s -> new ReportInfo.Signature(s.username(), LocalDate.ofInstant(s.signedAt(), env.clock().getZone())))
        .orElse(null);
  }

  private static IssuedFile file(String name, String media, byte[] bytes) {
    return new IssuedFile(name, media, bytes, Hashes.sha256(bytes));
  }

  /**
   * A version as a PACT v3 footprint (the current version when {@code n} is empty). Its id is
   * {@code PactIssue.idOf("org:<organization>", study, version)}, the same every time; an issued
   * version carries its verification (issue time, report number, verification address, who issued
   * it) and is created when it was issued, any other version when it was stored. An issued version
   * is deprecated once a later one is issued, and so is a withdrawn one; the issued versions before
   * it are its preceding footprints.
   *
   * @throws AppException.NotFound when there is no such study or version
   * @throws AppException.InvalidStudy when the study has errors, or lacks what PACT requires (the
   *     findings say what)
   */
  public org.tanji.io.pact.PactExport.Exported pact(Principal who, UUID id, Optional<Integer> n) {
    int current = studies.resolve(who, id, Optional.empty());
    int version = studies.resolve(who, id, n);
    List<Optional<Issued>> all = db.inTransaction(h -> {
      List<Optional<Issued>> out = new ArrayList<>();
      for (int v = 1; v <= current; v++) {
        out.add(repo.find(h, who.orgId(), id, v).filter(i -> !i.withdrawn()));
      }
      return out;
    });
    Optional<Issued> issued = all.get(version - 1);
    // an issued version's footprint is the one frozen at issue (the bytes the host API serves, with
    // the status it has since), never recomputed: a later change of the calculator cannot alter it
    Optional<org.tanji.server.domain.IssuedFootprint> frozen = issued.isPresent()
        ? pact.frozen(who.orgId(), id, version) : Optional.empty();
    if (frozen.isPresent()) {
      try {
        return new org.tanji.io.pact.PactExport.Exported(Optional.of((com.fasterxml.jackson.databind.node.ObjectNode)
            FROZEN_JSON.readTree(PactHostService.served(frozen.get()))), List.of());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("a frozen footprint is JSON: Tanji wrote it", e);
      }
    }
    boolean withdrawn = issued.isEmpty() && db.inTransaction(h -> repo.find(h, who.orgId(), id, version)).isPresent();
    boolean replaced = all.subList(version, current).stream().anyMatch(Optional::isPresent);
    var status = withdrawn || (issued.isPresent() && replaced) ? PactIssue.Status.Deprecated : PactIssue.Status.Active;
    Instant created = issued.map(Issued::issuedAt)
        .orElseGet(() -> studies.version(who, id, Optional.of(version)).createdAt());
    PactIssue issue = db.inTransaction(h -> pactIssue(h, who.orgId(), id, version, created, status, issued));
    Computations.Computed c = studies.computed(who, id, version);
    var exported = PactExport.footprint(c.study(), c.result(), issue);
    if (exported.footprint().isEmpty()) {
      List<org.tanji.core.model.Finding> why = c.result().hasErrors() ? c.result().findings() : exported.findings();
      throw new AppException.InvalidStudy("PACT_INCOMPLETE", why, "pact.incomplete", id.toString(), version);
    }
    return exported;
  }
}

package org.tanji.server.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.tanji.core.cbam.CbamResult;
import org.tanji.core.cbam.PcfBesideCbam;
import org.tanji.core.model.Factor;
import org.tanji.core.model.TextTooLongException;
import org.tanji.core.uncertainty.Settings;
import org.tanji.core.uncertainty.Simulation;
import org.tanji.core.uncertainty.UncertaintyResult;
import org.tanji.io.CbamRead;
import org.tanji.io.CbamReader;
import org.tanji.io.ResultJson;
import org.tanji.io.StudyDiff;
import org.tanji.io.StudyFormat;
import org.tanji.io.StudyWriter;
import org.tanji.io.UncertaintyJson;
import org.tanji.io.xlsx.CbamTemplate;
import org.tanji.io.xlsx.Workbooks;
import org.tanji.report.ReportFormat;
import org.tanji.report.Reports;
import org.tanji.report.model.ReportDocument;
import org.tanji.server.domain.CbamFile;
import org.tanji.server.domain.Principal;
import org.tanji.server.domain.StudyFile;
import org.tanji.server.domain.StudyInfo;
import org.tanji.server.domain.StudyState;
import org.tanji.server.domain.Version;
import org.tanji.server.store.Database;
import org.tanji.server.store.StudyRepository;

/**
 * Studies: storing files as studies and versions, and what is made from a version (its result,
 * its file in another format, its report, the differences between two versions). Every command
 * takes the acting principal and sees only the principal's organization. A version never changes,
 * so everything made from one is cached by version.
 */
public final class StudyService {

  private final Database db;
  private final Env env;
  private final Computations computations;
  private final StudyRepository repo = new StudyRepository();
  private final org.tanji.server.store.IssueRepository issues = new org.tanji.server.store.IssueRepository();
  private final org.tanji.server.store.CbamRepository cbamFiles = new org.tanji.server.store.CbamRepository();

  private final AuditService audit;
  private final FactorService factors;

  public StudyService(Database db, Env env, Computations computations, AuditService audit, FactorService factors) {
    this.db = db;
    this.env = env;
    this.computations = computations;
    this.audit = audit;
    this.factors = factors;
  }

  /**
   * A cache key of what a version computed to with the organization's current library: a new
   * supplier footprint can change what a line refers to, so results are kept per library.
   */
  private Computations.Key key(FactorService.Library library, UUID id, int version, String variant) {
    return new Computations.Key(id, version, variant + library.tag());
  }

  /** A version just stored, and what its file computed to. */
  public record Stored(Version version, Computations.Computed computed) {}

  // ---- storing

  /** Stores a file as a new study, version 1, whatever its findings (they are shown with it). */
  public Stored create(Principal who, StudyFile file) {
    FactorService.Library library = factors.library(who);
    Computations.Computed c = computations.compute(file, library.factors());
    UUID id = env.ids().get();
    Version v = db.inTransaction(h -> {
      repo.insertStudy(h, id, who.orgId(), who.userId(), env.now());
      Version v1 = insert(h, who, id, 1, file, c);
      audit.record(AuditService.Event.of(who, "study.create").study(id, 1).detail(file.fileName())
          .hashes(null, v1.sha256()));
      return v1;
    });
    return stored(v, c, library);
  }

  /**
   * Stores a file as the next version of a study, if its current version is the one the caller
   * started from.
   *
   * @throws AppException.NotFound when the organization has no such study
   * @throws AppException.VersionConflict when someone stored another version in between; it carries
   *     the findings of the file that was not stored
   */
  public Stored store(Principal who, UUID id, int expected, StudyFile file) {
    FactorService.Library library = factors.library(who);
    Computations.Computed c = computations.compute(file, library.factors());
    Version v = db.inTransaction(h -> {
      if (!repo.advance(h, who.orgId(), id, expected, who.userId(), env.now())) {
        Version current = repo.currentVersion(h, who.orgId(), id).orElseThrow(() -> notFound(id));
        throw new AppException.VersionConflict(current, expected, c.result().findings());
      }
      String before = repo.version(h, who.orgId(), id, expected).map(Version::sha256).orElse(null);
      Version next = insert(h, who, id, expected + 1, file, c);
      cbamFiles.carryOver(h, id, expected, expected + 1);
      audit.record(AuditService.Event.of(who, "study.version").study(id, next.version()).detail(file.fileName())
          .hashes(before, next.sha256()));
      return next;
    });
    return stored(v, c, library);
  }

  private Version insert(org.tanji.server.store.Handle h, Principal who, UUID id, int n, StudyFile file,
      Computations.Computed c) {
    var now = env.now();
    var summary = Computations.summary(c, file.fileName());
    String sha = Hashes.sha256(file.bytes());
    repo.insertVersion(h, id, n, file, sha, summary, who.userId(), now);
    return new Version(id, n, file.format(), file.fileName(), file.bytes().length, sha, summary, now,
        who.username(), org.tanji.server.domain.StudyState.DRAFT);
  }

  private Stored stored(Version v, Computations.Computed c, FactorService.Library library) {
    // the result in the study's own language is what GET …/result will be asked for first
    computations.put(key(library, v.studyId(), v.version(), "result:"), resultBytes(c, c.studyLocale()));
    return new Stored(v, c);
  }

  /** A file read and computed without storing it (the editor's live check). */
  public Computations.Computed check(Principal who, StudyFile file) {
    return computations.compute(file, factors.library(who).factors());
  }

  // ---- reading

  /** The organization's studies, most recently changed first. */
  public List<StudyInfo> list(Principal who) {
    return db.inTransaction(h -> repo.list(h, who.orgId()));
  }

  /** @throws AppException.NotFound when the organization has no such study */
  public StudyInfo study(Principal who, UUID id) {
    return db.inTransaction(h -> repo.find(h, who.orgId(), id)).orElseThrow(() -> notFound(id));
  }

  /** Every version of a study, oldest first. @throws AppException.NotFound when there is no such study */
  public List<Version> versions(Principal who, UUID id) {
    List<Version> list = db.inTransaction(h -> repo.versions(h, who.orgId(), id));
    if (list.isEmpty()) {
      throw notFound(id);
    }
    return list;
  }

  /**
   * A version (the current one when {@code n} is empty).
   *
   * @throws AppException.NotFound when there is no such study or version
   */
  public Version version(Principal who, UUID id, Optional<Integer> n) {
    int v = resolve(who, id, n);
    return db.inTransaction(h -> repo.version(h, who.orgId(), id, v)).orElseThrow(() -> notFound(id));
  }

  /**
   * The number of a version, checked to exist (the current one when {@code n} is empty).
   *
   * @throws AppException.NotFound when there is no such study or version
   */
  public int resolve(Principal who, UUID id, Optional<Integer> n) {
    int current = db.inTransaction(h -> repo.currentVersionNumber(h, who.orgId(), id))
        .orElseThrow(() -> notFound(id));
    if (n.isEmpty()) {
      return current;
    }
    if (n.get() < 1 || n.get() > current) {
      throw new AppException.NotFound("NOT_FOUND", "version.notFound", id.toString(), Integer.toString(n.get()),
          Integer.toString(current));
    }
    return n.get();
  }

  /** A version's file as it was stored. */
  public StudyFile file(Principal who, UUID id, int version) {
    return db.inTransaction(h -> repo.content(h, who.orgId(), id, version)).orElseThrow(() -> notFound(id));
  }

  /** A version read and computed (kept for the next page that shows it). */
  public Computations.Computed computed(Principal who, UUID id, int version) {
    FactorService.Library library = factors.library(who);
    return computations.computed(id, version, library.tag(), library.factors(), () -> file(who, id, version));
  }

  /**
   * Exactly what {@code tanji calc --json} prints for the version, final newline included: findings
   * in the study's language unless {@code lang} says otherwise.
   */
  public byte[] result(Principal who, UUID id, int version, Optional<Locale> lang) {
    Optional<byte[]> issued = issuedFile(who, id, version, lang, "result-%s.json");
    if (issued.isPresent()) {
      return issued.get();
    }
    String variant = "result:" + lang.map(Locale::getLanguage).orElse("");
    return computations.get(key(factors.library(who), id, version, variant), k -> {
      Computations.Computed c = computed(who, id, version);
      return resultBytes(c, lang.orElse(c.studyLocale()));
    });
  }

  /** Byte for byte what {@code tanji calc --json} prints, final newline included. */
  static byte[] resultBytes(Computations.Computed c, Locale locale) {
    return (ResultJson.toJson(c.result(), locale) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A version's file in a format: as stored when it is in that format already, else rewritten.
   *
   * @throws AppException.Invalid for a format other than yaml, json, xlsx
   * @throws AppException.Conflict when the file has errors: converting would drop what the error is
   *     about, so such a file is only given as stored
   */
  public StudyFile convert(Principal who, UUID id, int version, String format) {
    StudyFile stored = file(who, id, version);
    if (format.equals(stored.format())) {
      return stored;
    }
    return convert(computed(who, id, version), stored.fileName(), format);
  }

  /**
   * A file not stored, rewritten in a format (the same rules).
   *
   * @throws AppException.Invalid for a format other than yaml, json, xlsx
   * @throws AppException.Conflict when the file has errors
   */
  public StudyFile convert(Principal who, StudyFile file, String format) {
    return file.format().equals(format) ? file : convert(check(who, file), file.fileName(), format);
  }

  private StudyFile convert(Computations.Computed c, String fileName, String format) {
    StudyFormat target = StudyFormat.fromName(format)
        .orElseThrow(() -> new AppException.Invalid("BAD_FORMAT", "query.fileFormat", format));
    if (c.study() == null || c.result().hasErrors()) {
      throw AppException.Conflict.withFindings("NOT_CONVERTIBLE", c.result().findings(), "format.cannot", format);
    }
    String name = baseName(fileName) + "." + format;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (target == StudyFormat.XLSX) {
        Workbooks.write(c.study(), c.studyLocale(), computations.library(), name, out);
      } else {
        StudyWriter.write(c.study(), target, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (TextTooLongException e) {
      // the reader's limits keep such texts out of stored studies; one built otherwise is refused whole
      throw new AppException.InvalidStudy("TEXT_TOO_LONG", List.of(), "format.tooLong", format, e.where(),
          Integer.toString(e.length()), Integer.toString(e.limit()));
    }
    return new StudyFile(out.toByteArray(), format, name);
  }

  /**
   * The report of a version, made once per version, format and language (the study's own when
   * {@code lang} is empty).
   *
   * @throws AppException.InvalidStudy when the version has errors
   */
  public byte[] report(Principal who, UUID id, int version, ReportFormat format, Optional<Locale> lang) {
    Optional<byte[]> issued = issuedFile(who, id, version, lang, "report-%s." + format.extension());
    if (issued.isPresent()) {
      return issued.get();
    }
    // a version's CBAM file may change while it is a draft: the report is kept per file
    Optional<CbamFile> cbamFile = db.inTransaction(h -> cbamFiles.find(h, who.orgId(), id, version));
    String variant = "report:" + format.extension() + "-" + lang.map(Locale::getLanguage).orElse("")
        + cbamFile.map(f -> cbamTag(f.sha256())).orElse("");
    return computations.get(key(factors.library(who), id, version, variant), k -> {
      Computations.Computed c = computed(who, id, version);
      if (c.result().hasErrors()) {
        throw new AppException.InvalidStudy("STUDY_HAS_ERRORS", c.result().findings(), "report.errors");
      }
      ReportDocument doc = Reports.build(c.study(), c.result(), lang.orElse(c.studyLocale()));
      return Reports.bytes(Reports.withCbam(doc, cbamBeside(who, id, version, cbamFile)), format);
    });
  }

  /**
   * A CBAM file (an upload: not stored) read against a version's study, whose figures it may take
   * by reference, computed, with the footprint beside each good's SEE.
   *
   * @param read the file as read, with its findings
   * @param result the CBAM result, empty when the file has errors
   * @param beside per good that can be compared, the footprint beside its SEE, line by line
   */
  public record CbamComputed(CbamRead read, Optional<CbamResult> result, List<PcfBesideCbam> beside) {
    public CbamComputed {
      beside = List.copyOf(beside);
    }
  }

  /**
   * Reads and computes a CBAM file against the version's study.
   *
   * @throws AppException.InvalidStudy when the version has errors: its figures cannot be taken
   */
  public CbamComputed cbam(Principal who, UUID id, int version, byte[] file, String name) {
    Computations.Computed c = computed(who, id, version);
    if (c.result().hasErrors()) {
      throw new AppException.InvalidStudy("STUDY_HAS_ERRORS", c.result().findings(), "cbam.studyErrors");
    }
    CbamRead read = CbamReader.read(file, name, Optional.of(c.study()));
    Optional<CbamResult> result = read.compute();
    List<PcfBesideCbam> beside = result
        .map(r -> PcfBesideCbam.ofGoods(c.study(), c.result(), read.input().orElseThrow(), r)).orElse(List.of());
    return new CbamComputed(read, result, beside);
  }

  /**
   * What a version's result, or report, is made from besides the version itself, as text for an
   * ETag: the organization's own factors (their generation) and, for a report, the version's CBAM
   * file (its digest); empty when there is neither.
   */
  public String madeWith(Principal who, UUID id, int version, boolean report) {
    return db.inTransaction(h -> {
      // an issued version's answers are the files frozen at issue, with the report's signature
      if (issues.find(h, who.orgId(), id, version).isPresent()) {
        return "-issued";
      }
      String library = factors.library(who).tag();
      return !report ? library
          : library + cbamFiles.digest(h, who.orgId(), id, version).map(StudyService::cbamTag).orElse("");
    });
  }

  private static String cbamTag(String sha256) {
    return "-cbam." + sha256.substring(0, 16);
  }

  /** A version's CBAM file as stored, and what it computes to against the version's study. */
  public record StoredCbam(CbamFile file, CbamComputed computed) {}

  /**
   * The CBAM file stored with a version, as it was stored (not computed: a version with errors still
   * shows, and gives back, its file).
   *
   * @throws AppException.NotFound when there is no such study or version
   */
  public Optional<CbamFile> cbamFile(Principal who, UUID id, int version) {
    return db.inTransaction(h -> {
      repo.version(h, who.orgId(), id, version).orElseThrow(() -> notFound(id));
      return cbamFiles.find(h, who.orgId(), id, version);
    });
  }

  /**
   * The CBAM file stored with a version, computed against the version's study.
   *
   * @throws AppException.NotFound when there is no such study or version
   * @throws AppException.InvalidStudy when the version has errors
   */
  public Optional<StoredCbam> storedCbam(Principal who, UUID id, int version) {
    return cbamFile(who, id, version).map(f -> new StoredCbam(f, cbam(who, id, version, f.content(), f.readName())));
  }

  /**
   * Stores a CBAM file with the study's current version, replacing the one it had, whatever the
   * file's findings (they are shown with it, and nothing the user sent is lost). Later versions of
   * the study start with a copy.
   *
   * @throws AppException.Conflict {@code CBAM_FROZEN} when the version is not the study's current
   *     one or is no longer a draft (it is in review, approved or issued: what was reviewed stays)
   * @throws AppException.InvalidStudy when the version has errors: the file could not take its figures
   */
  public StoredCbam storeCbam(Principal who, UUID id, int version, byte[] bytes, String name) {
    CbamComputed computed = cbam(who, id, version, bytes, name);
    String fileName = name == null || name.isBlank() ? "cbam.yaml" : name.strip();
    String sha = Hashes.sha256(bytes);
    Instant now = env.now();
    db.inTransaction(h -> {
      String before = draftCbam(h, who, id, version).map(CbamFile::sha256).orElse(null);
      cbamFiles.put(h, id, version, fileName, bytes, sha, who.userId(), now);
      audit.record(AuditService.Event.of(who, "study.cbam").study(id, version).detail(fileName).hashes(before, sha));
      return null;
    });
    return new StoredCbam(new CbamFile(fileName, bytes, sha, now, who.username()), computed);
  }

  /**
   * Removes the CBAM file of the study's current version.
   *
   * @throws AppException.NotFound when the version has none
   * @throws AppException.Conflict {@code CBAM_FROZEN} as for {@link #storeCbam}
   */
  public void deleteCbam(Principal who, UUID id, int version) {
    db.inTransaction(h -> {
      CbamFile old = draftCbam(h, who, id, version)
          .orElseThrow(() -> new AppException.NotFound("NOT_FOUND", "cbam.none", version));
      cbamFiles.delete(h, id, version);
      audit.record(AuditService.Event.of(who, "study.cbam.delete").study(id, version).detail(old.readName())
          .hashes(old.sha256(), null));
      return null;
    });
  }

  /**
   * What the report's CBAM section shows for a version: its footprint beside the SEE of each good of
   * its CBAM file that can be compared; none without a file, or with one whose errors are more than
   * a precursor SEE not known yet (PcfBesideCbam.comparable).
   */
  public List<PcfBesideCbam> cbamBeside(Principal who, UUID id, int version) {
    return cbamBeside(who, id, version, db.inTransaction(h -> cbamFiles.find(h, who.orgId(), id, version)));
  }

  private List<PcfBesideCbam> cbamBeside(Principal who, UUID id, int version, Optional<CbamFile> file) {
    return file.map(f -> cbam(who, id, version, f.content(), f.readName()).beside()).orElse(List.of());
  }

  /** The CBAM file of a version that may still change it (the current one, a draft). */
  private Optional<CbamFile> draftCbam(org.tanji.server.store.Handle h, Principal who, UUID id, int version) {
    // the checks hold the study's and the version's rows until the transaction ends, so that a new
    // version (which copies the file) or a workflow step (which freezes it) waits for this change,
    // or this change sees theirs
    if (!repo.holdCurrent(h, who.orgId(), id, version)) {
      int current = repo.currentVersionNumber(h, who.orgId(), id).orElseThrow(() -> notFound(id));
      repo.version(h, who.orgId(), id, version).orElseThrow(() -> notFound(id));
      throw new AppException.Conflict("CBAM_FROZEN", "cbam.notCurrent", version, current);
    }
    if (!repo.holdDraft(h, id, version)) {
      throw new AppException.Conflict("CBAM_FROZEN", "cbam.frozen", version);
    }
    return cbamFiles.find(h, who.orgId(), id, version);
  }

  /**
   * The Commission's communication template (the bundled blank copy) filled from a CBAM file read
   * against the version's study.
   *
   * @throws AppException.InvalidStudy when the study or the CBAM file has errors, with the findings
   */
  public byte[] cbamTemplate(Principal who, UUID id, int version, byte[] file, String name) {
    CbamComputed c = cbam(who, id, version, file, name);
    if (c.result().isEmpty()) {
      throw new AppException.InvalidStudy("CBAM_HAS_ERRORS", c.read().findings(), "cbam.fileErrors");
    }
    CbamTemplate.Filled filled = CbamTemplate.bundled().fill(c.read().input().orElseThrow(), c.result().get());
    return filled.workbook().orElseThrow(() ->
        new AppException.InvalidStudy("CBAM_TEMPLATE", filled.findings(), "cbam.templateErrors"));
  }

  /**
   * The stored bytes of an issued version's file, when the version was issued: never recomputed.
   *
   * @throws AppException.NotFound when the version was issued, but not in this language or format
   */
  private Optional<byte[]> issuedFile(Principal who, UUID id, int version, Optional<Locale> lang, String pattern) {
    return db.inTransaction(h -> {
      if (issues.find(h, who.orgId(), id, version).isEmpty()) {
        return Optional.empty();
      }
      Locale l = lang.orElseGet(() -> computed(who, id, version).studyLocale());
      String name = String.format(Locale.ROOT, pattern, l.getLanguage());
      return Optional.of(issues.file(h, id, version, name)
          .orElseThrow(() -> new AppException.NotFound("NOT_FOUND", "issue.notIssuedIn", name)).content());
    });
  }

  /**
   * A digest of the factor library the organization's results are computed with, recorded with what
   * is issued: the built-in library's, unless the organization has factors of its own.
   */
  public String libraryDigest(Principal who) {
    FactorService.Library library = factors.library(who);
    return library.tag().isEmpty() ? computations.libraryDigest() : Computations.digest(library.factors());
  }

  /** The most runs a request may ask for: a simulation holds a request's thread for its whole time. */
  public static final int MAX_SERVER_RUNS = 100_000;

  /**
   * The Monte Carlo simulation of a version as JSON ({@code tanji uncertainty --json}), made once
   * per runs, seed and language.
   *
   * @throws AppException.InvalidStudy for runs or a seed that are not numbers in range (the findings say which)
   */
  public byte[] uncertainty(Principal who, UUID id, int version, String runs, String seed, Optional<Locale> lang) {
    Settings settings = settings(runs, seed);
    String variant = "uncertainty:" + settings.runs() + ":" + settings.seed() + ":" + lang.map(Locale::getLanguage)
        .orElse("");
    return computations.get(key(factors.library(who), id, version, variant), k -> {
      Computations.Computed c = computed(who, id, version);
      Locale locale = lang.orElse(c.studyLocale());
      Optional<Simulation> sim = c.read().simulation();
      StringWriter out = new StringWriter();
      try {
        if (sim.isPresent() && sim.get().runnable()) {
          UncertaintyJson.write(Optional.of(sim.get().run(settings)), sim.get().result().findings(), locale, out);
        } else {
          UncertaintyJson.write(Optional.empty(), c.result().findings(), locale, out);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toString().getBytes(StandardCharsets.UTF_8);
    });
  }

  /** The default simulation of a version, when it has distributions and no errors (for the result page). */
  public Optional<UncertaintyResult> uncertaintyResult(Principal who, UUID id, int version) {
    return computed(who, id, version).read().simulation()
        .filter(s -> s.runnable() && s.hasUncertainty())
        .map(s -> s.run(Settings.defaults()));
  }

  /**
   * Two versions' simulations with the same runs, shared factors drawn in common: the probability
   * that A's footprint per declared unit is lower than B's.
   *
   * @throws AppException.InvalidStudy when either has errors, or their declared units differ
   */
  public byte[] compareUncertainty(Principal who, UUID a, int va, UUID b, int vb, String runs, String seed,
      Optional<Locale> lang) {
    Settings settings = settings(runs, seed);
    Computations.Computed ca = computed(who, a, va);
    Computations.Computed cb = computed(who, b, vb);
    Simulation sa = ca.read().simulation().filter(Simulation::runnable)
        .orElseThrow(() -> new AppException.InvalidStudy("STUDY_HAS_ERRORS", ca.result().findings(), "report.errors"));
    Simulation sb = cb.read().simulation().filter(Simulation::runnable)
        .orElseThrow(() -> new AppException.InvalidStudy("STUDY_HAS_ERRORS", cb.result().findings(), "report.errors"));
    Simulation.incomparable(sa, sb).ifPresent(f -> {
      throw new AppException.InvalidStudy(f.code(), List.of(f), "uncertainty.incomparable");
    });
    StringWriter out = new StringWriter();
    try {
      UncertaintyJson.write(Simulation.compare(sa, sb, settings), sa.result().findings(), sb.result().findings(),
          lang.orElse(ca.studyLocale()), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Settings settings(String runs, String seed) {
    List<org.tanji.core.model.Finding> findings = new java.util.ArrayList<>();
    Settings s = Settings.parse(runs, seed, findings)
        .orElseThrow(() -> new AppException.InvalidStudy("INVALID_SETTINGS", findings, "uncertainty.settings"));
    if (s.runs() > MAX_SERVER_RUNS) {
      throw new AppException.Invalid("TOO_MANY_RUNS", "uncertainty.serverRuns", Integer.toString(MAX_SERVER_RUNS));
    }
    return s;
  }

  /** What changed from one version to another, field by field. */
  public List<StudyDiff.Change> differences(Principal who, UUID id, int a, int b) {
    return StudyDiff.between(computed(who, id, a).study(), computed(who, id, b).study());
  }

  /** Factors of the organization's library (built-in and its own) matching a text, region and year (any when null). */
  public List<Factor> factors(Principal who, String text, String region, Integer year) {
    return factors.library(who).factors().search(text, region, year);
  }

  /** A file name without its extension. */
  public static String baseName(String fileName) {
    String n = fileName == null ? "study" : fileName;
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  private static AppException notFound(UUID id) {
    return new AppException.NotFound("NOT_FOUND", "study.notFound", id.toString());
  }
}

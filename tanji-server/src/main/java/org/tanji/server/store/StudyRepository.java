package org.tanji.server.store;

import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.tanji.server.domain.StudyFile;
import org.tanji.server.domain.StudyInfo;
import org.tanji.server.domain.StudyState;
import org.tanji.server.domain.Summary;
import org.tanji.server.domain.Version;

/**
 * Studies and their versions in the database. Every method takes the caller's {@link Handle}, so
 * it runs in the caller's transaction, and every query names the organization: a study of another
 * organization is not found, exactly as one that does not exist.
 */
public final class StudyRepository {

  private static final String VERSION_COLUMNS = "v.study_id, v.version, v.format, v.file_name,"
      + " OCTET_LENGTH(v.content) AS content_bytes, v.sha256, v.name, v.declared_unit, v.per_unit_kgco2e, v.dq_score,"
      + " v.dq_grade, v.errors, v.warnings, v.created_at, vu.username AS version_by, v.state AS version_state";

  private static final String SELECT_VERSION = "SELECT " + VERSION_COLUMNS
      + " FROM study_version v JOIN study s ON s.id = v.study_id JOIN app_user vu ON vu.id = v.created_by";

  private static final String SELECT_STUDY = "SELECT " + VERSION_COLUMNS
      + ", s.current_version, s.state, s.created_at AS study_created_at, su.username AS study_by"
      + " FROM study s JOIN study_version v ON v.study_id = s.id AND v.version = s.current_version"
      + " JOIN app_user vu ON vu.id = v.created_by JOIN app_user su ON su.id = s.created_by";

  /** Adds a study whose first version is then inserted with {@link #insertVersion}. */
  public void insertStudy(Handle h, UUID id, long orgId, long userId, Instant now) {
    h.update("INSERT INTO study (id, org_id, current_version, state, created_at, created_by, updated_at, updated_by)"
        + " VALUES (?, ?, 1, ?, ?, ?, ?, ?)", id, orgId, StudyState.DRAFT.id(), now, userId, now, userId);
  }

  /**
   * Moves a study's current version from the expected one to the next, in one statement, so that
   * two writers cannot both pass the check.
   *
   * @return whether it moved: false when the study is not the organization's or is at another version
   */
  public boolean advance(Handle h, long orgId, UUID id, int expected, long userId, Instant now) {
    return h.update("UPDATE study SET current_version = current_version + 1, state = 'draft', updated_at = ?, updated_by = ?"
        + " WHERE id = ? AND org_id = ? AND current_version = ?", now, userId, id, orgId, expected) == 1;
  }

  /**
   * Holds the study's row for the transaction if {@code version} is its current version: a writer
   * that would move it on waits until then. Whether it is the organization's, at that version.
   */
  public boolean holdCurrent(Handle h, long orgId, UUID id, int version) {
    return h.update("UPDATE study SET current_version = current_version WHERE id = ? AND org_id = ?"
        + " AND current_version = ?", id, orgId, version) == 1;
  }

  /** Holds a version's row for the transaction if it is a draft: a workflow step waits until then. */
  public boolean holdDraft(Handle h, UUID id, int version) {
    return h.update("UPDATE study_version SET state = state WHERE study_id = ? AND version = ? AND state = ?",
        id, version, StudyState.DRAFT.id()) == 1;
  }

  /** Stores a version's file and what it computed to. */
  public void insertVersion(Handle h, UUID id, int n, StudyFile file, String sha256, Summary s, long userId,
      Instant now) {
    h.update("INSERT INTO study_version (study_id, version, format, file_name, content, sha256, name, declared_unit,"
        + " per_unit_kgco2e, dq_score, dq_grade, errors, warnings, created_at, created_by)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, n, file.format(), truncate(file.fileName(), 255), file.bytes(), sha256, truncate(s.name(), 1000),
        truncate(s.declaredUnit(), 200), Handle.orNull(s.perUnitKgCO2e(), Types.DOUBLE),
        Handle.orNull(s.dqScore(), Types.DOUBLE), Handle.orNull(s.dqGrade(), Types.INTEGER), s.errors(),
        s.warnings(), now, userId);
  }

  /** The organization's studies, most recently changed first. */
  public List<StudyInfo> list(Handle h, long orgId) {
    return h.list(SELECT_STUDY + " WHERE s.org_id = ? ORDER BY s.updated_at DESC, s.id", StudyRepository::studyInfo,
        orgId);
  }

  public Optional<StudyInfo> find(Handle h, long orgId, UUID id) {
    return h.findOne(SELECT_STUDY + " WHERE s.org_id = ? AND s.id = ?", StudyRepository::studyInfo, orgId, id);
  }

  /** The current version number only: the cheap check before a cached result is served. */
  public OptionalInt currentVersionNumber(Handle h, long orgId, UUID id) {
    return h.findOne("SELECT current_version FROM study WHERE org_id = ? AND id = ?",
        r -> r.intValue("current_version"), orgId, id).map(OptionalInt::of).orElse(OptionalInt.empty());
  }

  /** Every version of a study, oldest first; empty when the study is not the organization's. */
  public List<Version> versions(Handle h, long orgId, UUID id) {
    return h.list(SELECT_VERSION + " WHERE s.org_id = ? AND v.study_id = ? ORDER BY v.version",
        StudyRepository::version, orgId, id);
  }

  public Optional<Version> version(Handle h, long orgId, UUID id, int n) {
    return h.findOne(SELECT_VERSION + " WHERE s.org_id = ? AND v.study_id = ? AND v.version = ?",
        StudyRepository::version, orgId, id, n);
  }

  public Optional<Version> currentVersion(Handle h, long orgId, UUID id) {
    return h.findOne(SELECT_VERSION + " WHERE s.org_id = ? AND s.id = ? AND v.version = s.current_version",
        StudyRepository::version, orgId, id);
  }

  public Optional<StudyFile> content(Handle h, long orgId, UUID id, int n) {
    return h.findOne("SELECT v.content, v.format, v.file_name FROM study_version v JOIN study s ON s.id = v.study_id"
        + " WHERE s.org_id = ? AND v.study_id = ? AND v.version = ?",
        r -> new StudyFile(r.bytes("content"), r.string("format"), r.string("file_name")), orgId, id, n);
  }

  private static Version version(Handle.Row r) throws SQLException {
    Summary s = new Summary(r.string("name"), r.string("declared_unit"), r.nullableDouble("per_unit_kgco2e"),
        r.nullableDouble("dq_score"), r.nullableInt("dq_grade"), r.intValue("errors"), r.intValue("warnings"));
    return new Version(r.uuid("study_id"), r.intValue("version"), r.string("format"), r.string("file_name"),
        r.intValue("content_bytes"), r.string("sha256"), s, r.instant("created_at"), r.string("version_by"),
        state(r.string("version_state")));
  }

  private static StudyInfo studyInfo(Handle.Row r) throws SQLException {
    Version current = version(r);
    return new StudyInfo(current.studyId(), r.intValue("current_version"), state(r.string("state")),
        r.instant("study_created_at"), r.string("study_by"), current);
  }

  private static StudyState state(String id) {
    return StudyState.of(id).orElseThrow(() -> new IllegalStateException("unknown study state in the database: " + id));
  }

  private static String truncate(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(max - 2)) ? max - 2 : max - 1;
    return s.substring(0, end) + "…";
  }
}

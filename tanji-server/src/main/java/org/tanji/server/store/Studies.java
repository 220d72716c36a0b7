package org.tanji.server.store;

import static org.tanji.server.store.Accounts.instant;
import static org.tanji.server.store.Accounts.odt;
import static org.tanji.server.store.Accounts.sha256;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Studies and their versions. Every method takes the organization and names it in its query: a
 * study of another organization is not found, exactly as one that does not exist.
 */
public final class Studies {

  private final Database db;
  private final Clock clock;

  public Studies(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** A file as sent, with what it computed to. */
  public record Upload(byte[] content, String format, String fileName, Summary summary) {}

  /** What a version computed to, for lists and dashboards. Figures are null when it has errors. */
  public record Summary(String name, String declaredUnit, Double perUnitKgCO2e, Double dqScore, Integer dqGrade,
      int errors, int warnings) {}

  /** One stored version, without its content. */
  public record Version(UUID studyId, int version, String format, String fileName, int bytes, String sha256,
      Summary summary, Instant createdAt, String createdBy) {}

  /** A study: its current version and who last changed it. */
  public record StudyInfo(UUID id, int currentVersion, String state, Instant createdAt, String createdBy,
      Version current) {}

  /** A version's file. */
  public record Content(byte[] bytes, String format, String fileName) {}

  /** The version a PUT expected is not the current one. */
  public static final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Version current;

    Conflict(Version current) {
      super("version conflict", null, false, false);
      this.current = current;
    }

    public Version current() {
      return current;
    }
  }

  /** Stores a new study as version 1. */
  public Version create(Principal who, Upload upload) {
    UUID id = UUID.randomUUID();
    Instant now = Accounts.now(clock);
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO study (id, org_id, current_version, created_at, created_by, updated_at, updated_by)"
              + " VALUES (?, ?, 1, ?, ?, ?, ?)")) {
        ps.setObject(1, id);
        ps.setLong(2, who.orgId());
        ps.setObject(3, odt(now));
        ps.setLong(4, who.userId());
        ps.setObject(5, odt(now));
        ps.setLong(6, who.userId());
        ps.executeUpdate();
      }
      insertVersion(c, id, 1, upload, who, now);
      return null;
    });
    return version(upload, id, 1, now, who);
  }

  /**
   * Stores a new version of a study, if the current one is the one the editor started from.
   *
   * @return the new version, or empty when the study is not the organization's
   * @throws Conflict when someone stored another version in between
   */
  public Optional<Version> update(Principal who, UUID id, int expected, Upload upload) {
    Instant now = Accounts.now(clock);
    return db.inTransaction(c -> {
      int updated;
      // the version check and the increment are one statement: two editors cannot both pass it
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE study SET current_version = current_version + 1, updated_at = ?, updated_by = ?"
              + " WHERE id = ? AND org_id = ? AND current_version = ?")) {
        ps.setObject(1, odt(now));
        ps.setLong(2, who.userId());
        ps.setObject(3, id);
        ps.setLong(4, who.orgId());
        ps.setInt(5, expected);
        updated = ps.executeUpdate();
      }
      if (updated == 0) {
        Optional<Version> current = currentVersion(c, who.orgId(), id);
        if (current.isEmpty()) {
          return Optional.empty();
        }
        throw new Conflict(current.get());
      }
      insertVersion(c, id, expected + 1, upload, who, now);
      return Optional.of(version(upload, id, expected + 1, now, who));
    });
  }

  /** The organization's studies, most recently changed first. */
  public List<StudyInfo> list(long orgId) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(SELECT_STUDY + " WHERE s.org_id = ? ORDER BY s.updated_at DESC, s.id")) {
        ps.setLong(1, orgId);
        List<StudyInfo> out = new ArrayList<>();
        try (ResultSet r = ps.executeQuery()) {
          while (r.next()) {
            out.add(studyInfo(r));
          }
        }
        return out;
      }
    });
  }

  public Optional<StudyInfo> find(long orgId, UUID id) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(SELECT_STUDY + " WHERE s.org_id = ? AND s.id = ?")) {
        ps.setLong(1, orgId);
        ps.setObject(2, id);
        try (ResultSet r = ps.executeQuery()) {
          return r.next() ? Optional.of(studyInfo(r)) : Optional.empty();
        }
      }
    });
  }

  /** The current version number only: the cheap check before a cached result is served. */
  public OptionalInt currentVersionNumber(long orgId, UUID id) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT current_version FROM study WHERE org_id = ? AND id = ?")) {
        ps.setLong(1, orgId);
        ps.setObject(2, id);
        try (ResultSet r = ps.executeQuery()) {
          return r.next() ? OptionalInt.of(r.getInt(1)) : OptionalInt.empty();
        }
      }
    });
  }

  /** Every version of a study, oldest first; empty when the study is not the organization's. */
  public List<Version> versions(long orgId, UUID id) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(SELECT_VERSION
          + " WHERE s.org_id = ? AND v.study_id = ? ORDER BY v.version")) {
        ps.setLong(1, orgId);
        ps.setObject(2, id);
        List<Version> out = new ArrayList<>();
        try (ResultSet r = ps.executeQuery()) {
          while (r.next()) {
            out.add(version(r));
          }
        }
        return out;
      }
    });
  }

  public Optional<Version> version(long orgId, UUID id, int n) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(SELECT_VERSION
          + " WHERE s.org_id = ? AND v.study_id = ? AND v.version = ?")) {
        ps.setLong(1, orgId);
        ps.setObject(2, id);
        ps.setInt(3, n);
        try (ResultSet r = ps.executeQuery()) {
          return r.next() ? Optional.of(version(r)) : Optional.empty();
        }
      }
    });
  }

  public Optional<Content> content(long orgId, UUID id, int n) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT v.content, v.format, v.file_name FROM study_version v JOIN study s ON s.id = v.study_id"
              + " WHERE s.org_id = ? AND v.study_id = ? AND v.version = ?")) {
        ps.setLong(1, orgId);
        ps.setObject(2, id);
        ps.setInt(3, n);
        try (ResultSet r = ps.executeQuery()) {
          return r.next() ? Optional.of(new Content(r.getBytes(1), r.getString(2), r.getString(3))) : Optional.empty();
        }
      }
    });
  }

  private static final String VERSION_COLUMNS = "v.study_id, v.version, v.format, v.file_name, OCTET_LENGTH(v.content),"
      + " v.sha256, v.name, v.declared_unit, v.per_unit_kgco2e, v.dq_score, v.dq_grade, v.errors, v.warnings,"
      + " v.created_at, vu.username";

  private static final String SELECT_VERSION = "SELECT " + VERSION_COLUMNS
      + " FROM study_version v JOIN study s ON s.id = v.study_id JOIN app_user vu ON vu.id = v.created_by";

  private static final String SELECT_STUDY = "SELECT " + VERSION_COLUMNS
      + ", s.id, s.current_version, s.state, s.created_at, su.username"
      + " FROM study s JOIN study_version v ON v.study_id = s.id AND v.version = s.current_version"
      + " JOIN app_user vu ON vu.id = v.created_by JOIN app_user su ON su.id = s.created_by";

  private static Optional<Version> currentVersion(Connection c, long orgId, UUID id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT_VERSION
        + " WHERE s.org_id = ? AND s.id = ? AND v.version = s.current_version")) {
      ps.setLong(1, orgId);
      ps.setObject(2, id);
      try (ResultSet r = ps.executeQuery()) {
        return r.next() ? Optional.of(version(r)) : Optional.empty();
      }
    }
  }

  private static Version version(ResultSet r) throws SQLException {
    Summary s = new Summary(r.getString(7), r.getString(8), nullableDouble(r, 9), nullableDouble(r, 10),
        nullableInt(r, 11), r.getInt(12), r.getInt(13));
    return new Version(r.getObject(1, UUID.class), r.getInt(2), r.getString(3), r.getString(4), r.getInt(5),
        r.getString(6), s, instant(r, 14), r.getString(15));
  }

  private static StudyInfo studyInfo(ResultSet r) throws SQLException {
    Version current = version(r);
    return new StudyInfo(r.getObject(16, UUID.class), r.getInt(17), r.getString(18), instant(r, 19),
        r.getString(20), current);
  }

  private static Version version(Upload u, UUID id, int n, Instant at, Principal who) {
    return new Version(id, n, u.format(), u.fileName(), u.content().length, sha256(u.content()), u.summary(), at,
        who.username());
  }

  private void insertVersion(Connection c, UUID id, int n, Upload u, Principal who, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO study_version (study_id, version, format, file_name, content, sha256, name, declared_unit,"
            + " per_unit_kgco2e, dq_score, dq_grade, errors, warnings, created_at, created_by)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      Summary s = u.summary();
      ps.setObject(1, id);
      ps.setInt(2, n);
      ps.setString(3, u.format());
      ps.setString(4, truncate(u.fileName(), 255));
      ps.setBytes(5, u.content());
      ps.setString(6, sha256(u.content()));
      ps.setString(7, truncate(s.name(), 1000));
      ps.setString(8, truncate(s.declaredUnit(), 200));
      setDouble(ps, 9, s.perUnitKgCO2e());
      setDouble(ps, 10, s.dqScore());
      if (s.dqGrade() == null) {
        ps.setNull(11, Types.INTEGER);
      } else {
        ps.setInt(11, s.dqGrade());
      }
      ps.setInt(12, s.errors());
      ps.setInt(13, s.warnings());
      ps.setObject(14, odt(now));
      ps.setLong(15, who.userId());
      ps.executeUpdate();
    }
  }

  private static String truncate(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(max - 2)) ? max - 2 : max - 1;
    return s.substring(0, end) + "…";
  }

  private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.DOUBLE);
    } else {
      ps.setDouble(i, v);
    }
  }

  private static Double nullableDouble(ResultSet r, int i) throws SQLException {
    double v = r.getDouble(i);
    return r.wasNull() ? null : v;
  }

  private static Integer nullableInt(ResultSet r, int i) throws SQLException {
    int v = r.getInt(i);
    return r.wasNull() ? null : v;
  }
}

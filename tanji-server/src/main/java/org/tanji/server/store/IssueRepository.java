package org.tanji.server.store;

import org.tanji.server.domain.Issued;
import org.tanji.server.domain.IssuedFile;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issued reports: their numbers, verification codes and stored files. */
public final class IssueRepository {

  /**
   * The next number of an organization's sequence for a year, under a lock on its row: two server
   * processes issuing at once get two numbers.
   */
  public long nextNumber(Handle h, long orgId, int year) {
    // the update first: it takes the row's write lock, so a second issuer waits and then counts on
    if (h.update("UPDATE report_sequence SET next_seq = next_seq + 1 WHERE org_id = ? AND seq_year = ?", orgId,
        year) == 0) {
      // the first of the year; a second process inserting at the same moment fails on the key and retries
      h.update("INSERT INTO report_sequence (org_id, seq_year, next_seq) VALUES (?, ?, 2)", orgId, year);
      return 1;
    }
    return h.one("SELECT next_seq - 1 AS n FROM report_sequence WHERE org_id = ? AND seq_year = ?",
        r -> r.longValue("n"), orgId, year);
  }

  public String pattern(Handle h, long orgId) {
    return h.one("SELECT report_pattern FROM organization WHERE id = ?", r -> r.string("report_pattern"), orgId);
  }

  public void setPattern(Handle h, long orgId, String pattern) {
    h.update("UPDATE organization SET report_pattern = ? WHERE id = ?", pattern, orgId);
  }

  public void insert(Handle h, UUID id, int version, long orgId, String number, String code, Instant at, long userId,
      String calculatorVersion, String libraryVersion) {
    h.update("INSERT INTO issued_report (study_id, version, org_id, number, verification_code, issued_at, issued_by,"
        + " calculator_version, library_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, version, orgId, number, code,
        at, userId, calculatorVersion, libraryVersion);
  }

  public void insertFile(Handle h, UUID id, int version, IssuedFile f) {
    h.update("INSERT INTO issued_file (study_id, version, name, media, content, sha256) VALUES (?, ?, ?, ?, ?, ?)",
        id, version, f.name(), f.media(), f.content(), f.sha256());
  }

  public boolean withdraw(Handle h, UUID id, int version, long userId, String reason, Instant at) {
    return h.update("UPDATE issued_report SET withdrawn_at = ?, withdrawn_by = ?, withdraw_reason = ?"
        + " WHERE study_id = ? AND version = ? AND withdrawn_at IS NULL", at, userId, reason, id, version) == 1;
  }

  public Optional<Issued> find(Handle h, long orgId, UUID id, int version) {
    return h.findOne(SELECT + " WHERE i.org_id = ? AND i.study_id = ? AND i.version = ?", IssueRepository::issued,
        orgId, id, version);
  }

  /** By verification code, across organizations (the public page). */
  public Optional<Issued> byCode(Handle h, String code) {
    return h.findOne(SELECT + " WHERE i.verification_code = ?", IssueRepository::issued, code);
  }

  /** The files of an issued version, without their bytes' content when {@code withContent} is false. */
  public List<IssuedFile> files(Handle h, UUID id, int version, boolean withContent) {
    return h.list("SELECT name, media, " + (withContent ? "content" : "NULL AS content") + ", sha256 FROM issued_file"
        + " WHERE study_id = ? AND version = ? ORDER BY name", r -> new IssuedFile(r.string("name"), r.string("media"),
            r.bytes("content"), r.string("sha256")), id, version);
  }

  public Optional<IssuedFile> file(Handle h, UUID id, int version, String name) {
    return h.findOne("SELECT name, media, content, sha256 FROM issued_file WHERE study_id = ? AND version = ?"
        + " AND name = ?", r -> new IssuedFile(r.string("name"), r.string("media"), r.bytes("content"), r.string("sha256")),
        id, version, name);
  }

  private static final String SELECT = "SELECT i.study_id, i.version, i.org_id, o.name AS org_name, i.number,"
      + " i.verification_code, i.issued_at, iu.username AS issuer, i.calculator_version, i.library_version,"
      + " i.withdrawn_at, wu.username AS withdrawer, i.withdraw_reason FROM issued_report i"
      + " JOIN organization o ON o.id = i.org_id JOIN app_user iu ON iu.id = i.issued_by"
      + " LEFT JOIN app_user wu ON wu.id = i.withdrawn_by";

  private static Issued issued(Handle.Row r) throws SQLException {
    return new Issued(r.uuid("study_id"), r.intValue("version"), r.longValue("org_id"), r.string("org_name"),
        r.string("number"), r.string("verification_code"), r.instant("issued_at"), r.string("issuer"),
        r.string("calculator_version"), r.string("library_version"), r.instant("withdrawn_at"), r.string("withdrawer"),
        r.string("withdraw_reason"));
  }
}

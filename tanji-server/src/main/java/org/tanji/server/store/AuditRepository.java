package org.tanji.server.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tanji.server.domain.AuditRecord;

/**
 * The audit trail: append-only, one chain per organization. Appending locks the organization's
 * head row, so two writers number their records one after the other, never the same.
 */
public final class AuditRepository {

  /** The last number and hash of an organization's chain. */
  public record Head(long seq, String lastHash) {}

  /** Starts an organization's chain (in the transaction that creates the organization). */
  public void start(Handle h, long orgId) {
    h.update("INSERT INTO audit_head (org_id, seq, last_hash) VALUES (?, 0, ?)", orgId, AuditRecord.GENESIS);
  }

  /**
   * Takes the next number of the organization's chain and the hash of the record before it. The
   * update comes first: it locks the head until the transaction ends in both databases alike (a
   * plain write lock, where {@code SELECT … FOR UPDATE} behaves differently in H2 and PostgreSQL).
   *
   * @return the previous head: its number and hash (the new record's number is one more)
   */
  public Head lockHead(Handle h, long orgId) {
    if (h.update("UPDATE audit_head SET seq = seq + 1 WHERE org_id = ?", orgId) != 1) {
      throw new IllegalStateException("organization " + orgId + " has no audit chain");
    }
    return h.one("SELECT seq - 1 AS seq, last_hash FROM audit_head WHERE org_id = ?",
        r -> new Head(r.longValue("seq"), r.string("last_hash")), orgId);
  }

  /** The head as it stands, without locking it (for verifying). */
  public Optional<Head> head(Handle h, long orgId) {
    return h.findOne("SELECT seq, last_hash FROM audit_head WHERE org_id = ?",
        r -> new Head(r.longValue("seq"), r.string("last_hash")), orgId);
  }

  /** Adds a record and moves the head to it. */
  public void append(Handle h, AuditRecord a) {
    h.update("INSERT INTO audit_record (org_id, seq, at, actor, action, study_id, version, detail, hash_before,"
        + " hash_after, prev_hash, record_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        a.orgId(), a.seq(), a.at(), a.actor(), a.action(), Handle.orNull(a.studyId(), java.sql.Types.OTHER),
        Handle.orNull(a.version(), java.sql.Types.INTEGER), a.detail(), a.hashBefore(), a.hashAfter(), a.prevHash(),
        a.recordHash());
    h.update("UPDATE audit_head SET last_hash = ? WHERE org_id = ? AND seq = ?", a.recordHash(), a.orgId(), a.seq());
  }

  /** An organization's records in order, or one study's. */
  public List<AuditRecord> records(Handle h, long orgId, Optional<UUID> study) {
    return study.isEmpty()
        ? h.list(SELECT + " WHERE org_id = ? ORDER BY seq", AuditRepository::record, orgId)
        : h.list(SELECT + " WHERE org_id = ? AND study_id = ? ORDER BY seq", AuditRepository::record, orgId,
            study.get());
  }

  private static final String SELECT = "SELECT org_id, seq, at, actor, action, study_id, version, detail,"
      + " hash_before, hash_after, prev_hash, record_hash FROM audit_record";

  private static AuditRecord record(Handle.Row r) throws SQLException {
    return new AuditRecord(r.longValue("org_id"), r.longValue("seq"), r.instant("at"), r.string("actor"),
        r.string("action"), r.uuid("study_id"), r.nullableInt("version"), r.string("detail"),
        r.string("hash_before"), r.string("hash_after"), r.string("prev_hash"), r.string("record_hash"));
  }
}

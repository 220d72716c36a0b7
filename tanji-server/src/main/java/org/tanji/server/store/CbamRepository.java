package org.tanji.server.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.tanji.server.domain.CbamFile;

/**
 * The CBAM files of study versions. Every query names the organization through the study, so a
 * version of another organization's study has no CBAM file, exactly as one that does not exist.
 */
public final class CbamRepository {

  /** The CBAM file of a version, if it has one. */
  public Optional<CbamFile> find(Handle h, long orgId, UUID id, int version) {
    return h.findOne("SELECT c.file_name, c.content, c.sha256, c.stored_at, u.username FROM study_cbam c"
        + " JOIN study s ON s.id = c.study_id JOIN app_user u ON u.id = c.stored_by"
        + " WHERE s.org_id = ? AND c.study_id = ? AND c.version = ?",
        r -> new CbamFile(r.string("file_name"), r.bytes("content"), r.string("sha256"), r.instant("stored_at"),
            r.string("username")), orgId, id, version);
  }

  /** The SHA-256 of a version's CBAM file, if it has one, without reading the file. */
  public Optional<String> digest(Handle h, long orgId, UUID id, int version) {
    return h.findOne("SELECT c.sha256 FROM study_cbam c JOIN study s ON s.id = c.study_id"
        + " WHERE s.org_id = ? AND c.study_id = ? AND c.version = ?", r -> r.string("sha256"), orgId, id, version);
  }

  /** Stores or replaces the CBAM file of a version the caller has checked is the organization's. */
  public void put(Handle h, UUID id, int version, String fileName, byte[] content, String sha256, long userId,
      Instant now) {
    h.update("DELETE FROM study_cbam WHERE study_id = ? AND version = ?", id, version);
    h.update("INSERT INTO study_cbam (study_id, version, file_name, content, sha256, stored_at, stored_by)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, version, fileName, content, sha256, now, userId);
  }

  /** @return whether the version had a CBAM file */
  public boolean delete(Handle h, UUID id, int version) {
    return h.update("DELETE FROM study_cbam WHERE study_id = ? AND version = ?", id, version) == 1;
  }

  /** Gives a new version the CBAM file of the version it was made from, if that had one. */
  public void carryOver(Handle h, UUID id, int from, int to) {
    h.update("INSERT INTO study_cbam (study_id, version, file_name, content, sha256, stored_at, stored_by)"
        + " SELECT study_id, ?, file_name, content, sha256, stored_at, stored_by FROM study_cbam"
        + " WHERE study_id = ? AND version = ?", to, id, from);
  }
}

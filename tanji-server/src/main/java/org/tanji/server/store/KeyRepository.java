package org.tanji.server.store;

import java.time.Instant;
import java.util.Optional;

/** Organizations' signing keys, as encrypted PKCS#12 bytes. */
public final class KeyRepository {

  public Optional<byte[]> find(Handle h, long orgId) {
    return h.findOne("SELECT pkcs12 FROM org_signing_key WHERE org_id = ?", r -> r.bytes("pkcs12"), orgId);
  }

  /** Stores a key, replacing the organization's previous one. */
  public void put(Handle h, long orgId, byte[] pkcs12, String source, String subject, Instant at) {
    h.update("DELETE FROM org_signing_key WHERE org_id = ?", orgId);
    h.update("INSERT INTO org_signing_key (org_id, pkcs12, source, subject, created_at) VALUES (?, ?, ?, ?, ?)",
        orgId, pkcs12, source, subject, at);
  }
}

package org.tanji.server.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of an organization's audit trail. {@code recordHash} is the SHA-256 of the previous
 * record's hash and this record's fields ({@link #chained}), so that changing or removing an
 * earlier record breaks every hash after it.
 *
 * @param actor the username, or null when nobody was signed in (a failed sign-in names the user tried)
 * @param studyId the study concerned, or null
 * @param version the version concerned, or null
 * @param hashBefore the SHA-256 of what was there before (a study's previous version), or null
 * @param hashAfter the SHA-256 of what is there after (the version stored, the file issued), or null
 */
public record AuditRecord(long orgId, long seq, Instant at, String actor, String action, UUID studyId,
    Integer version, String detail, String hashBefore, String hashAfter, String prevHash, String recordHash) {

  /** The hash of the first record's predecessor. */
  public static final String GENESIS = "0".repeat(64);

  /** The text hashed into {@code recordHash}: every field but the hash itself, one per line. */
  public String chained() {
    return String.join("\n", prevHash, Long.toString(orgId), Long.toString(seq), at.toString(), nz(actor), action,
        studyId == null ? "" : studyId.toString(), version == null ? "" : version.toString(), nz(detail),
        nz(hashBefore), nz(hashAfter));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}

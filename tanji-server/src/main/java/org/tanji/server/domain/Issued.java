package org.tanji.server.domain;

import java.time.Instant;
import java.util.UUID;

/** An issued version: its number, verification code, who issued it when, and whether it was withdrawn. */
public record Issued(UUID studyId, int version, long orgId, String orgName, String number, String code,
    Instant issuedAt, String issuedBy, String calculatorVersion, String libraryVersion, Instant withdrawnAt,
    String withdrawnBy, String withdrawReason) {

  public boolean withdrawn() {
    return withdrawnAt != null;
  }
}

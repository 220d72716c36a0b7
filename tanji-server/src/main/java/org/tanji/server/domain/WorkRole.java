package org.tanji.server.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What a user does in the review workflow, besides administering (a user may hold several; the
 * organization's admins assign them).
 */
public enum WorkRole {
  /** Prepares studies and submits them for review. */
  PREPARER,
  /** Checks a submitted version: its technical review (技术审核). */
  REVIEWER,
  /** Approves a reviewed version and issues it (批准). */
  APPROVER;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<WorkRole> of(String id) {
    for (WorkRole r : values()) {
      if (r.id().equals(id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}

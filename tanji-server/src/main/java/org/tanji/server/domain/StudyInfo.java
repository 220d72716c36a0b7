package org.tanji.server.domain;

import java.time.Instant;
import java.util.UUID;

/** A study: its current version, its state and who created it. */
public record StudyInfo(UUID id, int currentVersion, StudyState state, Instant createdAt, String createdBy,
    Version current) {

  /** The same study as seen by someone who started from another version (for a conflict page). */
  public StudyInfo atVersion(int version) {
    return new StudyInfo(id, version, state, createdAt, createdBy, current);
  }
}

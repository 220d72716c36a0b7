package org.tanji.server.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A review comment on a version, anchored to a key path ({@code inventory[2].amount}; empty for the
 * study as a whole); {@code parentId} is the comment it answers, or null.
 */
public record Comment(long id, UUID studyId, int version, String keyPath, Long parentId, String author, String body,
    Instant createdAt, String resolvedBy, Instant resolvedAt) {

  public boolean open() {
    return resolvedAt == null;
  }
}

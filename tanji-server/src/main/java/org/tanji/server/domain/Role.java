package org.tanji.server.domain;

import java.util.Locale;
import java.util.Optional;

/** What a user may do in their organization. The review workflow will add reviewer and approver. */
public enum Role {
  /** Manages the organization's users, and everything a member does. */
  ADMIN,
  /** Creates, edits and reads the organization's studies. */
  MEMBER;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> of(String id) {
    for (Role r : values()) {
      if (r.id().equals(id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}

package org.tanji.server.domain;

/** Who a request is made by: a user, their role and their organization. */
public record Principal(long userId, String username, Role role, long orgId, String orgName, boolean operator) {

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}

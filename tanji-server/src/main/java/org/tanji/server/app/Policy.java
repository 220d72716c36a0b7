package org.tanji.server.app;

import org.tanji.server.domain.Principal;

/**
 * Who may do what: the one place the application decides it. Services call it before they act;
 * adapters never decide it themselves.
 */
public final class Policy {

  /** The organization whose admins run the installation. */
  public static final String OPERATOR_ORG = "Tanji";

  private Policy() {}

  /**
   * Managing the organization's users.
   *
   * @throws AppException.Forbidden unless the principal is an admin of their organization
   */
  public static void requireAdmin(Principal who) {
    if (!who.isAdmin()) {
      throw new AppException.Forbidden("FORBIDDEN", "forbidden.admin");
    }
  }

  /**
   * Managing organizations.
   *
   * @throws AppException.Forbidden unless the principal is an admin of the operator organization
   */
  public static void requireOperator(Principal who) {
    if (!who.isAdmin() || !who.operator()) {
      throw new AppException.Forbidden("FORBIDDEN", "forbidden.operator", OPERATOR_ORG);
    }
  }
}

package org.tanji.server.store;

import java.sql.SQLException;
import java.util.List;
import org.tanji.core.i18n.Text;

/**
 * The database failed. With a message key when the cause is one the user can act on (cannot
 * open, cannot migrate); otherwise wraps the SQL error, which never reaches a response.
 */
public final class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Text text;

  public StoreException(String key, Object... args) {
    super(key + " " + List.of(args));
    this.text = Text.of(key, args);
  }

  public StoreException(SQLException cause) {
    super(cause.getMessage(), cause);
    this.text = null;
  }

  /** What to tell the operator, or null for an unexpected SQL error. */
  public Text text() {
    return text;
  }

  /** SQLSTATE 23505 (both H2 and PostgreSQL): a unique constraint was violated. */
  public boolean isUniqueViolation() {
    return getCause() instanceof SQLException s && isUniqueViolation(s);
  }

  /** No connection could be had in time: the database is down or overloaded, not a bug. */
  public boolean isUnavailable() {
    return getCause() instanceof java.sql.SQLTransientConnectionException;
  }

  static boolean isUniqueViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}

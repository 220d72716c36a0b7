package org.tanji.server.app;

import org.tanji.server.store.Database;
import org.tanji.server.store.StoreException;

/** Whether the server can do its work: the database answers. */
public final class Health {

  private final Database db;

  public Health(Database db) {
    this.db = db;
  }

  /** The database's name, and whether it answered within two seconds. */
  public record Status(boolean up, String database) {}

  public Status check() {
    boolean up;
    try {
      up = db.inTransaction(h -> h.isValid(2));
    } catch (StoreException e) {
      up = false; // the health answer says so; nothing to log
    }
    return new Status(up, db.product());
  }
}

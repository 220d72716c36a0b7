package org.tanji.server.store;

import java.time.Instant;
import java.util.List;
import org.tanji.server.domain.OrgFactor;

/** Organizations' own factors (suppliers' footprints) and the count of their changes. */
public final class FactorRepository {

  /** Stores a footprint under a factor id, replacing one of that id. */
  public void put(Handle h, long orgId, String id, String footprintId, String companyName, byte[] json, long userId,
      Instant at) {
    h.update("DELETE FROM org_factor WHERE org_id = ? AND id = ?", orgId, id);
    h.update("INSERT INTO org_factor (org_id, id, footprint_id, company_name, footprint, imported_by, imported_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", orgId, id, footprintId,
        // the column lists; the footprint itself keeps the whole name
        companyName.length() > 500 ? companyName.substring(0, 499) + "…" : companyName, json, userId, at);
  }

  /** Removes a factor; false when the organization has none of that id. */
  public boolean delete(Handle h, long orgId, String id) {
    return h.update("DELETE FROM org_factor WHERE org_id = ? AND id = ?", orgId, id) > 0;
  }

  /** The organization's factors, by id. */
  public List<OrgFactor> list(Handle h, long orgId) {
    return h.list("SELECT f.id, f.footprint_id, f.company_name, f.footprint, u.username, f.imported_at"
        + " FROM org_factor f JOIN app_user u ON u.id = f.imported_by WHERE f.org_id = ? ORDER BY f.id",
        r -> new OrgFactor(r.string("id"), r.string("footprint_id"), r.string("company_name"), r.bytes("footprint"),
            r.string("username"), r.instant("imported_at")), orgId);
  }

  /** How often the organization's factors changed: 0 when it has never had any. */
  public long generation(Handle h, long orgId) {
    return h.findOne("SELECT generation FROM org_library WHERE org_id = ?", r -> r.longValue("generation"), orgId)
        .orElse(0L);
  }

  /**
   * Counts a change; in the transaction of the change, so that readers see both or neither. The
   * organization's row is held first, so that two first changes at once do not both insert the
   * counter (one waits, then finds it).
   */
  public void bump(Handle h, long orgId) {
    h.update("UPDATE organization SET id = id WHERE id = ?", orgId);
    if (h.update("UPDATE org_library SET generation = generation + 1 WHERE org_id = ?", orgId) == 0) {
      h.update("INSERT INTO org_library (org_id, generation) VALUES (?, 1)", orgId);
    }
  }
}

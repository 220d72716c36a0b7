package org.tanji.server.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The PACT answers waiting to be delivered (table {@code pact_outbox}). A worker takes a due row by
 * claiming it for a while, so that two server processes on one database never send the same answer
 * at once; a row is deleted once its answer is delivered or given up.
 */
public final class OutboxRepository {

  /**
   * A request whose answer waits.
   *
   * @param request the request as JSON (event id, source, criteria)
   */
  public record Pending(long id, long orgId, long clientPk, UUID answerId, byte[] request, Instant receivedAt,
      int attempts) {}

  /** Adds a request, due at once. */
  public void insert(Handle h, long orgId, long clientPk, UUID answerId, byte[] request, Instant now) {
    h.update("INSERT INTO pact_outbox (org_id, client_pk, answer_id, request, received_at, attempts, next_at)"
        + " VALUES (?, ?, ?, ?, ?, 0, ?)", orgId, clientPk, answerId, request, now, now);
  }

  /** The answers an API client has waiting: not yet tried, or to be tried again. */
  public int waiting(Handle h, long clientPk) {
    return h.one("SELECT COUNT(*) AS n FROM pact_outbox WHERE client_pk = ?", r -> r.intValue("n"), clientPk);
  }

  /** Up to {@code max} rows due by {@code now} that no worker holds, the longest waiting first. */
  public List<Pending> due(Handle h, Instant now, int max) {
    return h.list("SELECT id, org_id, client_pk, answer_id, request, received_at, attempts FROM pact_outbox"
        + " WHERE next_at <= ? AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_at, id"
        + " FETCH FIRST " + max + " ROWS ONLY",
        r -> new Pending(r.longValue("id"), r.longValue("org_id"), r.longValue("client_pk"), r.uuid("answer_id"),
            r.bytes("request"), r.instant("received_at"), r.intValue("attempts")), now, now);
  }

  /**
   * Takes a row until {@code until}, if it is still as it was read (due, after {@code attempts}
   * tries) and no other worker holds it: whether this one got it.
   */
  public boolean claim(Handle h, long id, int attempts, Instant now, Instant until) {
    return h.update("UPDATE pact_outbox SET claimed_until = ? WHERE id = ? AND attempts = ? AND next_at <= ?"
        + " AND (claimed_until IS NULL OR claimed_until < ?)", until, id, attempts, now, now) == 1;
  }

  /** The {@code attempts}-th try failed: the next one at {@code next}, the row released. */
  public void failed(Handle h, long id, int attempts, Instant next, String error) {
    h.update("UPDATE pact_outbox SET attempts = ?, next_at = ?, claimed_until = NULL, last_error = ?"
        + " WHERE id = ? AND attempts = ?", attempts, next, error.length() > 1000 ? error.substring(0, 1000) : error,
        id, attempts - 1);
  }

  public void delete(Handle h, long id) {
    h.update("DELETE FROM pact_outbox WHERE id = ?", id);
  }
}

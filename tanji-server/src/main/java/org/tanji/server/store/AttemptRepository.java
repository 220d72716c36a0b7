package org.tanji.server.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Sign-in attempts, counted in the database so that the limits hold across every server process
 * on one database. A kind ({@code address}, {@code failure}) and a key (a client address, a
 * username) name what is counted.
 */
public final class AttemptRepository {

  public void record(Handle h, String kind, String key, Instant at) {
    h.update("INSERT INTO auth_attempt (kind, attempt_key, at) VALUES (?, ?, ?)", kind, key, at);
  }

  /** How many attempts of a kind and key were made since a time, and the oldest of them. */
  public record Count(long n, Optional<Instant> oldest) {}

  public Count since(Handle h, String kind, String key, Instant since) {
    return h.one("SELECT COUNT(*) AS n, MIN(at) AS oldest FROM auth_attempt WHERE kind = ? AND attempt_key = ? AND at > ?",
        r -> new Count(r.longValue("n"), Optional.ofNullable(r.instant("oldest"))), kind, key, since);
  }

  /** Forgets attempts older than a time: they no longer count toward any limit. */
  public void forgetBefore(Handle h, Instant before) {
    h.update("DELETE FROM auth_attempt WHERE at < ?", before);
  }
}

package org.tanji.server.app;

import java.time.Duration;
import java.time.Instant;
import org.tanji.server.store.AttemptRepository;
import org.tanji.server.store.Handle;

/**
 * The limits on guessing passwords: attempts per client address and minute (any password check:
 * sign-in, and the current password of a password change), and failures per username over 15
 * minutes (one account guessed from many addresses). Counted in the database, so they hold across
 * every server process on it; times come from the injected clock.
 */
final class SignInLimits {

  static final String ADDRESS = "address";
  static final String FAILURE = "failure";
  static final Duration ADDRESS_WINDOW = Duration.ofMinutes(1);
  static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
  static final int FAILURES_PER_USER = 10;

  private final AttemptRepository attempts = new AttemptRepository();
  private final int perAddressPerMinute;

  SignInLimits(int perAddressPerMinute) {
    this.perAddressPerMinute = perAddressPerMinute;
  }

  /**
   * Checks both limits and counts this attempt against the address.
   *
   * @throws AppException.TooManyAttempts when either limit is reached
   */
  void attempt(Handle h, Instant now, String address, String username) {
    check(h, now, ADDRESS, key(address), perAddressPerMinute, ADDRESS_WINDOW);
    check(h, now, FAILURE, key(username), FAILURES_PER_USER, FAILURE_WINDOW);
    attempts.forgetBefore(h, now.minus(FAILURE_WINDOW));
    attempts.record(h, ADDRESS, key(address), now);
  }

  /** Counts a wrong password against the username. */
  void failed(Handle h, Instant now, String username) {
    attempts.record(h, FAILURE, key(username), now);
  }

  private void check(Handle h, Instant now, String kind, String key, int limit, Duration window) {
    AttemptRepository.Count c = attempts.since(h, kind, key, now.minus(window));
    if (c.n() >= limit) {
      Instant oldest = c.oldest().orElse(now);
      long millis = Duration.between(now, oldest.plus(window)).toMillis();
      throw new AppException.TooManyAttempts(Math.max(1, (millis + 999) / 1000));
    }
  }

  private static String key(String s) {
    String k = s == null ? "" : s;
    return k.length() > 300 ? k.substring(0, 300) : k;
  }
}

package org.tanji.server.app;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the application takes from the world: the time, new ids and randomness. Made once by the
 * wiring ({@link #system()}) and replaced in tests, so nothing below reads the system clock or an
 * unseeded generator of its own.
 *
 * @param clock the time, and the zone times are shown in
 * @param ids new study ids
 * @param random secrets: tokens, generated passwords, incident numbers
 */
public record Env(Clock clock, Supplier<UUID> ids, SecureRandom random) {

  /**
   * A new secret of {@code bytes} random bytes as URL-safe Base64 without padding (32 bytes give 43
   * characters): tokens, client secrets, form tokens. Only its SHA-256 is ever stored.
   */
  public String secret(int bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
  }

  /** A new random value of {@code bytes} bytes in lower-case hexadecimal: client ids, verification codes. */
  public String hex(int bytes) {
    return HexFormat.of().formatHex(randomBytes(bytes));
  }

  private byte[] randomBytes(int bytes) {
    byte[] raw = new byte[bytes];
    random.nextBytes(raw);
    return raw;
  }

  /** The time to store: whole microseconds, what both databases keep, so an answer shows what a later read gives. */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

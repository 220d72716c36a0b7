package org.tanji.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

final class EnvTest {

  private static final Env ENV = new Env(Clock.fixed(Instant.parse("2026-11-30T08:00:00.123456789Z"), ZoneOffset.UTC),
      UUID::randomUUID, new SecureRandom());

  @Test
  void secret_urlSafeBase64OfTheBytes() {
    String s = ENV.secret(32);
    assertThat(s).hasSize(43).matches("[A-Za-z0-9_-]+"); // 32 bytes: 256 bits, 6 bits a character, no padding
    assertThat(Base64.getUrlDecoder().decode(s)).hasSize(32);
    assertThat(ENV.secret(32)).isNotEqualTo(s);
  }

  @Test
  void hex_twoDigitsAByte() {
    assertThat(ENV.hex(12)).hasSize(24).matches("[0-9a-f]+");
  }

  @Test
  void now_wholeMicroseconds() {
    assertThat(ENV.now()).isEqualTo(Instant.parse("2026-11-30T08:00:00.123456Z"));
  }
}

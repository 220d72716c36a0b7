package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Sign-in attempts from one address are limited per minute, right password or not. */
class LoginLimitTest {

  @Test
  void attemptsFromOneAddressAreLimitedPerMinute() throws Exception {
    MutableClock clock = new MutableClock();
    ServerConfig config = ServerConfig.builder(Files.createTempDirectory("tanji-limit")).port(0)
        .adminPassword(ApiTests.ADMIN_PASSWORD).clock(clock).loginsPerMinute(3).build();
    try (TanjiServer server = TanjiServer.start(config)) {
      Http http = new Http(server.url());
      String body = "{\"username\":\"admin\",\"password\":\"" + ApiTests.ADMIN_PASSWORD + "\"}";
      for (int i = 0; i < 3; i++) {
        assertThat(http.postJson("/api/login", null, body).status()).isEqualTo(200);
      }
      Http.Resp limited = http.postJson("/api/login", null, body);
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.header("Retry-After")).isEqualTo("60");
      clock.advance(Duration.ofSeconds(61));
      assertThat(http.postJson("/api/login", null, body).status()).isEqualTo(200);
    }
  }
}

package org.tanji.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

final class SealerTest {

  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  @Test
  void seal_opensToTheText_andHidesIt() {
    Sealer s = new Sealer(SECRET, "pact-partner", new SecureRandom());
    byte[] sealed = s.seal("client-secret-äö");
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("client-secret");
    assertThat(s.open(sealed)).isEqualTo("client-secret-äö");
    // a fresh nonce each time: the same text seals differently
    assertThat(s.seal("client-secret-äö")).isNotEqualTo(sealed);
  }

  @Test
  void open_otherSecretOrPurpose_refused() {
    byte[] sealed = new Sealer(SECRET, "pact-partner", new SecureRandom()).seal("x");
    byte[] other = SECRET.clone();
    other[0] ^= 1;
    assertThatThrownBy(() -> new Sealer(other, "pact-partner", new SecureRandom()).open(sealed))
        .hasMessageContaining("TANJI_KEY_SECRET");
    assertThatThrownBy(() -> new Sealer(SECRET, "other", new SecureRandom()).open(sealed))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void open_alteredBytes_refused() {
    Sealer s = new Sealer(SECRET, "pact-partner", new SecureRandom());
    byte[] sealed = s.seal("secret");
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> s.open(sealed)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> s.open(Arrays.copyOf(sealed, 5))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void new_shortSecret_refused() {
    assertThatThrownBy(() -> new Sealer(new byte[31], "x", new SecureRandom()))
        .hasMessageContaining("32 bytes");
  }
}

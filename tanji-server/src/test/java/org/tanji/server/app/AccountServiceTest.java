package org.tanji.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.password4j.Password;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The first admin, prepared before the database is open (the rest is in ServicesTest and the API tests). */
final class AccountServiceTest {

  @Test
  void firstAdmin_givenPassword_isHashedAndNotShown() {
    AccountService.FirstAdmin admin = AccountService.FirstAdmin.of("given-password-1", new SecureRandom());
    assertThat(admin.generated()).isFalse();
    assertThat(admin.password()).isEqualTo("given-password-1");
    assertThat(Password.check("given-password-1", admin.hash()).withArgon2()).isTrue();
    assertThat(Password.check("another-password", admin.hash()).withArgon2()).isFalse();
    assertThat(admin.toString()).doesNotContain("given-password-1");
  }

  @Test
  void firstAdmin_noPassword_generatesTwentyCharacters() {
    AccountService.FirstAdmin admin = AccountService.FirstAdmin.of(null, new SecureRandom());
    assertThat(admin.generated()).isTrue();
    assertThat(admin.password()).hasSize(20).matches("[A-HJ-NP-Za-km-z2-9]+");
    assertThat(Password.check(admin.password(), admin.hash()).withArgon2()).isTrue();
    assertThat(admin.toString()).doesNotContain(admin.password());
  }

  @Test
  void firstAdmin_withoutHash_refused() {
    assertThatThrownBy(() -> new AccountService.FirstAdmin("a-password-1", false, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

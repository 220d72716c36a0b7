package org.tanji.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.password4j.Argon2Function;
import com.password4j.Password;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The first admin, prepared before the database is open (the rest is in ServicesTest and the API tests). */
final class AccountServiceTest {

  @Test
  void firstAdmin_givenPassword_isHashedAndNotShown() {
    AccountService.FirstAdmin admin = AccountService.FirstAdmin.of("given-password-1", new SecureRandom());
    assertThat(admin.generated()).isFalse();
    assertThat(admin.password()).isEqualTo("given-password-1");
    assertThat(matches("given-password-1", admin.hash())).isTrue();
    assertThat(matches("another-password", admin.hash())).isFalse();
    assertThat(admin.toString()).doesNotContain("given-password-1");
  }

  @Test
  void firstAdmin_noPassword_generatesTwentyCharacters() {
    AccountService.FirstAdmin admin = AccountService.FirstAdmin.of(null, new SecureRandom());
    assertThat(admin.generated()).isTrue();
    assertThat(admin.password()).hasSize(20).matches("[A-HJ-NP-Za-km-z2-9]+");
    assertThat(matches(admin.password(), admin.hash())).isTrue();
    assertThat(admin.toString()).doesNotContain(admin.password());
  }

  @ParameterizedTest
  @CsvSource(value = {"NULL, hash", "'', hash", "a-password-1, NULL", "a-password-1, ''"}, nullValues = "NULL")
  void firstAdmin_withoutPasswordOrHash_refused(String password, String hash) {
    assertThatThrownBy(() -> new AccountService.FirstAdmin(password, false, hash))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Checked the way a sign-in checks, with the parameters the hash itself names. */
  private static boolean matches(String password, String hash) {
    return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
  }
}

package org.tanji.io.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

final class PactIssueTest {

  @Test
  void nameUuid_isRfc9562Version5() {
    // RFC 9562 appendix A.4: "www.example.com" in the DNS namespace
    UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    assertThat(PactIssue.nameUuid(dns, "www.example.com"))
        .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
  }

  @Test
  void idOf_isStablePerVersion() {
    assertThat(PactIssue.idOf("org:1", "s", 2)).isNotEqualTo(PactIssue.idOf("org:1", "s", 3));
    assertThat(PactIssue.idOf("org:1", "s", 2)).isNotEqualTo(PactIssue.idOf("org:2", "s", 2));
    assertThat(PactIssue.idOf("org:1", "s", 2).version()).isEqualTo(5);
  }

  @Test
  void construct_footprintPrecedingItself() {
    UUID id = PactIssue.idOf("o", "s", 1);
    assertThatThrownBy(() -> new PactIssue(id, Instant.EPOCH, PactIssue.Status.Active, List.of(id), Optional.empty()))
        .hasMessageContaining("cannot precede itself");
  }
}

package org.tanji.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tanji.server.domain.IssuedFootprint;

/** What the host reads of a footprint and how it serves one (the rest, over HTTPS, in PactHostTest). */
final class PactHostServiceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s.replace('\'', '"'));
  }

  @Test
  void validity_ownPeriod_used() throws Exception {
    var v = PactHostService.validity(json("{'validityPeriodStart':'2025-03-01T00:00:00Z',"
        + "'validityPeriodEnd':'2026-03-01T00:00:00+08:00','pcf':{'referencePeriodEnd':'2025-01-01T00:00:00Z'}}"));
    assertThat(v.from()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
    assertThat(v.until()).isEqualTo(Instant.parse("2026-02-28T16:00:00Z"));
  }

  @Test
  void validity_none_threeYearsFromReferencePeriodEnd() throws Exception {
    var v = PactHostService.validity(json("{'pcf':{'referencePeriodEnd':'2024-02-29T00:00:00Z'}}"));
    assertThat(v.from()).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
    assertThat(v.until()).isEqualTo(Instant.parse("2027-02-28T00:00:00Z")); // no 29 February in 2027
  }

  @Test
  void validity_startOnly_endThreeYearsFromReferencePeriodEnd() throws Exception {
    // as the import reads a supplier's footprint: the given start is kept, the missing end defaulted
    var v = PactHostService.validity(json("{'validityPeriodStart':'2025-03-01T00:00:00Z',"
        + "'pcf':{'referencePeriodEnd':'2024-02-29T00:00:00Z'}}"));
    assertThat(v.from()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
    assertThat(v.until()).isEqualTo(Instant.parse("2027-02-28T00:00:00Z"));
  }

  @Test
  void validity_noReferencePeriodEnd_refused() {
    assertThatThrownBy(() -> PactHostService.validity(json("{'pcf':{}}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("referencePeriodEnd");
  }

  private static IssuedFootprint footprint(String status, Optional<String> comment, String body) {
    return new IssuedFootprint(1, UUID.fromString("079e425a-464f-528d-341d-4a944a1dfd70"), 1, UUID.randomUUID(), 1,
        status, comment, Instant.EPOCH, Instant.EPOCH, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void served_active_bytesAsIssued() {
    IssuedFootprint f = footprint("Active", Optional.empty(), "{\"id\":\"x\",  \"status\":\"Active\"}");
    assertThat(PactHostService.served(f)).isSameAs(f.json());
  }

  @Test
  void served_deprecated_statusAndCommentSet() throws Exception {
    JsonNode served = JSON.readTree(PactHostService.served(footprint("Deprecated",
        Optional.of("superseded by version 2"), "{\"id\":\"x\",\"status\":\"Active\",\"pcf\":{}}")));
    assertThat(served.get("status").asText()).isEqualTo("Deprecated");
    assertThat(served.get("statusComment").asText()).isEqualTo("superseded by version 2");
    assertThat(served.get("pcf")).isNotNull();
  }

  @Test
  void listBody_emptyAndTwo() throws Exception {
    assertThat(new String(PactHostService.listBody(new PactHostService.Page(List.of(), OptionalLong.empty())),
        StandardCharsets.UTF_8)).isEqualTo("{\"data\":[]}");
    IssuedFootprint a = footprint("Active", Optional.empty(), "{\"id\":\"a\"}");
    IssuedFootprint b = footprint("Active", Optional.empty(), "{\"id\":\"b\"}");
    assertThat(new String(PactHostService.listBody(new PactHostService.Page(List.of(a, b), OptionalLong.of(2))),
        StandardCharsets.UTF_8)).isEqualTo("{\"data\":[{\"id\":\"a\"},{\"id\":\"b\"}]}");
  }
}

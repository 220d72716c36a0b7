package org.tanji.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tanji.server.domain.ApiClient;
import org.tanji.server.domain.FootprintQuery;
import org.tanji.server.store.Database;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class PactEventsTest {

  private Database db;
  private PactEvents events;

  @BeforeAll
  void open() throws Exception {
    db = Database.open(Database.h2Url(Files.createTempDirectory("tanji-events")), null, null, 2);
    Env env = new Env(Clock.systemUTC(), UUID::randomUUID, new SecureRandom());
    events = new PactEvents(db, new PactHostService(db, env, 30), null, env, 10, Duration.ofSeconds(2),
        new PrintStream(PrintStream.nullOutputStream()), new PartnerHttp());
  }

  @AfterAll
  void close() {
    events.close();
    db.close();
  }

  @Test
  void wait_doublesFromTheFirst_spreadByHalf_atMostAnHour() {
    for (int i = 0; i < 200; i++) {
      assertThat(events.wait(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3)); // 2 s × ½ … 1½
      assertThat(events.wait(4)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(24)); // 16 s
      assertThat(events.wait(40)).isBetween(Duration.ofMinutes(30), Duration.ofMinutes(60)); // at most 1 h
    }
  }

  @Test
  void storedRequest_readsBackToTheSameCriteria() {
    FootprintQuery q = new FootprintQuery(Set.of("urn:pact:a", "urn:pact:b"), Set.of("urn:pact:c"), Set.of("CN-JS"),
        Set.of(), Optional.of(Instant.parse("2026-01-05T10:00:00Z")), Optional.empty(),
        Optional.of(Instant.parse("2027-01-01T00:00:00Z")), Optional.of("Active"), 0, PactEvents.MAX_FOOTPRINTS);
    ApiClient client = new ApiClient(1, 1, "tj-1", "buyer", Optional.of(2L), Instant.EPOCH, Optional.empty());
    var json = PactEvents.requestJson(new PactEvents.Request(client, "req-7", q, "//tanji.example/3/events"));
    assertThat(json.get("eventId").asText()).isEqualTo("req-7");
    assertThat(json.get("source").asText()).isEqualTo("//tanji.example/3/events");
    assertThat(PactEvents.criteria(json.get("criteria"))).isEqualTo(q);
  }
  @Test
  void event_noneMatched_rejectedEventOfTheSpecsTypeFromTheOnePlaceItIsNamed() {
    FootprintQuery q = new FootprintQuery(Set.of("urn:pact:none"), Set.of(), Set.of(), Set.of(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), 0, PactEvents.MAX_FOOTPRINTS);
    ApiClient client = new ApiClient(1, 1, "tj-1", "buyer", Optional.of(2L), Instant.EPOCH, Optional.empty());
    var e = events.event(new PactEvents.Request(client, "req-8", q, "//tanji.example/3/events"), new UUID(0, 9),
        new PactHostService.Page(java.util.List.of(), java.util.OptionalLong.empty()));
    // PACT 3.0's name of the event (its OpenAPI, RequestRejectedEvent), the one the host reads too
    assertThat(e.get("type").asText()).isEqualTo("org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3")
        .isEqualTo(PactEvents.REQUEST_REJECTED);
    assertThat(e.at("/data/requestEventId").asText()).isEqualTo("req-8");
    assertThat(e.at("/data/error/code").asText()).isEqualTo("NotFound");
  }
}


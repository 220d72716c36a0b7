package org.tanji.server.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.tanji.io.pact.PactValidity;
import org.tanji.server.domain.ApiClient;
import org.tanji.server.domain.FootprintQuery;
import org.tanji.server.domain.IssuedFootprint;
import org.tanji.server.domain.Token;
import org.tanji.server.store.Database;
import org.tanji.server.store.PactRepository;

/**
 * The organization's side of PACT as a data owner: bearer tokens for its API clients (the OAuth2
 * client-credentials grant), the footprints it issued, frozen as the ProductFootprint JSON of the
 * moment of issue and listed with the spec's filters, and the answers to partners' requests
 * ({@link PactEvents}). A client sees its own organization's footprints and nothing else.
 */
public final class PactHostService {

  /** A token's lifetime: short, as OAuth2 access tokens are; a client asks again with its credentials. */
  public static final Duration TOKEN_TTL = Duration.ofHours(1);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database db;
  private final Env env;
  private final PactRepository repo = new PactRepository();

  private final SignInLimits limits;

  /** @param attemptsPerAddressPerMinute sign-ins at /auth/token a client address may try a minute, as for users */
  public PactHostService(Database db, Env env, int attemptsPerAddressPerMinute) {
    this.db = db;
    this.env = env;
    this.limits = new SignInLimits(attemptsPerAddressPerMinute);
  }

  // ---- tokens

  /**
   * A bearer token for a client's credentials, under the limits a user's sign-in has: attempts per
   * client address and minute, and failures per client id over 15 minutes.
   *
   * @param address the caller's address
   * @throws AppException.Unauthenticated when no client that is not revoked has this id and secret
   * @throws AppException.TooManyAttempts when over a limit
   */
  public Token grant(String address, String clientId, String secret) {
    if (clientId == null || secret == null || clientId.length() > 64 || secret.length() > 200) {
      throw invalidClient();
    }
    // the attempts table also counts users' names, which cannot hold a colon
    String counted = "pact-client:" + clientId;
    db.inTransaction(h -> {
      // counted apart from users' sign-ins from the same address (a partner's and a person's budget)
      limits.attempt(h, env.now(), "pact-token:" + address, counted);
      return null;
    });
    Optional<ApiClient> found = db.inTransaction(h -> repo.clientByCredentials(h, clientId, Hashes.sha256(secret)));
    if (found.isEmpty()) {
      db.inTransaction(h -> {
        limits.failed(h, env.now(), counted);
        return null;
      });
      throw invalidClient();
    }
    ApiClient client = found.get();
    String token = env.secret(32);
    Instant now = env.now();
    Instant expires = now.plus(TOKEN_TTL);
    db.inTransaction(h -> {
      repo.deleteExpiredTokens(h, now);
      repo.insertToken(h, Hashes.sha256(token), client.id(), expires);
      return null;
    });
    return new Token(token, expires);
  }

  /**
   * The client a bearer token was granted to.
   *
   * @throws AppException.Unauthenticated {@code TOKEN_EXPIRED} when it has expired, {@code INVALID_TOKEN}
   *     when it is unknown, was never one of ours, or its client was revoked
   */
  public ApiClient authenticate(String token) {
    if (token == null || token.isEmpty() || token.length() > 200) {
      throw new AppException.Unauthenticated("INVALID_TOKEN", "pact.token");
    }
    Map.Entry<ApiClient, Instant> found = db.inTransaction(h -> repo.token(h, Hashes.sha256(token)))
        .orElseThrow(() -> new AppException.Unauthenticated("INVALID_TOKEN", "pact.token"));
    if (!found.getValue().isAfter(env.now())) {
      throw new AppException.Unauthenticated("TOKEN_EXPIRED", "pact.tokenExpired");
    }
    return found.getKey();
  }

  private static AppException.Unauthenticated invalidClient() {
    return new AppException.Unauthenticated("INVALID_CLIENT", "pact.client");
  }

  // ---- footprints

  /**
   * A page of the footprints the client's organization issued that match the query.
   *
   * @param next the cursor of the next page, when there is one
   */
  public record Page(List<IssuedFootprint> footprints, OptionalLong next) {}

  /** A page of the footprints the client may read that match the query. */
  public Page list(ApiClient client, FootprintQuery q) {
    List<IssuedFootprint> rows = db.inTransaction(h -> repo.footprints(h, client.orgId(), q, restriction(h, client)));
    if (rows.size() > q.limit()) {
      List<IssuedFootprint> page = rows.subList(0, q.limit());
      return new Page(List.copyOf(page), OptionalLong.of(page.get(page.size() - 1).seq()));
    }
    return new Page(rows, OptionalLong.empty());
  }

  /**
   * One footprint of the client's organization.
   *
   * @throws AppException.NotFound when it has none of this id that the client may read (another
   *     organization's, or one its partner is not shared, is not found either)
   */
  public IssuedFootprint footprint(ApiClient client, UUID id) {
    return db.inTransaction(h -> repo.footprint(h, client.orgId(), id, restriction(h, client)))
        .orElseThrow(() -> new AppException.NotFound("NOT_FOUND", "pact.noFootprint", id.toString()));
  }

  /**
   * The partner whose sharing limits what a client reads, when it shares only some studies; empty
   * when the client reads every issued footprint (its partner shares all, or it has none).
   */
  private Optional<Long> restriction(org.tanji.server.store.Handle h, ApiClient client) {
    return client.partnerId().filter(p -> repo.shared(h, client.orgId(), p).isPresent());
  }

  /**
   * A footprint's JSON as served now: the bytes frozen at issue, with the status it has since
   * (Deprecated once a later version is issued or the report withdrawn) and why.
   */
  public static byte[] served(IssuedFootprint f) {
    if (f.status().equals("Active")) {
      return f.json();
    }
    try {
      ObjectNode node = (ObjectNode) JSON.readTree(f.json());
      node.put("status", f.status());
      f.statusComment().ifPresent(c -> node.put("statusComment", c));
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException("a stored footprint is JSON: it was written by Tanji", e);
    }
  }

  /** The answer to GetFootprint, {@code {"data": <the footprint as served>}}, written as {@link #listBody} is. */
  public static byte[] oneBody(IssuedFootprint f) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("{\"data\":".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(served(f));
    out.writeBytes("}\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** The {@code {"data": [...]}} answer of a page, its footprints as served. */
  public static byte[] listBody(Page page) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("{\"data\":[".getBytes(StandardCharsets.UTF_8));
    boolean first = true;
    for (IssuedFootprint f : page.footprints()) {
      if (!first) {
        out.write(',');
      }
      out.writeBytes(served(f));
      first = false;
    }
    out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /**
   * Keeps the ProductFootprint of an issued version, as it is served from now on, and deprecates the
   * footprints of the study's earlier versions. Runs in the issuing transaction (it joins it).
   *
   * @throws IllegalArgumentException when the JSON lacks what a ProductFootprint always has (a bug of the mapping)
   */
  public void freeze(long orgId, UUID studyId, int version, UUID id, JsonNode footprint) {
    PactValidity v = validity(footprint);
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(footprint);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PactRepository.Keys keys = new PactRepository.Keys(texts(footprint.path("productIds")),
        texts(footprint.path("companyIds")), geographies(footprint.path("pcf")),
        texts(footprint.path("productClassifications")));
    db.inTransaction(h -> {
      repo.deprecate(h, orgId, studyId, version, true, "superseded by version " + version);
      repo.insertFootprint(h, id, orgId, studyId, version, v.from(), v.until(), bytes, keys);
      return null;
    });
  }

  /** Marks an issued version's footprint deprecated (its report was withdrawn). */
  public void withdraw(long orgId, UUID studyId, int version, String reason) {
    db.inTransaction(h -> repo.deprecate(h, orgId, studyId, version, false, "withdrawn: " + reason));
  }

  /** An issued version's footprint as frozen at issue, if it has one. */
  public Optional<IssuedFootprint> frozen(long orgId, UUID studyId, int version) {
    return db.inTransaction(h -> repo.footprintOf(h, orgId, studyId, version));
  }

  /** The id of an issued version's footprint, if it has one. */
  public Optional<UUID> footprintOf(long orgId, UUID studyId, int version) {
    return frozen(orgId, studyId, version).map(IssuedFootprint::id);
  }

  /**
   * The validity period the filters use, read as the import reads a supplier's (PactValidity): each
   * bound the footprint gives, the specification's default for the one it leaves out.
   */
  static PactValidity validity(JsonNode f) {
    Instant refEnd = instant(f.path("pcf").path("referencePeriodEnd")).orElseThrow(() ->
        new IllegalArgumentException("a ProductFootprint has pcf.referencePeriodEnd"));
    return PactValidity.of(instant(f.path("validityPeriodStart")), instant(f.path("validityPeriodEnd")), refEnd);
  }

  private static Optional<Instant> instant(JsonNode n) {
    if (!n.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(java.time.OffsetDateTime.parse(n.asText()).toInstant());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a date-time: " + n.asText(), e);
    }
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> out = new LinkedHashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /**
   * The geographies a footprint is found by: its own, and for a country subdivision (ISO 3166-2,
   * {@code CN-SD}) also its country, since the spec's filter returns the footprints "within" a geography.
   */
  private static Set<String> geographies(JsonNode pcf) {
    Set<String> out = new LinkedHashSet<>();
    for (String field : List.of("geographyCountry", "geographyRegionOrSubregion", "geographyCountrySubdivision")) {
      if (pcf.path(field).isTextual()) {
        out.add(pcf.path(field).asText());
      }
    }
    JsonNode sub = pcf.path("geographyCountrySubdivision");
    if (sub.isTextual() && sub.asText().indexOf('-') == 2) {
      out.add(sub.asText().substring(0, 2));
    }
    return out;
  }
}

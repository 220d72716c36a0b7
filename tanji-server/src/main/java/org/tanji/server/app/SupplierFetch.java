package org.tanji.server.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import org.tanji.io.pact.PactImport;
import org.tanji.server.domain.Principal;

/**
 * Reads footprints from a supplier's PACT host with the credentials the organization stored for
 * that partner (OAuth2 client credentials: {@code POST /auth/token} with HTTP Basic, then {@code GET
 * /3/footprints/{id}} or {@code /3/footprints}), and imports them as a file would be.
 */
public final class SupplierFetch {

  /** Footprints read in one fetch at most: as many as one import takes. */
  public static final int MAX_LIMIT = PactImport.MAX_FOOTPRINTS;
  /** Footprints asked for in one page. */
  static final int PAGE = 100;
  private static final java.util.regex.Pattern NEXT =
      java.util.regex.Pattern.compile("<([^>]*)>\\s*;[^,]*\\brel=\"?next\"?", java.util.regex.Pattern.CASE_INSENSITIVE);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** The wait for a host's OpenID configuration, which most PACT hosts do not have. */
  private static final Duration CONFIG_TIMEOUT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PartnerService partners;
  private final FactorService factors;
  private final Supplier<HttpClient> http;

  /** @param http the client for partners' hosts, asked for only when a fetch calls one */
  public SupplierFetch(PartnerService partners, FactorService factors, Supplier<HttpClient> http) {
    this.partners = partners;
    this.factors = factors;
    this.http = http;
  }

  /**
   * What to read: one footprint by its id, or the list the host gives (filtered by a product id
   * when one is given), at most {@code limit}.
   */
  public record Query(Optional<String> footprintId, Optional<String> productId, long limit) {
    public Query {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new AppException.Invalid("BAD_LIMIT", "fetch.limit", Long.toString(limit), Integer.toString(MAX_LIMIT));
      }
      footprintId.ifPresent(id -> {
        if (!id.matches("[0-9a-fA-F-]{36}")) {
          throw new AppException.Invalid("BAD_FOOTPRINT_ID", "fetch.footprintId", id);
        }
      });
    }
  }

  /**
   * Fetches and imports.
   *
   * @throws AppException.NotFound when the organization has no such partner, or it has no supplier host
   * @throws AppException.PartnerFailed when the host cannot be reached or refuses (its status and answer are said)
   * @throws AppException.InvalidStudy when what the host sent is not a valid footprint
   */
  public FactorService.Imported fetch(Principal who, long partnerId, Query q) {
    PartnerService.SupplierCredentials c = partners.supplierCredentials(who, partnerId)
        .orElseThrow(() -> new AppException.NotFound("NOT_FOUND", "fetch.noHost", Long.toString(partnerId)));
    String base = base(c);
    HttpClient http = this.http.get();
    String token = token(http, c);
    if (q.footprintId().isPresent()) {
      return factors.importPact(who, send(http, get(URI.create(base + "/3/footprints/" + q.footprintId().get()), token),
          base).body());
    }
    URI next = URI.create(base + "/3/footprints?limit=" + Math.min(q.limit(), PAGE)
        + q.productId().map(p -> "&productId=" + URLEncoder.encode(p, StandardCharsets.UTF_8)).orElse(""));
    // the host's pages, followed by their Link rel="next" on the same host, until the limit
    ArrayNode all = JSON.createArrayNode();
    long bytes = 0;
    while (next != null && all.size() < q.limit() && bytes <= PactImport.MAX_BYTES) {
      Answer page = send(http, get(next, token), base);
      bytes += page.body().length;
      JsonNode data = data(page.body());
      if (data == null) {
        if (all.isEmpty()) {
          return factors.importPact(who, page.body()); // not a list: the import says what it is
        }
        throw new AppException.PartnerFailed("PARTNER_HOST_FAILED", "fetch.badPage", next.toString());
      }
      if (data.isEmpty()) {
        break; // a page with nothing on it ends the list, whatever its link says
      }
      for (JsonNode f : data) {
        if (all.size() < q.limit()) {
          all.add(f);
        }
      }
      next = page.next().map(link -> sameHost(base, next(link, base))).orElse(null);
    }
    try {
      return factors.importPact(who, JSON.writeValueAsBytes(JSON.createObjectNode().set("data", all)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static HttpRequest get(URI uri, String token) {
    return HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
  }

  /** The footprints of a page ({@code {"data": [...]}}), or null when it is not one. */
  private static JsonNode data(byte[] body) {
    try {
      JsonNode n = JSON.readTree(body);
      return n != null && n.path("data").isArray() ? n.get("data") : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static URI next(String link, String base) {
    try {
      return URI.create(base + "/").resolve(link.strip());
    } catch (IllegalArgumentException e) {
      throw new AppException.PartnerFailed("PARTNER_HOST_FAILED", "fetch.badPage", link);
    }
  }

  /** A next page on the host itself: the token goes nowhere else. */
  private static URI sameHost(String base, URI next) {
    URI b = URI.create(base);
    if (!b.getScheme().equalsIgnoreCase(String.valueOf(next.getScheme()))
        || !b.getHost().equalsIgnoreCase(String.valueOf(next.getHost())) || b.getPort() != next.getPort()) {
      throw new AppException.PartnerFailed("PARTNER_HOST_FAILED", "fetch.foreignLink", base, next.toString());
    }
    return next;
  }

  /** A 200 answer's body, and the next page its Link header names. */
  private record Answer(byte[] body, Optional<String> next) {}

  private static String base(PartnerService.SupplierCredentials c) {
    return c.baseUrl().toString().replaceAll("/+$", "");
  }

  /**
   * A token at the partner's PACT host with the stored client credentials (the fetch's, and the
   * event answers' of {@link PactEvents}).
   *
   * @throws AppException.PartnerFailed when the host cannot be reached or gives no token
   */
  static String token(HttpClient http, PartnerService.SupplierCredentials c) {
    String base = base(c);
    // RFC 6749 2.3.1: id and secret form-encoded, then joined for Basic
    String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(c.clientId(), StandardCharsets.UTF_8) + ":"
        + URLEncoder.encode(c.secret(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    URI endpoint = tokenEndpoint(http, base);
    HttpRequest post = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
    byte[] body = send(http, post, base).body();
    try {
      JsonNode answer = JSON.readTree(body);
      JsonNode token = answer == null ? null : answer.get("access_token");
      if (token == null || !token.isTextual() || token.asText().isBlank()) {
        throw new AppException.PartnerFailed("PARTNER_HOST_FAILED", "fetch.noToken", endpoint.toString());
      }
      return token.asText();
    } catch (IOException e) {
      throw new AppException.PartnerFailed("PARTNER_HOST_FAILED", "fetch.noToken", endpoint.toString());
    }
  }

  /**
   * Where the host gives tokens: the {@code token_endpoint} its OpenID configuration names ({@code
   * {host}/.well-known/openid-configuration}, where PACT's conformance tool looks as well), else PACT's
   * own {@code {host}/auth/token} when it has none (no such document, or one without the field). A
   * named endpoint gets the credentials, which go only to the server they were entered for: it must
   * be on the host's own scheme, name and port (so a document cannot send them elsewhere, nor to a
   * service on this machine); anything else is refused, not passed over. The document is asked for
   * with a short wait of its own, so that a token costs an event answer little more than before.
   *
   * @throws AppException.PartnerFailed when the named endpoint is on another server
   */
  static URI tokenEndpoint(HttpClient http, String base) {
    HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration")).timeout(CONFIG_TIMEOUT)
        .header("Accept", "application/json").GET().build();
    JsonNode named = null;
    try {
      HttpResponse<InputStream> r = http.send(get, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        if (r.statusCode() == 200) {
          JsonNode config = JSON.readTree(in.readNBytes(64 * 1024));
          named = config == null ? null : config.get("token_endpoint");
        }
      }
    } catch (IOException e) {
      // no configuration to read (unreachable, or not JSON): PACT's own path, whose answer says more
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AppException.PartnerFailed("PARTNER_HOST_UNREACHABLE", "fetch.unreachable", base, "interrupted");
    }
    if (named == null || !named.isTextual()) {
      return URI.create(base + "/auth/token");
    }
    try {
      URI u = new URI(named.asText().strip());
      if (PartnerService.secure(u) && PartnerService.sameOrigin(u, URI.create(base))) {
        return u;
      }
    } catch (java.net.URISyntaxException e) {
      // refused below, as any address that is not one
    }
    throw new AppException.PartnerFailed("PARTNER_HOST_FAILED", "fetch.badTokenEndpoint", base, named.asText());
  }

  /** A 200 answer: its body, at most one byte over what the import reads (it then says the file is too large). */
  private static Answer send(HttpClient http, HttpRequest request, String base) {
    HttpResponse<InputStream> r;
    try {
      r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new AppException.PartnerFailed("PARTNER_HOST_UNREACHABLE", "fetch.unreachable", base, String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AppException.PartnerFailed("PARTNER_HOST_UNREACHABLE", "fetch.unreachable", base, "interrupted");
    }
    try (InputStream in = r.body()) {
      if (r.statusCode() != 200) {
        // the start of the host's answer says why it refused; only that much is read, and shown as plain text
        String said = new String(in.readNBytes(300), StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}+", " ").strip();
        URI asked = request.uri();
        throw new AppException.PartnerFailed("PARTNER_HOST_FAILED", "fetch.refused",
            asked.getScheme() + "://" + asked.getRawAuthority() + asked.getRawPath(),
            Integer.toString(r.statusCode()), said);
      }
      Optional<String> next = r.headers().allValues("Link").stream().map(NEXT::matcher)
          .filter(java.util.regex.Matcher::find).map(m -> m.group(1)).findFirst();
      return new Answer(in.readNBytes(PactImport.MAX_BYTES + 1), next);
    } catch (IOException e) {
      throw new AppException.PartnerFailed("PARTNER_HOST_UNREACHABLE", "fetch.unreachable", base, String.valueOf(e.getMessage()));
    }
  }
}

package org.tanji.server.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.UUID;
import org.tanji.core.i18n.Messages;
import org.tanji.server.domain.ApiClient;
import org.tanji.server.domain.FootprintQuery;
import org.tanji.server.domain.IssuedFootprint;
import org.tanji.server.domain.Partner;
import org.tanji.server.store.Database;
import org.tanji.server.store.OutboxRepository;

/**
 * Answers partners' footprint requests (PACT's RequestCreatedEvent) after the request itself was
 * answered. An accepted request is kept in the database (the outbox, {@link OutboxRepository}) until
 * its answer is delivered: a worker finds the footprints that match its criteria and sends a
 * RequestFulfilledEvent with them, or a RequestRejectedEvent when none match, to the event endpoint
 * of the partner the client belongs to; when the partner also runs a PACT host whose credentials are
 * stored, it signs in there first and sends the event with that token. A delivery that fails is tried
 * again after a randomized, doubling wait (as the specification asks of a client) for three days, so
 * neither a restart nor a partner's outage loses an answer. Each API client may have a bounded
 * number of answers waiting: a flood of requests is refused, not stored, and one partner that is
 * down holds up no other.
 */
public final class PactEvents implements AutoCloseable {

  // the PACT v3 event types as CloudEvents' "type" spells them: written here, read by the host (PactHost)
  /** A partner asks for footprints. */
  public static final String REQUEST_CREATED = "org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3";
  /** The answer to a request, with the footprints found. */
  public static final String REQUEST_FULFILLED = "org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3";
  /** The answer to a request none matched. */
  public static final String REQUEST_REJECTED = "org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3";
  /** A partner tells of footprints it published. */
  public static final String PUBLISHED = "org.wbcsd.pact.ProductFootprint.PublishedEvent.3";

  /** Footprints sent in one fulfilled event at most. */
  static final int MAX_FOOTPRINTS = 100;
  /** How long an answer is tried before it is given up. */
  static final Duration GIVE_UP_AFTER = Duration.ofDays(3);
  /** The longest wait between two tries. */
  static final Duration LONGEST_WAIT = Duration.ofHours(1);
  /**
   * How long a worker holds a row it sends: longer than a try can take (a token, at most 5 s for the
   * host's OpenID configuration and 30 s for the token itself, then 30 s for the answer).
   */
  private static final Duration CLAIM = Duration.ofMinutes(2);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database db;
  private final OutboxRepository outbox = new OutboxRepository();
  private final org.tanji.server.store.PactRepository clients = new org.tanji.server.store.PactRepository();
  private final PactHostService host;
  private final PartnerService partners;
  private final Env env;
  private final Supplier<HttpClient> http;
  private final PrintStream log;
  private final int capacity;
  private final Duration firstWait;
  private final Object wake = new Object();
  private final Thread worker;
  private volatile boolean closed;
  private boolean requested; // guarded by wake

  /**
   * @param capacity answers one API client may have waiting at once; one more request is refused
   * @param firstWait the wait before the second try of a delivery, about doubled before each next one
   * @param log where answers that could not be delivered are written
   * @param http the client for partners' hosts, asked for only when an answer is sent
   */
  public PactEvents(Database db, PactHostService host, PartnerService partners, Env env, int capacity,
      Duration firstWait, PrintStream log, Supplier<HttpClient> http) {
    this.db = db;
    this.host = host;
    this.partners = partners;
    this.env = env;
    this.capacity = capacity;
    this.firstWait = firstWait;
    this.log = log;
    this.http = http;
    this.worker = new Thread(this::work, "tanji-pact-events");
    worker.setDaemon(true);
  }

  /** Starts delivering, once the database's schema is current: the answers a last run left first. */
  public void start() {
    worker.start();
  }

  /**
   * A partner's request for footprints.
   *
   * @param eventId the request event's id, which the answer names
   * @param source our own events address, the answer's {@code source}
   */
  public record Request(ApiClient client, String eventId, FootprintQuery criteria, String source) {
    public Request {
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(eventId, "eventId");
      Objects.requireNonNull(criteria, "criteria");
      Objects.requireNonNull(source, "source");
    }
  }

  /** What became of a request. */
  public enum Offer {
    /** It is stored, and will be answered. */
    ACCEPTED,
    /** The client belongs to no partner with an event endpoint: nobody could receive the answer. */
    NO_ENDPOINT,
    /** The client has too many answers waiting already. */
    FULL
  }

  /** Stores a request to be answered, unless it cannot be or the client has too many waiting. */
  public Offer request(Request r) {
    if (endpoint(r.client()).isEmpty()) {
      return Offer.NO_ENDPOINT;
    }
    byte[] stored = bytes(requestJson(r));
    boolean accepted = db.inTransaction(h -> {
      if (outbox.waiting(h, r.client().id()) >= capacity) {
        return false;
      }
      outbox.insert(h, r.client().orgId(), r.client().id(), env.ids().get(), stored, env.now());
      return true;
    });
    if (!accepted) {
      return Offer.FULL;
    }
    synchronized (wake) {
      requested = true;
      wake.notifyAll();
    }
    return Offer.ACCEPTED;
  }

  private Optional<Partner> partnerOf(ApiClient c) {
    return c.partnerId().flatMap(id -> partners.partnerOf(c.orgId(), id));
  }

  private Optional<URI> endpoint(ApiClient c) {
    return partnerOf(c).flatMap(Partner::eventUrl);
  }

  private void work() {
    while (!closed) {
      boolean sent = false;
      try {
        Instant now = env.now();
        for (OutboxRepository.Pending p : db.inTransaction(h -> outbox.due(h, now, 10))) {
          if (closed) {
            return;
          }
          // the time again for each: a slow delivery before must not leave a claim that has run out
          Instant claimed = env.now();
          if (db.inTransaction(h -> outbox.claim(h, p.id(), p.attempts(), claimed, claimed.plus(CLAIM)))) {
            deliver(p);
            sent = true;
          }
        }
      } catch (RuntimeException e) { // the database unreachable for a moment: the worker carries on
        note("the outbox could not be read", e);
      }
      if (!sent) {
        // nothing due: wait for a new request, or a second for a retry's time to come
        synchronized (wake) {
          try {
            if (!requested) {
              wake.wait(1000);
            }
          } catch (InterruptedException e) {
            return;
          }
          requested = false;
        }
      }
    }
  }

  /** One try at delivering a stored answer; the row is deleted, or scheduled for the next try. */
  private void deliver(OutboxRepository.Pending p) {
    Failure failure;
    try {
      failure = send(p);
    } catch (RuntimeException e) { // one failed answer must not stop the worker
      failure = new Failure(e.toString(), false);
    }
    if (closed || Thread.currentThread().isInterrupted()) {
      return; // stopping: the row stays as it is (its claim runs out) for the next start
    }
    Instant now = env.now();
    if (failure == null) {
      remove(p);
    } else if (failure.lasting() || !now.isBefore(p.receivedAt().plus(GIVE_UP_AFTER))) {
      remove(p);
      note("PACT answer " + p.answerId() + " to request " + p.id() + " given up after " + (p.attempts() + 1)
          + " tries: " + failure.why(), null);
    } else {
      int attempts = p.attempts() + 1;
      Instant next = now.plus(wait(attempts));
      String error = failure.why();
      db.inTransaction(h -> {
        outbox.failed(h, p.id(), attempts, next, error);
        return null;
      });
    }
  }

  private void remove(OutboxRepository.Pending p) {
    db.inTransaction(h -> {
      outbox.delete(h, p.id());
      return null;
    });
  }

  /**
   * The wait after the {@code attempts}-th failed try: the first wait doubled for each earlier
   * failure, spread by a random factor between ½ and 1½ so that the answers of one outage do not all
   * come back at once, and at most an hour.
   */
  Duration wait(int attempts) {
    long millis = firstWait.toMillis();
    for (int i = 1; i < attempts && millis < LONGEST_WAIT.toMillis(); i++) {
      millis *= 2;
    }
    long spread = (long) (millis * (0.5 + env.random().nextDouble()));
    return Duration.ofMillis(Math.min(spread, LONGEST_WAIT.toMillis()));
  }

  /** Why a try failed, and whether a later try could succeed. */
  private record Failure(String why, boolean lasting) {}

  /** Sends an answer once: null when the partner took it, else why not. */
  private Failure send(OutboxRepository.Pending p) {
    Optional<ApiClient> client = db.inTransaction(h -> clients.client(h, p.orgId(), p.clientPk()));
    if (client.isEmpty() || client.get().revokedAt().isPresent()) {
      return new Failure("the client was revoked", true);
    }
    Optional<Partner> partner = partnerOf(client.get());
    Optional<URI> endpoint = partner.flatMap(Partner::eventUrl);
    if (endpoint.isEmpty()) {
      return new Failure("the client's partner, or its event address, was removed", true);
    }
    JsonNode stored = tree(p.request());
    Request r = new Request(client.get(), stored.get("eventId").asText(), criteria(stored.get("criteria")),
        stored.get("source").asText());
    // the stored criteria read back as the first page of MAX_FOOTPRINTS
    byte[] event = bytes(event(r, p.answerId(), host.list(r.client(), r.criteria())));
    Optional<String> token = partners.supplierCredentials(r.client().orgId(), partner.get().id()).flatMap(this::token);
    HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.get()).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/cloudevents+json; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(event));
    token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
    try {
      // the answer's body is not read: a partner's endpoint decides neither memory nor log size
      HttpResponse<Void> resp = http.get().send(b.build(), HttpResponse.BodyHandlers.discarding());
      return resp.statusCode() / 100 == 2 ? null : new Failure(endpoint.get() + " answered " + resp.statusCode(), false);
    } catch (IOException e) {
      return new Failure(endpoint.get() + " could not be reached: " + e.getMessage(), false);
    } catch (InterruptedException e) { // the server stops: no try is counted, the next start sends it
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private void note(String what, Exception e) {
    synchronized (log) {
      log.println(env.clock().instant() + " PACT events: " + what);
      if (e != null) {
        e.printStackTrace(log);
      }
    }
  }

  /** A request as it is stored: its event id, our events address and its criteria. */
  static ObjectNode requestJson(Request r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("eventId", r.eventId());
    n.put("source", r.source());
    ObjectNode c = n.putObject("criteria");
    FootprintQuery q = r.criteria();
    q.productIds().forEach(c.withArray("productIds")::add);
    q.companyIds().forEach(c.withArray("companyIds")::add);
    q.geographies().forEach(c.withArray("geographies")::add);
    q.classifications().forEach(c.withArray("classifications")::add);
    q.validOn().ifPresent(t -> c.put("validOn", t.toString()));
    q.validAfter().ifPresent(t -> c.put("validAfter", t.toString()));
    q.validBefore().ifPresent(t -> c.put("validBefore", t.toString()));
    q.status().ifPresent(t -> c.put("status", t));
    return n;
  }

  /** The criteria of a stored request (a first page of {@link #MAX_FOOTPRINTS}). */
  static FootprintQuery criteria(JsonNode c) {
    return new FootprintQuery(texts(c.path("productIds")), texts(c.path("companyIds")), texts(c.path("geographies")),
        texts(c.path("classifications")), instant(c.path("validOn")), instant(c.path("validAfter")),
        instant(c.path("validBefore")), c.hasNonNull("status") ? Optional.of(c.get("status").asText()) : Optional.empty(),
        0, MAX_FOOTPRINTS);
  }

  private static java.util.Set<String> texts(JsonNode array) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Optional<Instant> instant(JsonNode n) {
    return n.isTextual() ? Optional.of(Instant.parse(n.asText())) : Optional.empty();
  }

  /** The answer to a request: the footprints found, or a rejection saying none matched. */
  ObjectNode event(Request r, UUID answerId, PactHostService.Page page) {
    ObjectNode e = JSON.createObjectNode();
    e.put("specversion", "1.0");
    e.put("id", answerId.toString());
    e.put("source", r.source());
    e.put("time", env.now().toString());
    ObjectNode data = e.putObject("data");
    data.put("requestEventId", r.eventId());
    if (page.footprints().isEmpty()) {
      e.put("type", REQUEST_REJECTED);
      ObjectNode error = data.putObject("error");
      error.put("code", "NotFound");
      error.put("message", "No issued footprint matches the request's criteria.");
    } else {
      e.put("type", REQUEST_FULFILLED);
      ArrayNode pfs = data.putArray("pfs");
      for (IssuedFootprint f : page.footprints()) {
        pfs.add(tree(PactHostService.served(f)));
      }
    }
    // fields in the order the spec shows them: type first
    ObjectNode ordered = JSON.createObjectNode();
    ordered.set("type", e.get("type"));
    e.fieldNames().forEachRemaining(n -> ordered.set(n, e.get(n)));
    return ordered;
  }

  /** A token at the partner's own PACT host, when its credentials are stored and it gives one. */
  private Optional<String> token(PartnerService.SupplierCredentials c) {
    try {
      return Optional.of(SupplierFetch.token(http.get(), c));
    } catch (AppException.PartnerFailed e) {
      log.println(env.clock().instant() + " PACT: no token from " + c.baseUrl() + " ("
          + Messages.render(AppException.BUNDLE, e.text(), java.util.Locale.ENGLISH) + "); the event is sent without one");
      return Optional.empty();
    }
  }

  private static JsonNode tree(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] bytes(JsonNode n) {
    try {
      return JSON.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Stops the worker before the database closes: it finishes the try in hand (a few seconds at
   * most, else it is interrupted and the try not counted); the answers still waiting stay stored,
   * for the next start to deliver.
   */
  @Override
  public void close() {
    closed = true;
    synchronized (wake) {
      wake.notifyAll();
    }
    try {
      worker.join(3000);
      if (worker.isAlive()) {
        worker.interrupt();
        worker.join(2000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

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
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.tanji.core.i18n.Messages;
import org.tanji.server.domain.ApiClient;
import org.tanji.server.domain.FootprintQuery;
import org.tanji.server.domain.IssuedFootprint;
import org.tanji.server.domain.Partner;

/**
 * Answers partners' footprint requests (PACT's RequestCreatedEvent) after the request itself was
 * answered: a request waits in a bounded queue (a full queue refuses more, so a flood of events
 * cannot exhaust the server), and one worker finds the footprints that match its criteria and sends
 * a RequestFulfilledEvent with them, or a RequestRejectedEvent when none match, to the event
 * endpoint of the partner the client belongs to. When the partner also runs a PACT host whose
 * credentials are stored, the worker signs in there first and sends the event with that token.
 */
public final class PactEvents implements AutoCloseable {

  /** Footprints sent in one fulfilled event at most. */
  static final int MAX_FOOTPRINTS = 100;
  private static final int ATTEMPTS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PactHostService host;
  private final PartnerService partners;
  private final Env env;
  private final HttpClient http;
  private final PrintStream log;
  private final BlockingQueue<Request> queue;
  private final Thread worker;
  private final Duration retryDelay;
  private volatile boolean closed;

  /**
   * @param capacity requests that may wait at once; one more is refused
   * @param retryDelay the wait before the second attempt to send an answer (doubled before the third)
   * @param log where answers that could not be delivered are written
   */
  public PactEvents(PactHostService host, PartnerService partners, Env env, int capacity, Duration retryDelay,
      PrintStream log) {
    this.host = host;
    this.partners = partners;
    this.env = env;
    this.retryDelay = retryDelay;
    this.log = log;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.worker = new Thread(this::work, "tanji-pact-events");
    worker.setDaemon(true);
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
    /** It will be answered. */
    ACCEPTED,
    /** The client belongs to no partner with an event endpoint: nobody could receive the answer. */
    NO_ENDPOINT,
    /** Too many requests wait already. */
    FULL
  }

  /** Queues a request to be answered, unless it cannot be or the queue is full. */
  public Offer request(Request r) {
    Optional<URI> endpoint = endpoint(r.client());
    if (endpoint.isEmpty()) {
      return Offer.NO_ENDPOINT;
    }
    return queue.offer(r) ? Offer.ACCEPTED : Offer.FULL;
  }

  /** Requests waiting now. */
  public int waiting() {
    return queue.size();
  }

  private Optional<Partner> partnerOf(ApiClient c) {
    return c.partnerId().flatMap(id -> partners.partnerOf(c.orgId(), id));
  }

  private Optional<URI> endpoint(ApiClient c) {
    return partnerOf(c).flatMap(Partner::eventUrl);
  }

  private void work() {
    while (!closed) {
      Request r;
      try {
        r = queue.poll(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (r == null) {
        continue;
      }
      try {
        answer(r);
      } catch (RuntimeException e) { // one failed answer must not stop the worker
        synchronized (log) {
          log.println(env.clock().instant() + " PACT event " + r.eventId() + " not answered:");
          e.printStackTrace(log);
        }
      }
    }
  }

  private void answer(Request r) {
    Partner partner = partnerOf(r.client()).orElseThrow(() -> new IllegalStateException("the partner was removed"));
    URI endpoint = partner.eventUrl().orElseThrow(() -> new IllegalStateException("the partner has no endpoint"));
    FootprintQuery q = r.criteria();
    FootprintQuery firstPage = new FootprintQuery(q.productIds(), q.companyIds(), q.geographies(), q.classifications(),
        q.validOn(), q.validAfter(), q.validBefore(), q.status(), 0, MAX_FOOTPRINTS);
    PactHostService.Page page = host.list(r.client(), firstPage);
    byte[] event = bytes(event(r, page));
    Optional<String> token = partners.supplierCredentials(r.client().orgId(), partner.id()).flatMap(this::token);
    for (int attempt = 1; ; attempt++) {
      try {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/cloudevents+json; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofByteArray(event));
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        // the answer's body is not read: a partner's endpoint decides neither memory nor log size
        HttpResponse<Void> resp = http.send(b.build(), HttpResponse.BodyHandlers.discarding());
        if (resp.statusCode() / 100 == 2) {
          return;
        }
        if (attempt == ATTEMPTS) {
          throw new IllegalStateException(endpoint + " answered " + resp.statusCode());
        }
      } catch (IOException e) {
        if (attempt == ATTEMPTS) {
          throw new IllegalStateException(endpoint + " could not be reached: " + e.getMessage(), e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        Thread.sleep(retryDelay.toMillis() << (attempt - 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The answer to a request: the footprints found, or a rejection saying none matched. */
  ObjectNode event(Request r, PactHostService.Page page) {
    ObjectNode e = JSON.createObjectNode();
    e.put("specversion", "1.0");
    e.put("id", env.ids().get().toString());
    e.put("source", r.source());
    e.put("time", env.now().toString());
    ObjectNode data = e.putObject("data");
    data.put("requestEventId", r.eventId());
    if (page.footprints().isEmpty()) {
      e.put("type", "org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3");
      ObjectNode error = data.putObject("error");
      error.put("code", "NotFound");
      error.put("message", "No issued footprint matches the request's criteria.");
    } else {
      e.put("type", "org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3");
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
      return Optional.of(SupplierFetch.token(http, c));
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

  /** Stops the worker; requests still waiting are not answered. */
  @Override
  public void close() {
    closed = true;
    worker.interrupt();
  }
}

package org.tanji.server.app;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tanji.server.domain.ApiClient;
import org.tanji.server.domain.Partner;
import org.tanji.server.domain.Principal;
import org.tanji.server.store.Database;
import org.tanji.server.store.PactRepository;
import org.tanji.server.store.StoreException;
import org.tanji.server.store.StudyRepository;

/**
 * The organization's PACT partners and the API clients they sign in with, managed by its admins.
 * A client's secret is shown once, when it is made, and kept only as its SHA-256 (32 random bytes
 * need no slow hash: nobody can guess them). A supplier's client secret at its own host is kept
 * sealed ({@link Sealer}), since Tanji must send it again.
 */
public final class PartnerService {

  private final Database db;
  private final Env env;
  private final AuditService audit;
  private final Sealer sealer;
  private final PactRepository repo = new PactRepository();
  private final StudyRepository studyRepo = new StudyRepository();

  public PartnerService(Database db, Env env, AuditService audit, Sealer sealer) {
    this.db = db;
    this.env = env;
    this.audit = audit;
    this.sealer = sealer;
  }

  /**
   * What a partner is made or changed with.
   *
   * @param eventUrl where answers to the partner's requests go, or null
   * @param hostUrl the partner's own PACT host (when it supplies the organization), or null
   * @param hostClientId the client id it issued to the organization there, or null
   * @param hostSecret its secret, or null (on a change of anything but the host's scheme, name and port:
   *     keep the stored one)
   */
  public record PartnerForm(String name, String eventUrl, String hostUrl, String hostClientId, String hostSecret) {}

  /** A supplier's PACT host with the credentials it gave the organization, to read its footprints. */
  public record SupplierCredentials(URI baseUrl, String clientId, String secret) {
    /** Without the secret, which a record would otherwise print. */
    @Override
    public String toString() {
      return "SupplierCredentials[" + baseUrl + ", " + clientId + "]";
    }
  }

  /**
   * Adds a partner.
   *
   * @throws AppException.Forbidden unless the caller is an admin
   * @throws AppException.Invalid when the name is empty or longer than 200 characters, an address is not an
   *     absolute http(s) address, or a supplier host lacks its client id or secret
   * @throws AppException.Conflict when the organization has a partner of that name
   */
  public Partner addPartner(Principal who, PartnerForm form) {
    Policy.requireAdmin(who);
    Checked c = check(form, Optional.empty());
    try {
      return db.inTransaction(h -> {
        long id = repo.insertPartner(h, who.orgId(), c.name, c.eventUrl, c.host, c.sealed, env.now());
        audit.record(AuditService.Event.of(who, "pact.partner.add").detail(c.name));
        return repo.partner(h, who.orgId(), id).orElseThrow();
      });
    } catch (StoreException e) {
      if (e.isUniqueViolation()) {
        throw new AppException.Conflict("PARTNER_EXISTS", "pact.partnerExists", c.name);
      }
      throw e;
    }
  }

  /**
   * Changes a partner; a supplier host's secret left empty keeps the stored one, as long as the
   * host's scheme, name and port stay: a secret is only ever sent to the host it was entered for.
   *
   * @throws AppException.NotFound when the organization has no such partner
   * @throws AppException.Invalid as {@link #addPartner}, and when the host's address moves to
   *     another scheme, name or port without its secret given again
   */
  public Partner updatePartner(Principal who, long id, PartnerForm form) {
    Policy.requireAdmin(who);
    try {
      // the host the stored secret was entered for is read, checked against and written in one
      // transaction that holds the row: a change committed meanwhile cannot leave a secret with a
      // host it was not entered for
      return db.inTransaction(h -> {
        if (!repo.holdPartner(h, who.orgId(), id)) {
          throw notFound(id);
        }
        Partner p = repo.partner(h, who.orgId(), id).orElseThrow();
        Optional<URI> secretFor = repo.sealedHostSecret(h, who.orgId(), id)
            .flatMap(sealed -> p.supplierHost().map(Partner.SupplierHost::baseUrl));
        Checked c = check(form, secretFor);
        repo.updatePartner(h, who.orgId(), id, c.name, c.eventUrl, c.host, c.sealed);
        audit.record(AuditService.Event.of(who, "pact.partner.change").detail(c.name));
        return repo.partner(h, who.orgId(), id).orElseThrow();
      });
    } catch (StoreException e) {
      if (e.isUniqueViolation()) {
        throw new AppException.Conflict("PARTNER_EXISTS", "pact.partnerExists", form.name().strip());
      }
      throw e;
    }
  }

  /** @throws AppException.NotFound when the organization has no such partner */
  public void deletePartner(Principal who, long id) {
    Policy.requireAdmin(who);
    db.inTransaction(h -> {
      Partner p = repo.partner(h, who.orgId(), id).orElseThrow(() -> notFound(id));
      repo.deletePartner(h, who.orgId(), id, env.now());
      audit.record(AuditService.Event.of(who, "pact.partner.delete").detail(p.name()));
      return null;
    });
  }

  /**
   * What a partner's API clients may read at the PACT host: every issued footprint (empty), or only
   * those of these studies.
   *
   * @throws AppException.NotFound when the organization has no such partner
   */
  public Optional<Set<UUID>> sharing(Principal who, long id) {
    Policy.requireAdmin(who);
    return db.inTransaction(h -> {
      repo.partner(h, who.orgId(), id).orElseThrow(() -> notFound(id));
      return repo.shared(h, who.orgId(), id);
    });
  }

  /**
   * Sets what a partner's API clients may read: every issued footprint ({@code studies} empty), or
   * only those of the studies given (an empty set: none). Footprints already sent stay with the
   * partner; what it reads and is sent from now on follows this.
   *
   * @throws AppException.NotFound when the organization has no such partner, or no such study
   */
  public void share(Principal who, long id, Optional<Set<UUID>> studies) {
    Policy.requireAdmin(who);
    db.inTransaction(h -> {
      Partner p = repo.partner(h, who.orgId(), id).orElseThrow(() -> notFound(id));
      for (UUID s : studies.orElse(Set.of())) {
        if (studyRepo.find(h, who.orgId(), s).isEmpty()) {
          throw new AppException.NotFound("NOT_FOUND", "study.notFound", s.toString());
        }
      }
      repo.share(h, who.orgId(), id, studies);
      audit.record(AuditService.Event.of(who, "pact.partner.sharing").detail(p.name() + ": "
          + studies.map(s -> s.size() + " studies").orElse("all issued footprints")));
      return null;
    });
  }

  /** The organization's partners, by name (admins only). */
  public List<Partner> partners(Principal who) {
    Policy.requireAdmin(who);
    return db.inTransaction(h -> repo.partners(h, who.orgId()));
  }

  /** @throws AppException.NotFound when the organization has no such partner */
  public Partner partner(Principal who, long id) {
    Policy.requireAdmin(who);
    return db.inTransaction(h -> repo.partner(h, who.orgId(), id)).orElseThrow(() -> notFound(id));
  }

  /** A partner of an organization, for the host's own use (answering a client's requests). */
  public Optional<Partner> partnerOf(long orgId, long id) {
    return db.inTransaction(h -> repo.partner(h, orgId, id));
  }

  /**
   * A supplier partner's host and credentials, its secret unsealed, for reading its footprints; empty
   * when the partner has no supplier host.
   *
   * @throws AppException.Forbidden unless the caller is an admin: the secret is theirs to use
   * @throws AppException.NotFound when the organization has no such partner
   */
  public Optional<SupplierCredentials> supplierCredentials(Principal who, long id) {
    Policy.requireAdmin(who);
    return supplierCredentials(who.orgId(), id);
  }

  /** The same for the host's own use: signing in at a partner's host to send it an answer. */
  Optional<SupplierCredentials> supplierCredentials(long orgId, long id) {
    return db.inTransaction(h -> {
      Partner p = repo.partner(h, orgId, id).orElseThrow(() -> notFound(id));
      return p.supplierHost().flatMap(host -> repo.sealedHostSecret(h, orgId, id)
          .map(s -> new SupplierCredentials(host.baseUrl(), host.clientId(), sealer.open(s))));
    });
  }

  /**
   * Makes an API client; its secret is in the answer and nowhere else.
   *
   * @param partnerId the partner it is for (answers to its event requests go to that partner), or null
   * @throws AppException.Invalid when the name is empty or longer than 200 characters
   * @throws AppException.NotFound when the organization has no such partner
   */
  public ApiClient.Created addClient(Principal who, String name, Long partnerId) {
    Policy.requireAdmin(who);
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 200) {
      throw new AppException.Invalid("BAD_NAME", "pact.name");
    }
    String clientId = "tj-" + env.hex(12);
    String secretText = env.secret(32);
    return db.inTransaction(h -> {
      if (partnerId != null) {
        repo.partner(h, who.orgId(), partnerId).orElseThrow(() -> notFound(partnerId));
      }
      long pk = repo.insertClient(h, who.orgId(), partnerId, clientId, Hashes.sha256(secretText), n, env.now(),
          who.userId());
      audit.record(AuditService.Event.of(who, "pact.client.add").detail(clientId + " " + n));
      return new ApiClient.Created(repo.client(h, who.orgId(), pk).orElseThrow(), secretText);
    });
  }

  /** The organization's API clients, oldest first, revoked ones included (admins only). */
  public List<ApiClient> clients(Principal who) {
    Policy.requireAdmin(who);
    return db.inTransaction(h -> repo.clients(h, who.orgId()));
  }

  /**
   * Revokes a client: its tokens end and it can get no new ones.
   *
   * @throws AppException.NotFound when the organization has no such client, or it is revoked already
   */
  public void revokeClient(Principal who, long id) {
    Policy.requireAdmin(who);
    db.inTransaction(h -> {
      ApiClient c = repo.client(h, who.orgId(), id)
          .orElseThrow(() -> new AppException.NotFound("NOT_FOUND", "pact.noClient", id));
      if (!repo.revokeClient(h, who.orgId(), id, env.now())) {
        throw new AppException.NotFound("NOT_FOUND", "pact.noClient", id);
      }
      audit.record(AuditService.Event.of(who, "pact.client.revoke").detail(c.clientId()));
      return null;
    });
  }

  private record Checked(String name, URI eventUrl, Partner.SupplierHost host, byte[] sealed) {}

  /** @param secretFor the host a stored secret was entered for; empty when none is stored */
  private Checked check(PartnerForm f, Optional<URI> secretFor) {
    String name = f.name() == null ? "" : f.name().strip();
    if (name.isEmpty() || name.length() > 200) {
      throw new AppException.Invalid("BAD_NAME", "pact.name");
    }
    URI event = address(f.eventUrl(), "eventUrl");
    URI host = address(f.hostUrl(), "hostUrl");
    String clientId = blank(f.hostClientId()) ? null : f.hostClientId().strip();
    String secret = blank(f.hostSecret()) ? null : f.hostSecret();
    if (host == null && (clientId != null || secret != null)) {
      throw new AppException.Invalid("BAD_PARTNER", "pact.hostMissing");
    }
    if (host != null && secret == null && secretFor.isPresent() && !sameOrigin(secretFor.get(), host)) {
      throw new AppException.Invalid("BAD_PARTNER", "pact.hostSecretAgain", origin(secretFor.get()), origin(host));
    }
    if (host != null && (clientId == null || clientId.length() > 500 || (secret == null && secretFor.isEmpty()))) {
      throw new AppException.Invalid("BAD_PARTNER", "pact.hostCredentials");
    }
    return new Checked(name, event, host == null ? null : new Partner.SupplierHost(host, clientId),
        host == null || secret == null ? null : sealer.seal(secret));
  }

  /**
   * A partner's address, or null for an empty one: https (PACT requires TLS, and Tanji sends its
   * credentials there), plain http only to this machine (a partner's test host, the conformance
   * tool), with no user name, query or fragment, which the paths Tanji appends would misplace, and of
   * at most 2,000 characters.
   */
  private static URI address(String text, String field) {
    if (blank(text)) {
      return null;
    }
    try {
      URI u = new URI(text.strip());
      if (secure(u) && u.getRawQuery() == null && u.getRawFragment() == null && text.length() <= 2000) {
        return u;
      }
    } catch (java.net.URISyntaxException e) {
      // answered below, like any other address that is not one
    }
    throw new AppException.Invalid("BAD_ADDRESS", "pact.address", field, text);
  }

  /**
   * True for an address Tanji may send a partner's credentials to: https, or plain http to this
   * machine (a partner's test host, the conformance tool), a host, and no user name.
   */
  static boolean secure(URI u) {
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    return (scheme.equals("https") || (scheme.equals("http") && loopback(u.getHost()))) && u.getHost() != null
        && u.getRawUserInfo() == null;
  }

  /** True when both addresses reach the same server: scheme, host name and port (given or the scheme's). */
  static boolean sameOrigin(URI a, URI b) {
    return origin(a).equals(origin(b));
  }

  /** {@code https://host:port}, in lower case, the port always written. */
  private static String origin(URI u) {
    String scheme = u.getScheme().toLowerCase(Locale.ROOT);
    int port = u.getPort() != -1 ? u.getPort() : scheme.equals("https") ? 443 : 80;
    return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
  }

  /** This machine by name or address, without asking a name server. */
  private static boolean loopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("[::1]") || h.matches("127(\\.\\d{1,3}){3}");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static AppException.NotFound notFound(long id) {
    return new AppException.NotFound("NOT_FOUND", "pact.noPartner", id);
  }
}

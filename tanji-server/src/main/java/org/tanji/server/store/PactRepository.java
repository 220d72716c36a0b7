package org.tanji.server.store;

import java.net.URI;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tanji.server.domain.ApiClient;
import org.tanji.server.domain.FootprintQuery;
import org.tanji.server.domain.IssuedFootprint;
import org.tanji.server.domain.Partner;

/** PACT partners, API clients, their tokens, and the organization's issued footprints. */
public final class PactRepository {

  /** The kinds of values a footprint is found by, as stored in {@code pact_footprint_key.kind}. */
  public static final String PRODUCT = "product";
  public static final String COMPANY = "company";
  public static final String GEOGRAPHY = "geography";
  public static final String CLASSIFICATION = "classification";

  // ---- partners

  public long insertPartner(Handle h, long orgId, String name, URI eventUrl, Partner.SupplierHost host,
      byte[] sealedSecret, Instant at) {
    return h.insert("INSERT INTO pact_partner (org_id, name, event_url, host_url, host_client_id, host_secret_sealed,"
        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", orgId, name, eventUrl == null ? null : eventUrl.toString(),
        host == null ? null : host.baseUrl().toString(), host == null ? null : host.clientId(),
        Handle.orNull(sealedSecret, Types.VARBINARY), at);
  }

  /** Changes a partner; a null sealed secret keeps the stored one unless the host is removed. */
  /**
   * Holds a partner's row for the transaction (a writer of the same partner waits until then):
   * whether the organization has it.
   */
  public boolean holdPartner(Handle h, long orgId, long id) {
    return h.update("UPDATE pact_partner SET name = name WHERE org_id = ? AND id = ?", orgId, id) == 1;
  }

  public boolean updatePartner(Handle h, long orgId, long id, String name, URI eventUrl, Partner.SupplierHost host,
      byte[] sealedSecret) {
    return h.update("UPDATE pact_partner SET name = ?, event_url = ?, host_url = ?, host_client_id = ?,"
        + " host_secret_sealed = CASE WHEN ? THEN NULL ELSE COALESCE(?, host_secret_sealed) END"
        + " WHERE org_id = ? AND id = ?", name, eventUrl == null ? null : eventUrl.toString(),
        host == null ? null : host.baseUrl().toString(), host == null ? null : host.clientId(), host == null,
        Handle.orNull(sealedSecret, Types.VARBINARY), orgId, id) == 1;
  }

  public List<Partner> partners(Handle h, long orgId) {
    return h.list(PARTNER + " WHERE org_id = ? ORDER BY name, id", PactRepository::partner, orgId);
  }

  public Optional<Partner> partner(Handle h, long orgId, long id) {
    return h.findOne(PARTNER + " WHERE org_id = ? AND id = ?", PactRepository::partner, orgId, id);
  }

  /** The sealed secret of a partner's supplier host, if one is stored. */
  public Optional<byte[]> sealedHostSecret(Handle h, long orgId, long id) {
    return h.findOne("SELECT host_secret_sealed FROM pact_partner WHERE org_id = ? AND id = ?"
        + " AND host_secret_sealed IS NOT NULL", r -> r.bytes("host_secret_sealed"), orgId, id);
  }

  /**
   * Deletes a partner and revokes its clients (kept, untied, for the record): a client left without
   * its partner would read every issued footprint, whatever the partner was shared.
   */
  public boolean deletePartner(Handle h, long orgId, long id, Instant at) {
    h.update("DELETE FROM pact_token WHERE client_pk IN (SELECT id FROM pact_client WHERE org_id = ? AND partner_id = ?)",
        orgId, id);
    h.update("UPDATE pact_client SET revoked_at = COALESCE(revoked_at, ?), partner_id = NULL WHERE org_id = ?"
        + " AND partner_id = ?", at, orgId, id);
    h.update("DELETE FROM pact_share WHERE partner_id IN (SELECT id FROM pact_partner WHERE org_id = ? AND id = ?)",
        orgId, id);
    return h.update("DELETE FROM pact_partner WHERE org_id = ? AND id = ?", orgId, id) == 1;
  }

  /**
   * The studies whose issued footprints a partner's clients may read: empty when the partner shares
   * every one (or is not the organization's).
   */
  public Optional<java.util.Set<UUID>> shared(Handle h, long orgId, long partnerId) {
    Optional<Boolean> all = h.findOne("SELECT shares_all FROM pact_partner WHERE org_id = ? AND id = ?",
        r -> r.bool("shares_all"), orgId, partnerId);
    if (all.isEmpty() || all.get()) {
      return Optional.empty();
    }
    return Optional.of(new java.util.LinkedHashSet<>(h.list("SELECT study_id FROM pact_share WHERE partner_id = ?"
        + " ORDER BY study_id", r -> r.uuid("study_id"), partnerId)));
  }

  /** Sets what a partner shares: every issued footprint ({@code studies} empty), or only these studies'. */
  public void share(Handle h, long orgId, long partnerId, Optional<java.util.Set<UUID>> studies) {
    h.update("UPDATE pact_partner SET shares_all = ? WHERE org_id = ? AND id = ?", studies.isEmpty(), orgId, partnerId);
    h.update("DELETE FROM pact_share WHERE partner_id = ?", partnerId);
    for (UUID s : studies.orElse(java.util.Set.of())) {
      h.update("INSERT INTO pact_share (partner_id, study_id) VALUES (?, ?)", partnerId, s);
    }
  }

  private static final String PARTNER = "SELECT id, org_id, name, event_url, host_url, host_client_id, created_at"
      + " FROM pact_partner";

  private static Partner partner(Handle.Row r) throws SQLException {
    String host = r.string("host_url");
    String event = r.string("event_url");
    String hostClient = r.string("host_client_id");
    return new Partner(r.longValue("id"), r.longValue("org_id"), r.string("name"),
        Optional.ofNullable(event).map(URI::create),
        Optional.ofNullable(host).map(u -> new Partner.SupplierHost(URI.create(u), hostClient)),
        r.instant("created_at"));
  }

  // ---- clients

  public long insertClient(Handle h, long orgId, Long partnerId, String clientId, String secretSha256, String name,
      Instant at, long userId) {
    return h.insert("INSERT INTO pact_client (org_id, partner_id, client_id, secret_sha256, name, created_at,"
        + " created_by) VALUES (?, ?, ?, ?, ?, ?, ?)", orgId, Handle.orNull(partnerId, Types.BIGINT), clientId,
        secretSha256, name, at, userId);
  }

  public List<ApiClient> clients(Handle h, long orgId) {
    return h.list(CLIENT + " WHERE org_id = ? ORDER BY created_at, id", PactRepository::client, orgId);
  }

  public Optional<ApiClient> client(Handle h, long orgId, long id) {
    return h.findOne(CLIENT + " WHERE org_id = ? AND id = ?", PactRepository::client, orgId, id);
  }

  /** A client that is not revoked, by its client id and the SHA-256 of its secret (across organizations). */
  public Optional<ApiClient> clientByCredentials(Handle h, String clientId, String secretSha256) {
    return h.findOne(CLIENT + " WHERE client_id = ? AND secret_sha256 = ? AND revoked_at IS NULL",
        PactRepository::client, clientId, secretSha256);
  }

  /** Revokes a client and ends its tokens. */
  public boolean revokeClient(Handle h, long orgId, long id, Instant at) {
    h.update("DELETE FROM pact_token WHERE client_pk IN (SELECT id FROM pact_client WHERE org_id = ? AND id = ?)",
        orgId, id);
    return h.update("UPDATE pact_client SET revoked_at = ? WHERE org_id = ? AND id = ? AND revoked_at IS NULL", at,
        orgId, id) == 1;
  }

  private static final String CLIENT = "SELECT id, org_id, partner_id, client_id, name, created_at, revoked_at"
      + " FROM pact_client";

  private static ApiClient client(Handle.Row r) throws SQLException {
    return new ApiClient(r.longValue("id"), r.longValue("org_id"), r.string("client_id"), r.string("name"),
        Optional.ofNullable(r.nullableLong("partner_id")), r.instant("created_at"),
        Optional.ofNullable(r.instant("revoked_at")));
  }

  // ---- tokens

  public void insertToken(Handle h, String tokenSha256, long clientPk, Instant expires) {
    h.update("INSERT INTO pact_token (token_sha256, client_pk, expires_at) VALUES (?, ?, ?)", tokenSha256, clientPk,
        expires);
  }

  /** A token's client and its expiry, if the token is known (expired or not) and its client not revoked. */
  public Optional<Map.Entry<ApiClient, Instant>> token(Handle h, String tokenSha256) {
    return h.findOne("SELECT c.id, c.org_id, c.partner_id, c.client_id, c.name, c.created_at, c.revoked_at,"
        + " t.expires_at FROM pact_token t JOIN pact_client c ON c.id = t.client_pk WHERE t.token_sha256 = ?"
        + " AND c.revoked_at IS NULL", r -> Map.entry(client(r), r.instant("expires_at")), tokenSha256);
  }

  public void deleteExpiredTokens(Handle h, Instant now) {
    h.update("DELETE FROM pact_token WHERE expires_at < ?", now);
  }

  // ---- footprints

  /** What a footprint is found by, as its ProductFootprint says. */
  public record Keys(Set<String> productIds, Set<String> companyIds, Set<String> geographies,
      Set<String> classifications) {}

  public long insertFootprint(Handle h, UUID id, long orgId, UUID studyId, int version, Instant validFrom,
      Instant validTo, byte[] json, Keys keys) {
    h.update("INSERT INTO pact_footprint (id, org_id, study_id, version, status, valid_from, valid_to, body)"
        + " VALUES (?, ?, ?, ?, 'Active', ?, ?, ?)", id, orgId, studyId, version, validFrom, validTo, json);
    // Handle.insert reads back a column named id, which here is the UUID, not the generated number
    long seq = h.one("SELECT seq FROM pact_footprint WHERE id = ?", r -> r.longValue("seq"), id);
    insertKeys(h, seq, PRODUCT, keys.productIds());
    insertKeys(h, seq, COMPANY, keys.companyIds());
    insertKeys(h, seq, GEOGRAPHY, keys.geographies());
    insertKeys(h, seq, CLASSIFICATION, keys.classifications());
    return seq;
  }

  private static void insertKeys(Handle h, long seq, String kind, Set<String> values) {
    for (String v : values.stream().map(s -> s.toLowerCase(java.util.Locale.ROOT)).distinct().toList()) {
      h.update("INSERT INTO pact_footprint_key (footprint_seq, kind, val) VALUES (?, ?, ?)", seq, kind, v);
    }
  }

  /** Marks the organization's active footprints of a study's other versions (or of one version) deprecated. */
  public int deprecate(Handle h, long orgId, UUID studyId, int version, boolean othersThanVersion, String comment) {
    return h.update("UPDATE pact_footprint SET status = 'Deprecated', status_comment = ? WHERE org_id = ?"
        + " AND study_id = ? AND status = 'Active' AND " + (othersThanVersion ? "version <> ?" : "version = ?"),
        comment, orgId, studyId, version);
  }

  public Optional<IssuedFootprint> footprint(Handle h, long orgId, UUID id) {
    return h.findOne(FOOTPRINT + " WHERE org_id = ? AND id = ?", PactRepository::footprint, orgId, id);
  }

  /** A footprint a partner's client may read: the organization's, and of a study the partner shares. */
  public Optional<IssuedFootprint> footprint(Handle h, long orgId, UUID id, Optional<Long> restrictedTo) {
    if (restrictedTo.isEmpty()) {
      return footprint(h, orgId, id);
    }
    return h.findOne(FOOTPRINT + " f WHERE f.org_id = ? AND f.id = ?" + SHARED, PactRepository::footprint, orgId, id,
        restrictedTo.get());
  }

  /** Limits a query on footprints {@code f} to the studies a partner shares. */
  private static final String SHARED = " AND f.study_id IN (SELECT study_id FROM pact_share WHERE partner_id = ?)";

  public Optional<IssuedFootprint> footprintOf(Handle h, long orgId, UUID studyId, int version) {
    return h.findOne(FOOTPRINT + " WHERE org_id = ? AND study_id = ? AND version = ?", PactRepository::footprint,
        orgId, studyId, version);
  }

  /**
   * A page of the organization's footprints that match the query, in their stable order; one more
   * than the limit tells a next page.
   *
   * @param restrictedTo a partner that shares only some studies: only theirs
   */
  public List<IssuedFootprint> footprints(Handle h, long orgId, FootprintQuery q, Optional<Long> restrictedTo) {
    StringBuilder sql = new StringBuilder(FOOTPRINT).append(" f WHERE f.org_id = ? AND f.seq > ?");
    List<Object> args = new ArrayList<>(List.of(orgId, q.after()));
    restrictedTo.ifPresent(p -> {
      sql.append(SHARED);
      args.add(p);
    });
    keyFilter(sql, args, PRODUCT, q.productIds());
    keyFilter(sql, args, COMPANY, q.companyIds());
    keyFilter(sql, args, GEOGRAPHY, q.geographies());
    keyFilter(sql, args, CLASSIFICATION, q.classifications());
    q.validOn().ifPresent(t -> {
      sql.append(" AND f.valid_from <= ? AND f.valid_to >= ?");
      args.add(t);
      args.add(t);
    });
    q.validAfter().ifPresent(t -> {
      sql.append(" AND f.valid_from > ?");
      args.add(t);
    });
    q.validBefore().ifPresent(t -> {
      sql.append(" AND f.valid_to < ?");
      args.add(t);
    });
    q.status().ifPresent(s -> {
      sql.append(" AND LOWER(f.status) = ?");
      args.add(s.toLowerCase(java.util.Locale.ROOT));
    });
    sql.append(" ORDER BY f.seq LIMIT ?");
    args.add(q.limit() + 1);
    return h.list(sql.toString(), PactRepository::footprint, args.toArray());
  }

  private static void keyFilter(StringBuilder sql, List<Object> args, String kind, Set<String> values) {
    if (values.isEmpty()) {
      return;
    }
    sql.append(" AND EXISTS (SELECT 1 FROM pact_footprint_key k WHERE k.footprint_seq = f.seq AND k.kind = ?"
        + " AND k.val IN (").append(String.join(", ", java.util.Collections.nCopies(values.size(), "?")))
        .append("))");
    args.add(kind);
    args.addAll(values.stream().sorted().toList());
  }

  private static final String FOOTPRINT = "SELECT seq, id, org_id, study_id, version, status, status_comment,"
      + " valid_from, valid_to, body FROM pact_footprint";

  private static IssuedFootprint footprint(Handle.Row r) throws SQLException {
    return new IssuedFootprint(r.longValue("seq"), r.uuid("id"), r.longValue("org_id"), r.uuid("study_id"),
        r.intValue("version"), r.string("status"), Optional.ofNullable(r.string("status_comment")),
        r.instant("valid_from"), r.instant("valid_to"), r.bytes("body"));
  }
}

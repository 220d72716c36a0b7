package org.tanji.server.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A client of the organization's PACT host API: a client id and a secret (only its hash is kept)
 * for the OAuth2 client-credentials grant, usually held by a partner.
 *
 * @param id the row's number
 * @param clientId the public client id
 * @param partnerId the partner it was issued to; answers to its event requests go to that partner
 * @param revokedAt when it was revoked: its tokens and the grant are refused from then on
 */
public record ApiClient(long id, long orgId, String clientId, String name, Optional<Long> partnerId,
    Instant createdAt, Optional<Instant> revokedAt) {

  public ApiClient {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
  }

  /** A client as created: the only moment its secret is known. */
  public record Created(ApiClient client, String secret) {
    /** Without the secret, which a record would otherwise print. */
    @Override
    public String toString() {
      return "Created[" + client.clientId() + "]";
    }
  }
}

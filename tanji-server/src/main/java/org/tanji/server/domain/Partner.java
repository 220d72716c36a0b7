package org.tanji.server.domain;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A company the organization exchanges footprints with over PACT: a customer whose requests are
 * answered at its event endpoint, a supplier whose PACT host Tanji reads, or both.
 *
 * @param eventUrl where answers to the partner's requests are sent (its {@code /3/events})
 * @param supplierHost the partner's own PACT host, when it supplies the organization
 */
public record Partner(long id, long orgId, String name, Optional<URI> eventUrl, Optional<SupplierHost> supplierHost,
    Instant createdAt) {

  public Partner {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(eventUrl, "eventUrl");
    Objects.requireNonNull(supplierHost, "supplierHost");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * A supplier's PACT host and the client id it issued to the organization (the secret is kept
   * sealed, and handed out only by {@code PartnerService.supplierCredentials}).
   */
  public record SupplierHost(URI baseUrl, String clientId) {
    public SupplierHost {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(clientId, "clientId");
    }
  }
}

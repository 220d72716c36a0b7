package org.tanji.server.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An issued version's PACT ProductFootprint as served: the JSON frozen at issue, and what the list
 * filters read of it.
 *
 * @param seq the order footprints are listed in
 * @param status {@code Active}, or {@code Deprecated} once a later version is issued or the report withdrawn
 * @param statusComment why it was deprecated
 * @param validFrom the validity period's start (or the reference period's end, when none is given)
 * @param validTo its end (or three years after the reference period's end)
 * @param json the ProductFootprint as issued, UTF-8
 */
public record IssuedFootprint(long seq, UUID id, long orgId, UUID studyId, int version, String status,
    Optional<String> statusComment, Instant validFrom, Instant validTo, byte[] json) {

  public IssuedFootprint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(statusComment, "statusComment");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validTo, "validTo");
    Objects.requireNonNull(json, "json");
  }
}

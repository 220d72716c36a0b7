package org.tanji.io.pact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a PACT footprint says about the version it was made from, beyond the study and its result:
 * its id, when it was created, whether it is still the one to use, the footprints it replaces and,
 * for an issued version, who verified it.
 *
 * @param id the footprint's id ({@link #idOf} makes one that stays the same for the same version)
 * @param created when the footprint was created: the issue time of an issued version, else the time
 *     of the export
 * @param status {@code Active}, or {@code Deprecated} once a later version replaces it
 * @param preceding the ids of earlier footprints of the same product this one replaces; may be empty
 * @param verification the verification of an issued version; empty for a draft
 */
public record PactIssue(UUID id, Instant created, Status status, List<UUID> preceding,
    Optional<Verification> verification) {

  /** The footprint's lifecycle status, as PACT spells it. */
  public enum Status {
    Active, Deprecated
  }

  /**
   * Who verified an issued version and where it can be checked.
   *
   * @param completedAt when the version was issued (approved)
   * @param reportNumber the issued report's number
   * @param url the public verification address of the issued report
   * @param signer who issued (approved) it
   */
  public record Verification(Instant completedAt, String reportNumber, String url, String signer) {
    public Verification {
      Objects.requireNonNull(completedAt, "completedAt");
      Objects.requireNonNull(reportNumber, "reportNumber");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(signer, "signer");
    }
  }

  public PactIssue {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(status, "status");
    preceding = List.copyOf(preceding);
    if (preceding.contains(id)) {
      throw new IllegalArgumentException("a footprint cannot precede itself: " + id);
    }
    Objects.requireNonNull(verification, "verification");
  }

  /** An active footprint of a version that is not issued: nothing verified, nothing replaced. */
  public static PactIssue draft(UUID id, Instant created) {
    return new PactIssue(id, created, Status.Active, List.of(), Optional.empty());
  }

  /** An active footprint of an issued version. */
  public static PactIssue issued(UUID id, Verification verification) {
    return new PactIssue(id, verification.completedAt(), Status.Active, List.of(), Optional.of(verification));
  }

  /**
   * The footprint id of one version of one study: a name-based UUID (RFC 9562 version 5, SHA-1) of
   * {@code tanji-pact:<owner>:<study>:<version>}, so the same version always gets the same id and
   * any other version another one. PACT's data model asks for random (version 4) ids; its OpenAPI
   * schema, which is authoritative, asks only for a UUID, and a stable id is what lets a customer
   * see that a footprint fetched twice is the same one.
   *
   * @param owner whose footprint it is: the server's organization ({@code org:17}), or for a file the
   *     organization's credit code
   * @param study the study's id on the server, or for a file the SHA-256 of its bytes
   * @param version the version number (1 for a file)
   */
  public static UUID idOf(String owner, String study, int version) {
    return nameUuid(NAMESPACE, "tanji-pact:" + owner + ":" + study + ":" + version);
  }

  // Java has name-based UUIDs of version 3 (MD5) only; version 5 is the same with SHA-1 and a namespace
  private static final UUID NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"); // RFC 9562: URL

  /** A version-5 UUID of a name in a namespace (RFC 9562 5.5). */
  static UUID nameUuid(UUID namespace, String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(bytes(namespace));
      byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
      h[6] = (byte) ((h[6] & 0x0f) | 0x50); // version 5
      h[8] = (byte) ((h[8] & 0x3f) | 0x80); // RFC variant
      long msb = 0;
      long lsb = 0;
      for (int i = 0; i < 8; i++) {
        msb = (msb << 8) | (h[i] & 0xff);
        lsb = (lsb << 8) | (h[i + 8] & 0xff);
      }
      return new UUID(msb, lsb);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
  }

  private static byte[] bytes(UUID u) {
    byte[] out = new byte[16];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (u.getMostSignificantBits() >>> (56 - 8 * i));
      out[i + 8] = (byte) (u.getLeastSignificantBits() >>> (56 - 8 * i));
    }
    return out;
  }
}

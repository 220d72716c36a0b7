package org.tanji.server.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A study version's CBAM file as stored.
 *
 * @param fileName the name it was uploaded under, when it had one
 * @param content the file's bytes, exactly as sent
 * @param sha256 the bytes' digest: what is made from the file is cached under it
 * @param storedAt when it was stored
 * @param storedBy who stored it
 */
public record CbamFile(String fileName, byte[] content, String sha256, Instant storedAt, String storedBy) {

  public CbamFile {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(storedAt, "storedAt");
    Objects.requireNonNull(storedBy, "storedBy");
  }

  /** The name to read it under: its own, or the companion's usual one. */
  public String readName() {
    return fileName == null || fileName.isBlank() ? "cbam.yaml" : fileName;
  }
}

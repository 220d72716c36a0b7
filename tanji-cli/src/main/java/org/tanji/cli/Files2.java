package org.tanji.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/** Writing output files whole or not at all. */
final class Files2 {

  /** Writes the content of an output file. */
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private Files2() {}

  /**
   * Writes a file through a temporary file beside it, moved into place when complete: a failure
   * half-way leaves the old file as it was. The new file gets the usual permissions (the umask's),
   * not a temporary file's private ones.
   */
  static void replace(Path target, Content content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      throw new java.nio.file.NoSuchFileException(dir.toString()); // said of the folder, not of a temporary name
    }
    Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
        + ".tmp");
    try (OutputStream os = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      content.writeTo(os);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}

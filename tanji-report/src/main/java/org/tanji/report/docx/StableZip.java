package org.tanji.report.docx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a zip package (DOCX, and the XLSX workbooks embedded in its charts) with one fixed time on
 * every entry, so that the same report gives the same bytes whenever it is written.
 */
final class StableZip {

  /** The time on every entry (the reproducible-builds convention; within the DOS date range anywhere). */
  private static final LocalDateTime TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

  private StableZip() {}

  /** Copies {@code zip} to {@code out}, entries in the same order, with fixed times. */
  static void copy(byte[] zip, OutputStream out) throws IOException {
    ZipOutputStream z = new ZipOutputStream(out);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] data = in.readAllBytes();
        if (e.getName().endsWith(".xlsx")) {
          data = stable(data);
        }
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTimeLocal(TIME);
        z.putNextEntry(copy);
        z.write(data);
        z.closeEntry();
      }
    }
    z.finish();
  }

  private static byte[] stable(byte[] zip) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(zip.length);
    copy(zip, b);
    return b.toByteArray();
  }
}

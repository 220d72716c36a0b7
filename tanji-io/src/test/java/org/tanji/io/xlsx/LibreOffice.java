package org.tanji.io.xlsx;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * LibreOffice, headless, as the test's independent spreadsheet engine: it opens a workbook,
 * recalculates every formula and saves it, so the template's own arithmetic can be compared with
 * Tanji's.
 */
final class LibreOffice {

  private LibreOffice() {}

  /** The soffice executable on the PATH, if LibreOffice is installed. */
  static Optional<String> find() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(File.pathSeparator)).map(d -> Path.of(d, "soffice"))
        .filter(Files::isExecutable).map(Path::toString).findFirst();
  }

  /**
   * The workbook recalculated by LibreOffice and saved again as .xlsx.
   *
   * <p>LibreOffice keeps the cached results of an .xlsx by default; a profile of its own (also so
   * that it never meets another running instance) tells it to recalculate on every load.
   */
  static byte[] recalculate(String soffice, Path workbook, Path dir) throws IOException, InterruptedException {
    Path profile = dir.resolve("profile");
    Files.createDirectories(profile.resolve("user"));
    Files.writeString(profile.resolve("user").resolve("registrymodifications.xcu"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
        <value>0</value></prop></item>
        </oor:items>
        """, StandardCharsets.UTF_8);
    Path out = dir.resolve("recalculated");
    Files.createDirectories(out);
    Process p = new ProcessBuilder(List.of(soffice, "-env:UserInstallation=" + profile.toUri(), "--headless",
        "--convert-to", "xlsx", "--outdir", out.toString(), workbook.toString()))
        .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("soffice did not finish within 5 minutes; see " + dir.resolve("soffice.log"));
    }
    Path result = out.resolve(workbook.getFileName());
    if (p.exitValue() != 0 || !Files.exists(result)) {
      throw new IOException("soffice failed (exit " + p.exitValue() + "): "
          + Files.readString(dir.resolve("soffice.log"), StandardCharsets.UTF_8));
    }
    return Files.readAllBytes(result);
  }
}

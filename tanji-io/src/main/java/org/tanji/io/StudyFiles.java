package org.tanji.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Study;
import org.tanji.io.internal.Node;
import org.tanji.io.internal.TreeBuilder;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads study files (YAML or JSON). Problems with the file's content are findings; only failure
 * to read the file at all (missing, unreadable) is an {@link IOException}.
 */
public final class StudyFiles {

  /** The largest study file read: far above any real study, below what would exhaust memory. */
  public static final long MAX_BYTES = 256L * 1024 * 1024;

  private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
      .maxStringLength(64 * 1024 * 1024)
      .maxNestingDepth(200)
      .maxDocumentLength(MAX_BYTES)
      .build();

  private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(LIMITS).build();
  private static final YAMLFactory YAML;

  static {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, MAX_BYTES));
    options.setNestingDepthLimit(200);
    YAML = YAMLFactory.builder().loaderOptions(options).streamReadConstraints(LIMITS).build();
  }

  private StudyFiles() {}

  /**
   * Reads a study file; the format comes from the extension ({@code .yaml}, {@code .yml},
   * {@code .json}), else from the content.
   *
   * @throws IOException when the file cannot be read
   */
  public static ReadResult read(Path path) throws IOException {
    if (Files.size(path) > MAX_BYTES) {
      return failed(Text.of("read.tooLarge", MAX_BYTES / (1024 * 1024)));
    }
    byte[] bytes = Files.readAllBytes(path);
    StudyFormat format = StudyFormat.fromFileName(path).orElse(null);
    return read(bytes, format, path.toString());
  }

  /**
   * Reads a study from bytes.
   *
   * @param format the format, or null to tell from the content
   * @param fileName the name to show in messages, or null
   */
  public static ReadResult read(byte[] bytes, StudyFormat format, String fileName) {
    if (bytes.length == 0) {
      return failed(Text.of("read.empty"));
    }
    if (bytes.length > MAX_BYTES) {
      return failed(Text.of("read.tooLarge", MAX_BYTES / (1024 * 1024)));
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return failed(Text.of(looksBinary(bytes) ? "read.binary" : "read.notUtf8"));
    }
    if (text.indexOf('\0') >= 0) {
      return failed(Text.of("read.binary"));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      return failed(Text.of("read.empty"));
    }
    return read(text, format == null ? sniff(text) : format, fileName);
  }

  /**
   * The longest YAML line read. The YAML scanner needs about half a second per megabyte of a
   * single scalar, and no study has a line anywhere near this long; JSON, which may sit on one
   * line, has no such limit.
   */
  public static final int MAX_YAML_LINE = 1024 * 1024;

  /** Reads a study from text in a known format. */
  public static ReadResult read(String text, StudyFormat format, String fileName) {
    List<Finding> findings = new ArrayList<>();
    if (format != StudyFormat.JSON) {
      Finding longLine = longLine(text);
      if (longLine != null) {
        findings.add(longLine);
        return new ReadResult(null, findings);
      }
    }
    Node root;
    try (JsonParser parser = format == StudyFormat.JSON ? JSON.createParser(text) : YAML.createParser(text)) {
      root = TreeBuilder.build(parser, findings);
    } catch (IOException | RuntimeException e) {
      // the YAML library signals some malformed input with unchecked exceptions of its own
      findings.add(Finding.error("PARSE_ERROR", "", Text.of("read.syntax", firstLine(e))));
      return new ReadResult(null, findings);
    }
    if (root == null) {
      return new ReadResult(null, findings);
    }
    Study study = StudyReader.read(root, fileName, findings);
    return new ReadResult(study, findings);
  }

  private static Finding longLine(String text) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > MAX_YAML_LINE) {
          String mb = String.format(java.util.Locale.ROOT, "%.1f", (i - start) / (1024.0 * 1024.0));
          return new Finding("PARSE_ERROR", org.tanji.core.model.Severity.ERROR, "",
              new org.tanji.core.model.Position(line, 1), Text.of("read.longLine", line, mb, MAX_YAML_LINE / (1024 * 1024)));
        }
        line++;
        start = i + 1;
      }
    }
    return null;
  }

  private static StudyFormat sniff(String text) {
    String t = text.stripLeading();
    return t.startsWith("{") || t.startsWith("[") ? StudyFormat.JSON : StudyFormat.YAML;
  }

  private static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8000);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static ReadResult failed(Text text) {
    return new ReadResult(null, List.of(Finding.error("PARSE_ERROR", "", text)));
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}

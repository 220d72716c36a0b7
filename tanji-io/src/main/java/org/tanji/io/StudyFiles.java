package org.tanji.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Position;
import org.tanji.core.model.Severity;
import org.tanji.core.model.Study;
import org.tanji.io.internal.Node;
import org.tanji.io.internal.TreeBuilder;
import org.tanji.io.library.FactorLibrary;
import org.tanji.io.xlsx.Workbooks;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads study files (YAML, JSON or an Excel workbook). Problems with the file's content are findings; only failure
 * to read the file at all (missing, unreadable) is an {@link IOException}.
 */
public final class StudyFiles {

  /** The largest study file read: far above any real study, below what would exhaust memory. */
  public static final long MAX_BYTES = 256L * 1024 * 1024;

  /**
   * The longest YAML line read. The YAML scanner needs about half a second per megabyte of a
   * single scalar, and no study has a line anywhere near this long; JSON, which may sit on one
   * line, has no such limit.
   */
  public static final int MAX_YAML_LINE = 1024 * 1024;

  private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
      .maxStringLength(64 * 1024 * 1024)
      .maxNestingDepth(TreeBuilder.PARSER_MAX_DEPTH)
      .maxDocumentLength(MAX_BYTES)
      .build();

  private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(LIMITS).build();
  private static final YAMLFactory YAML;

  static {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, MAX_BYTES));
    options.setNestingDepthLimit(TreeBuilder.PARSER_MAX_DEPTH);
    YAML = YAMLFactory.builder().loaderOptions(options).streamReadConstraints(LIMITS).build();
  }

  private StudyFiles() {}

  /**
   * Reads a study file; the format comes from the extension ({@code .yaml}, {@code .yml},
   * {@code .json}, {@code .xlsx}), else from the content.
   *
   * @throws IOException when the file cannot be read
   */
  public static ReadResult read(Path path) throws IOException {
    return read(path, FactorLibrary.builtIn());
  }

  /**
   * Reads a study file, taking factors it refers to by library id from the given library.
   *
   * @throws IOException when the file cannot be read
   */
  public static ReadResult read(Path path, FactorLibrary library) throws IOException {
    return read(path, bytes(path), library);
  }

  /**
   * Reads a study from the bytes read from a file by {@link #bytes}, for a caller that needs them too
   * (a pipe can be read only once).
   */
  public static ReadResult read(Path path, byte[] bytes, FactorLibrary library) {
    return read(bytes, StudyFormat.fromFileName(path).orElse(null), path.toString(), library);
  }

  /**
   * A study file's bytes, at most one past {@link #MAX_BYTES} (a device such as /dev/zero, or a pipe,
   * reports no size): reading more is refused as too large.
   *
   * @throws IOException when the file cannot be read
   */
  public static byte[] bytes(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes((int) MAX_BYTES + 1);
    }
  }

  /** Reads a study from text in a known format (or null to tell from the content). */
  public static ReadResult read(String text, StudyFormat format, String fileName) {
    return read(text.getBytes(StandardCharsets.UTF_8), format, fileName, FactorLibrary.builtIn());
  }

  /** Reads a study from the bytes of a file, with the built-in factor library. */
  public static ReadResult read(byte[] bytes, StudyFormat format, String fileName) {
    return read(bytes, format, fileName, FactorLibrary.builtIn());
  }

  /**
   * Reads a study from the bytes of a file.
   *
   * @param format the format, or null to tell from the content
   * @param fileName the name to show in messages, or null
   * @param library where factors the study refers to by library id come from
   */
  public static ReadResult read(byte[] bytes, StudyFormat format, String fileName, FactorLibrary library) {
    if (bytes.length > MAX_BYTES) {
      return failed(Text.of("read.tooLarge", MAX_BYTES / (1024 * 1024)));
    }
    int offset = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
        ? 3 : 0;
    if (firstNonBlank(bytes, offset) < 0) {
      return failed(Text.of("read.empty"));
    }
    if (format == StudyFormat.XLSX || Workbooks.looksLikeWorkbook(bytes)) {
      return readWorkbook(bytes, fileName, library);
    }
    if (contains(bytes, offset, (byte) 0)) {
      return failed(Text.of("read.binary"));
    }
    if (!isUtf8(bytes, offset)) {
      return failed(Text.of("read.notUtf8"));
    }
    StudyFormat f = format != null ? format : sniff(bytes, offset);
    if (f == StudyFormat.YAML) {
      Finding longLine = longLine(bytes, offset);
      if (longLine != null) {
        return new ReadResult(null, List.of(longLine));
      }
    }
    List<Finding> findings = new ArrayList<>();
    Node root;
    // Jackson reads the bytes directly: no copy of a large file as a string
    try (JsonParser parser = f == StudyFormat.JSON
        ? JSON.createParser(bytes, offset, bytes.length - offset)
        : YAML.createParser(bytes, offset, bytes.length - offset)) {
      root = tree(parser, findings);
    } catch (IOException e) {
      findings.add(Finding.error("PARSE_ERROR", "", Text.of("read.syntax", firstLine(e))));
      return new ReadResult(null, findings);
    }
    if (root == null) {
      return new ReadResult(null, findings);
    }
    Study study = StudyReader.read(root, fileName, findings, library);
    return new ReadResult(study, findings);
  }

  /**
   * The tree of a companion file in YAML or JSON (a CBAM file), with the same limits and checks as
   * a study file's; null with findings when it cannot be read as one.
   */
  static Node companionTree(byte[] bytes, List<Finding> findings) {
    int offset = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
        ? 3 : 0;
    if (firstNonBlank(bytes, offset) < 0) {
      findings.add(Finding.error("PARSE_ERROR", "", Text.of("read.empty")));
      return null;
    }
    if (contains(bytes, offset, (byte) 0) || !isUtf8(bytes, offset)) {
      findings.add(Finding.error("PARSE_ERROR", "", Text.of("read.notUtf8")));
      return null;
    }
    StudyFormat f = sniff(bytes, offset);
    try (JsonParser parser = f == StudyFormat.JSON
        ? JSON.createParser(bytes, offset, bytes.length - offset)
        : YAML.createParser(bytes, offset, bytes.length - offset)) {
      return tree(parser, findings);
    } catch (IOException e) {
      findings.add(Finding.error("PARSE_ERROR", "", Text.of("read.syntax", firstLine(e))));
      return null;
    }
  }

  /**
   * The tree of a YAML or JSON document, or null with a {@code PARSE_ERROR} finding. The YAML
   * library signals some malformed input with its own unchecked exception, which is a finding
   * too; any other runtime exception is a bug here and goes up as one.
   */
  static Node tree(JsonParser parser, List<Finding> findings) {
    try {
      return TreeBuilder.build(parser, findings);
    } catch (YAMLException e) {
      findings.add(Finding.error("PARSE_ERROR", "", Text.of("read.syntax", firstLine(e))));
      return null;
    }
  }

  /** A workbook: cells into the same tree as a text file, the same checks, findings on cells. */
  private static ReadResult readWorkbook(byte[] bytes, String fileName, FactorLibrary library) {
    List<Finding> raw = new ArrayList<>();
    Workbooks.Parsed parsed = Workbooks.read(bytes, raw);
    if (parsed == null) {
      return new ReadResult(null, raw);
    }
    Study study = StudyReader.read(parsed.root(), fileName, raw, library);
    List<Finding> findings = new ArrayList<>(raw.size());
    for (Finding f : raw) {
      findings.add(parsed.cell(f));
    }
    return new ReadResult(study == null ? null : parsed.withCells(study, fileName), findings);
  }

  private static Finding longLine(byte[] bytes, int offset) {
    int line = 1;
    int start = offset;
    for (int i = offset; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        if (i - start > MAX_YAML_LINE) {
          String mb = String.format(Locale.ROOT, "%.1f", (i - start) / (1024.0 * 1024.0));
          return new Finding("PARSE_ERROR", Severity.ERROR, "", new Position(line, 1),
              Text.of("read.longLine", line, mb, MAX_YAML_LINE / (1024 * 1024)));
        }
        line++;
        start = i + 1;
      }
    }
    return null;
  }

  /** Checks UTF-8 in a streaming pass, without building the text. */
  private static boolean isUtf8(byte[] bytes, int offset) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isError()) {
        return false;
      }
      if (r.isUnderflow()) {
        out.clear();
        return !decoder.flush(out).isError();
      }
      out.clear();
    }
  }

  private static int firstNonBlank(byte[] bytes, int offset) {
    for (int i = offset; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return i;
      }
    }
    return -1;
  }

  private static boolean contains(byte[] bytes, int offset, byte wanted) {
    for (int i = offset; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return true;
      }
    }
    return false;
  }

  /**
   * The format {@link #read(byte[], StudyFormat, String, FactorLibrary)} reads the bytes as: a
   * workbook when declared or when the bytes are one (whatever was declared), else the declared
   * text format, else JSON or YAML by the first character that is not blank.
   *
   * @param declared the format the sender named, or null
   */
  public static StudyFormat formatOf(byte[] bytes, StudyFormat declared) {
    if (declared == StudyFormat.XLSX || Workbooks.looksLikeWorkbook(bytes)) {
      return StudyFormat.XLSX;
    }
    return declared != null ? declared : sniffOrYaml(bytes);
  }

  private static StudyFormat sniffOrYaml(byte[] bytes) {
    int offset = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
        ? 3 : 0;
    return firstNonBlank(bytes, offset) < 0 ? StudyFormat.YAML : sniff(bytes, offset);
  }

  private static StudyFormat sniff(byte[] bytes, int offset) {
    byte first = bytes[firstNonBlank(bytes, offset)];
    return first == '{' || first == '[' ? StudyFormat.JSON : StudyFormat.YAML;
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

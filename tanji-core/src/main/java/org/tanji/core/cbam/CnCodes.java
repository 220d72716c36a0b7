package org.tanji.core.cbam;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tanji.core.model.CustomsCode;

/**
 * The CN codes of CBAM goods (Annex I of Regulation (EU) 2023/956) at eight digits, with their
 * aggregated goods category, as bundled in {@code cn-codes.tsv} (source in its header).
 */
public final class CnCodes {

  /** One CBAM good of the combined nomenclature. */
  public record Entry(String cn, GoodsCategory category, String description) {}

  private static final Map<String, Entry> CODES = load();

  private CnCodes() {}

  /** The entry of an eight-digit CN code, written as {@link CustomsCode#parse} reads it. */
  public static Optional<Entry> find(String cn) {
    return CustomsCode.parse(cn).filter(CustomsCode::isCn).map(c -> CODES.get(c.digits()));
  }

  /** Every code in the list, in the list's order. */
  public static Map<String, Entry> all() {
    return CODES;
  }

  private static Map<String, Entry> load() {
    Map<String, Entry> out = new LinkedHashMap<>();
    try (InputStream in = CnCodes.class.getResourceAsStream("cn-codes.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      boolean header = true;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] cells = line.split("\t", -1);
        GoodsCategory category = GoodsCategory.ofTemplateName(cells[1])
            .orElseThrow(() -> new IllegalStateException("cn-codes.tsv: unknown category " + cells[1]));
        out.put(cells[0], new Entry(cells[0], category, cells[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(out);
  }
}

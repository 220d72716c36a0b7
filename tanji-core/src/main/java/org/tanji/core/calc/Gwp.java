package org.tanji.core.calc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.tanji.core.i18n.Spelling;
import org.tanji.core.model.GwpSet;

/**
 * IPCC 100-year global warming potentials for AR4, AR5 and AR6, from the project's reference data
 * ({@code gwp100.csv}, copied from {@code shared/data}).
 */
public final class Gwp {

  private static final Map<GwpSet, Map<String, Double>> TABLE = load();

  private Gwp() {}

  /** The GWP of a gas in a set, if the table has it. */
  public static OptionalDouble of(GwpSet set, String gas) {
    Double v = TABLE.get(set).get(gas);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** The gases the table knows, in table order. */
  public static java.util.Set<String> gases() {
    return TABLE.get(GwpSet.AR5).keySet();
  }

  /** A gas name the table knows that differs only in case or by a typo, if any. */
  public static Optional<String> suggest(String gas) {
    return Spelling.closest(gas, gases());
  }

  private static Map<GwpSet, Map<String, Double>> load() {
    Map<GwpSet, Map<String, Double>> table = new EnumMap<>(GwpSet.class);
    for (GwpSet set : GwpSet.values()) {
      table.put(set, new LinkedHashMap<>());
    }
    try (InputStream in = Gwp.class.getResourceAsStream("/org/tanji/core/data/gwp100.csv");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      if (header == null || !header.startsWith("gas,AR4,AR5,AR6")) {
        throw new IllegalStateException("gwp100.csv: unexpected header " + header);
      }
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] cols = line.split(",", 5);
        table.get(GwpSet.AR4).put(cols[0], Double.parseDouble(cols[1]));
        table.get(GwpSet.AR5).put(cols[0], Double.parseDouble(cols[2]));
        table.get(GwpSet.AR6).put(cols[0], Double.parseDouble(cols[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the GWP table", e);
    }
    table.replaceAll((k, v) -> Collections.unmodifiableMap(v));
    return Collections.unmodifiableMap(table);
  }
}

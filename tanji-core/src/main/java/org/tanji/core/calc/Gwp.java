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
import org.tanji.core.model.StudyInfo;

/**
 * IPCC 100-year global warming potentials for AR4, AR5 and AR6, from the project's reference data
 * ({@code gwp100.csv}, copied from {@code shared/data}), and for the Second and Third Assessment
 * Reports ({@code gwp100-sar-tar.csv}) that older reports use.
 */
public final class Gwp {

  private static final Map<GwpSet, Map<String, Double>> TABLE = load();

  /**
   * Gases reported as the mass of one element: nitrogen as N₂O-N, carbon as CO₂-C or CH₄-C. The
   * factor turns the element's mass into the gas's (44/28 for N₂O-N: two N of 14 in N₂O of 44).
   */
  private static final Map<String, Element> ELEMENTS = Map.of(
      "N2O-N", new Element("N2O", 44.0 / 28.0, "44/28"),
      "CO2-C", new Element("CO2", 44.0 / 12.0, "44/12"),
      "CH4-C", new Element("CH4", 16.0 / 12.0, "16/12"));

  /**
   * A gas reported as its element.
   *
   * @param gas the gas whose GWP applies
   * @param factor mass of the gas per mass of the element
   * @param ratio the factor as written (44/28)
   */
  public record Element(String gas, double factor, String ratio) {}

  private Gwp() {}

  /** The GWP of a gas in a set, if the table has it. */
  public static OptionalDouble of(GwpSet set, String gas) {
    Double v = TABLE.get(set).get(gas);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /**
   * The GWP a study weights a gas with: its own table's value when it has one (CO₂ is 1 by
   * definition), else its IPCC set's; empty when neither has the gas.
   */
  public static OptionalDouble of(StudyInfo info, String gas) {
    if (!info.customGwp().isEmpty()) {
      Double v = info.customGwp().get(gas);
      return v != null ? OptionalDouble.of(v) : gas.equals("CO2") ? OptionalDouble.of(1) : OptionalDouble.empty();
    }
    return info.gwp() == null ? OptionalDouble.empty() : of(info.gwp(), gas);
  }

  /** How a gas key reported as an element (N2O-N, CO2-C, CH4-C) converts to its gas, if it is one. */
  public static Optional<Element> element(String key) {
    return Optional.ofNullable(ELEMENTS.get(key));
  }

  /** The gas whose GWP weights a gas key: N2O for N2O-N, the key itself otherwise. */
  public static String gasOf(String key) {
    return element(key).map(Element::gas).orElse(key);
  }

  /** The gases the table knows, in table order. */
  public static java.util.Set<String> gases() {
    return TABLE.get(GwpSet.AR5).keySet();
  }

  /** A gas name the table knows (or an element form) that differs only in case or by a typo, if any. */
  public static Optional<String> suggest(String gas) {
    java.util.List<String> known = new java.util.ArrayList<>(gases());
    known.addAll(ELEMENTS.keySet().stream().sorted().toList());
    return Spelling.closest(gas, known);
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
    try (InputStream in = Gwp.class.getResourceAsStream("/org/tanji/core/data/gwp100-sar-tar.csv");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      if (header == null || !header.startsWith("gas,SAR,TAR")) {
        throw new IllegalStateException("gwp100-sar-tar.csv: unexpected header " + header);
      }
      String line;
      while ((line = reader.readLine()) != null) {
        String[] cols = line.split(",", 4);
        if (line.isBlank()) {
          continue;
        }
        // an empty cell: the report gives no value for the gas (SAR has none for NF3)
        if (!cols[1].isEmpty()) {
          table.get(GwpSet.SAR).put(cols[0], Double.parseDouble(cols[1]));
        }
        if (!cols[2].isEmpty()) {
          table.get(GwpSet.TAR).put(cols[0], Double.parseDouble(cols[2]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the SAR/TAR GWP table", e);
    }
    table.replaceAll((k, v) -> Collections.unmodifiableMap(v));
    return Collections.unmodifiableMap(table);
  }
}

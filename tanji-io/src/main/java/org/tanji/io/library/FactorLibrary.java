package org.tanji.io.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tanji.core.model.Factor;
import org.tanji.core.model.Finding;
import org.tanji.core.i18n.Spelling;

/**
 * Emission factors a study may use by id without defining them: the built-in public data
 * (electricity CO₂ factors by year and region, national electricity footprint factors, fuel
 * defaults, CPCD material and transport factors) and a user's own imported factors.
 *
 * <p>Id scheme (stable, readable, lower case):
 * <ul>
 *   <li>{@code cn-electricity-co2-<year>-<region>}: MEE/NBS average electricity CO₂ factors, region
 *       {@code national}, a grid region ({@code grid-east} …) or a province in pinyin
 *       ({@code shandong}, {@code inner-mongolia});</li>
 *   <li>{@code cn-fuel-<fuel>}: combustion CO₂ from the GB/T 32151 default parameters;</li>
 *   <li>the ids of {@code cn-reference-factors.csv} as published there
 *       ({@code cn-electricity-footprint-2023}, {@code cpcd-rail} …);</li>
 *   <li>a user library's own ids, which may not repeat a built-in one.</li>
 * </ul>
 */
public final class FactorLibrary {

  private static final String RESOURCES = "/org/tanji/io/library/";
  private static volatile FactorLibrary builtIn;

  private final Map<String, Factor> factors;

  FactorLibrary(Map<String, Factor> factors) {
    this.factors = Collections.unmodifiableMap(new LinkedHashMap<>(factors));
  }

  /** No factors at all. */
  public static FactorLibrary empty() {
    return new FactorLibrary(Map.of());
  }

  /** The factors that come with Tanji, from the project's public reference data. */
  public static FactorLibrary builtIn() {
    FactorLibrary b = builtIn;
    if (b == null) {
      Map<String, Factor> all = new LinkedHashMap<>();
      BuiltInData.electricity(csv("cn-electricity-co2-factors.csv"), all);
      BuiltInData.reference(csv("cn-reference-factors.csv"), all);
      BuiltInData.fuels(csv("cn-fuel-defaults.csv"), all);
      b = new FactorLibrary(all);
      builtIn = b;
    }
    return b;
  }

  static CsvRows csv(String name) {
    try (InputStream in = FactorLibrary.class.getResourceAsStream(RESOURCES + name)) {
      List<Finding> findings = new ArrayList<>();
      CsvRows rows = CsvRows.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), findings);
      if (rows == null) {
        throw new IllegalStateException("built-in factor data " + name + " is unreadable: " + findings);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read built-in factor data " + name, e);
    }
  }

  /** This library and another one; an id in both is a mistake the caller has prevented. */
  public FactorLibrary with(FactorLibrary other) {
    Map<String, Factor> all = new LinkedHashMap<>(factors);
    all.putAll(other.factors);
    return new FactorLibrary(all);
  }

  /** The factor with this id, if the library has it. */
  public Optional<Factor> find(String id) {
    return Optional.ofNullable(factors.get(id));
  }

  public boolean contains(String id) {
    return factors.containsKey(id);
  }

  public Collection<Factor> all() {
    return factors.values();
  }

  public int size() {
    return factors.size();
  }

  /**
   * Factors whose id, name, source, region or note contain every word of the text (any case), in
   * library order.
   *
   * @param text words to look for; blank matches everything
   * @param region a region to keep (matched in the region and the id), or null
   * @param year a data year to keep, or null
   */
  public List<Factor> search(String text, String region, Integer year) {
    String[] words = text == null ? new String[0] : text.toLowerCase(Locale.ROOT).strip().split("\\s+");
    List<Factor> out = new ArrayList<>();
    for (Factor f : factors.values()) {
      String hay = String.join(" ", nonNull(f.id()), nonNull(f.name()), nonNull(f.source()), nonNull(f.region()),
          nonNull(f.note())).toLowerCase(Locale.ROOT);
      boolean all = true;
      for (String w : words) {
        all &= w.isEmpty() || hay.contains(w);
      }
      if (!all) {
        continue;
      }
      if (region != null && !(nonNull(f.region()) + " " + f.id()).toLowerCase(Locale.ROOT)
          .contains(region.toLowerCase(Locale.ROOT).strip())) {
        continue;
      }
      if (year != null && !year.equals(f.year())) {
        continue;
      }
      out.add(f);
    }
    return out;
  }

  /** The closest id to a misspelt one, for "did you mean". */
  public Optional<String> suggest(String id) {
    return Spelling.closest(id, factors.keySet());
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}

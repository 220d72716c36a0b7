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
import java.util.function.Supplier;
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
  private static final FactorLibrary BUILT_IN = new FactorLibrary(FactorLibrary::builtInFactors);
  /**
   * Every built-in id starts with one of these (a test checks), so that a study's own factor keys
   * ({@code grid}, {@code round-steel}) are known not to shadow one without parsing the data.
   */
  static final List<String> BUILT_IN_PREFIXES = List.of("cn-", "cpcd-");

  /** The factors by id; the built-in library's are parsed on first use (see {@link #builtIn}). */
  private final Supplier<Map<String, Factor>> factors;

  FactorLibrary(Map<String, Factor> factors) {
    Map<String, Factor> copy = Collections.unmodifiableMap(new LinkedHashMap<>(factors));
    this.factors = () -> copy;
  }

  private FactorLibrary(Supplier<Map<String, Factor>> factors) {
    this.factors = factors;
  }

  /** No factors at all. */
  public static FactorLibrary empty() {
    return new FactorLibrary(Map.of());
  }

  /**
   * The factors that come with Tanji, from the project's public reference data. Their data files are
   * parsed when a factor is first looked up, not here: a study that defines its own factors never
   * needs them, and parsing them was a third of {@code tanji calc}'s start (bench/startup.sh).
   */
  public static FactorLibrary builtIn() {
    return BUILT_IN;
  }

  private static Map<String, Factor> builtInFactors() {
    return BuiltIn.FACTORS;
  }

  /** The built-in factors, parsed once when this class is first used (the JVM makes that thread-safe). */
  private static final class BuiltIn {
    static final Map<String, Factor> FACTORS;

    static {
      Map<String, Factor> all = new LinkedHashMap<>();
      BuiltInData.electricity(csv("cn-electricity-co2-factors.csv"), all);
      BuiltInData.reference(csv("cn-reference-factors.csv"), all);
      BuiltInData.fuels(csv("cn-fuel-defaults.csv"), all);
      FACTORS = Collections.unmodifiableMap(all);
    }
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
    Map<String, Factor> all = new LinkedHashMap<>(factors.get());
    all.putAll(other.factors.get());
    return new FactorLibrary(all);
  }

  /** The factor with this id, if the library has it. */
  public Optional<Factor> find(String id) {
    return mayHold(id) ? Optional.ofNullable(factors.get().get(id)) : Optional.empty();
  }

  public boolean contains(String id) {
    return mayHold(id) && factors.get().containsKey(id);
  }

  /** False when the id cannot be in this library, decided without parsing the built-in data. */
  private boolean mayHold(String id) {
    if (this != BUILT_IN) {
      return true;
    }
    for (String prefix : BUILT_IN_PREFIXES) {
      if (id.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  public Collection<Factor> all() {
    return factors.get().values();
  }

  public int size() {
    return factors.get().size();
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
    for (Factor f : factors.get().values()) {
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
    return Spelling.closest(id, factors.get().keySet());
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}

package org.tanji.core.model;

import java.util.List;
import org.tanji.core.units.ExchangeRate;

/**
 * The {@code study:} block. Every field but {@code standards} and {@code stages} may be null when
 * the file leaves it out; the reader has said so in a finding.
 *
 * @param boundary a named system boundary, or null when the study lists its stages or states none
 * @param stages the stages inside the boundary when the study lists them instead of naming one
 *     ({@code boundary: [production, packaging, distribution]}); empty otherwise
 * @param customGwp the study's own GWP100 values by gas ({@code gwp: {CH4: 30, N2O: 300}}) when it
 *     names no IPCC set; empty otherwise
 * @param exchangeRates the rates between currencies the study gives ({@code exchangeRates: {USD: 7.10 CNY}}),
 *     at most one for each pair of currencies; empty when it gives none
 */
public record StudyInfo(
    String title,
    String language,
    List<String> standards,
    Boundary boundary,
    Period period,
    GwpSet gwp,
    List<Stage> stages,
    java.util.Map<String, Double> customGwp,
    List<ExchangeRate> exchangeRates) {

  public StudyInfo {
    standards = standards == null ? List.of() : List.copyOf(standards);
    stages = stages == null ? List.of() : List.copyOf(stages);
    customGwp = customGwp == null ? java.util.Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customGwp));
    exchangeRates = exchangeRates == null ? List.of() : List.copyOf(exchangeRates);
    for (int i = 0; i < exchangeRates.size(); i++) {
      ExchangeRate r = exchangeRates.get(i);
      // a second rate for a pair could only agree or conflict; the reader reports either
      if (ExchangeRate.between(exchangeRates.subList(0, i), r.currency().dimension(), r.rate().dimension())
          .isPresent()) {
        throw new IllegalArgumentException("two exchange rates for one pair of currencies: " + r);
      }
    }
  }

  /** A study block with a named boundary (or none) and an IPCC GWP set (or none). */
  public StudyInfo(String title, String language, List<String> standards, Boundary boundary, Period period,
      GwpSet gwp) {
    this(title, language, standards, boundary, period, gwp, List.of(), java.util.Map.of(), List.of());
  }

  /** True when gas-level emissions can be weighted: an IPCC set or the study's own table. */
  public boolean hasGwp() {
    return gwp != null || !customGwp.isEmpty();
  }

  public static StudyInfo empty() {
    return new StudyInfo(null, null, List.of(), null, null, null);
  }

  /** True when the study names a boundary or lists its stages. */
  public boolean hasBoundary() {
    return boundary != null || !stages.isEmpty();
  }

  /**
   * Whether a stage lies inside the study's boundary: among the listed stages, or inside the named
   * boundary. Without a boundary nothing lies outside it.
   */
  public boolean includes(Stage stage) {
    if (!stages.isEmpty()) {
      return stages.contains(stage);
    }
    return boundary == null || boundary.includes(stage);
  }

  /** The boundary as written in the file: its id, or the listed stages' ids in brackets. */
  public String boundaryText() {
    if (!stages.isEmpty()) {
      return "[" + String.join(", ", stages.stream().map(Stage::id).toList()) + "]";
    }
    return boundary == null ? "" : boundary.id();
  }
}

package org.tanji.core.uncertainty;

import java.util.List;

/**
 * Two studies (or two versions of one) simulated side by side: run r of both draws the factors
 * they share from the same numbers, so that what they have in common does not blur the difference.
 *
 * @param a the first study's simulation
 * @param b the second's
 * @param difference the spread of A − B per declared unit, kgCO₂e
 * @param probabilityALower the share of runs in which A's footprint per declared unit is below B's
 * @param shared the factors drawn in common, by key (or library id)
 */
public record Comparison(UncertaintyResult a, UncertaintyResult b, Summary difference, double probabilityALower,
    List<String> shared) {

  public Comparison {
    shared = List.copyOf(shared);
  }
}

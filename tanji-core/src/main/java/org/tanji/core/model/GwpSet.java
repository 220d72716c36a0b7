package org.tanji.core.model;

import java.util.Arrays;
import java.util.Optional;

/** The IPCC assessment report whose 100-year GWPs weight gas-level emissions. */
public enum GwpSet {
  AR4, AR5, AR6;

  public static Optional<GwpSet> fromId(String id) {
    return Arrays.stream(values()).filter(g -> g.name().equals(id)).findFirst();
  }
}

package org.tanji.core.model;

import java.util.Optional;

/** The IPCC assessment report whose 100-year GWPs weight gas-level emissions. */
public enum GwpSet implements Identified {
  AR4, AR5, AR6;

  @Override
  public String id() {
    return name();
  }

  public static Optional<GwpSet> fromId(String id) {
    return Identified.byId(GwpSet.class, id);
  }
}

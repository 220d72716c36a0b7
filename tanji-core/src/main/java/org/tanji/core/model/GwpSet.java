package org.tanji.core.model;

import java.util.Optional;

/**
 * The IPCC assessment report whose 100-year GWPs weight gas-level emissions: the Second (1995) and
 * Third (2001) for older reports, AR4 to AR6 for current ones. A study may give a table of its own
 * instead ({@link StudyInfo#customGwp()}).
 */
public enum GwpSet implements Identified {
  SAR, TAR, AR4, AR5, AR6;

  @Override
  public String id() {
    return name();
  }

  public static Optional<GwpSet> fromId(String id) {
    return Identified.byId(GwpSet.class, id);
  }
}

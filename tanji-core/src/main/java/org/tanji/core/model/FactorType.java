package org.tanji.core.model;

import java.util.Optional;

/**
 * Where an emission factor comes from, with the data-quality points the seed reports' method
 * gives to each class (measured 6 … international 1).
 */
public enum FactorType implements Identified {
  MEASURED("measured", 6),
  PROCESS("process", 5),
  SUPPLIER("supplier", 4),
  REGIONAL("regional", 3),
  NATIONAL("national", 2),
  INTERNATIONAL("international", 1);

  private final String id;
  private final int points;

  FactorType(String id, int points) {
    this.id = id;
    this.points = points;
  }

  @Override
  public String id() {
    return id;
  }

  /** Data-quality points for a factor of this class. */
  public int points() {
    return points;
  }

  public static Optional<FactorType> fromId(String id) {
    return Identified.byId(FactorType.class, id);
  }
}

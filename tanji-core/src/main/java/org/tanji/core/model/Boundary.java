package org.tanji.core.model;

import java.util.Optional;

/** The system boundary of a study. */
public enum Boundary implements Identified {
  CRADLE_TO_GATE("cradle-to-gate"),
  CRADLE_TO_GRAVE("cradle-to-grave"),
  GATE_TO_GATE("gate-to-gate");

  private final String id;

  Boundary(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }

  public static Optional<Boundary> fromId(String id) {
    return Identified.byId(Boundary.class, id);
  }
}

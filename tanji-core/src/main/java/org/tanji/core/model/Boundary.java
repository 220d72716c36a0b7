package org.tanji.core.model;

import java.util.Arrays;
import java.util.Optional;

/** The system boundary of a study. */
public enum Boundary {
  CRADLE_TO_GATE("cradle-to-gate"),
  CRADLE_TO_GRAVE("cradle-to-grave"),
  GATE_TO_GATE("gate-to-gate");

  private final String id;

  Boundary(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<Boundary> fromId(String id) {
    return Arrays.stream(values()).filter(b -> b.id.equals(id)).findFirst();
  }
}

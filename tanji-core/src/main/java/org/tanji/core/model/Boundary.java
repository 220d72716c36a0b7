package org.tanji.core.model;

import java.util.Optional;

/** The system boundary of a study. */
public enum Boundary implements Identified {
  CRADLE_TO_GATE("cradle-to-gate"),
  /** Cradle-to-gate plus the distribution to the customer, as business-to-business reports often draw it. */
  CRADLE_TO_CUSTOMER("cradle-to-customer"),
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

  /**
   * Whether a life-cycle stage lies inside this boundary: cradle-to-gate ends at the factory gate
   * (no distribution, use or end of life); cradle-to-customer adds the distribution; gate-to-gate
   * also leaves out raw-material acquisition and its transport.
   */
  public boolean includes(Stage stage) {
    return switch (this) {
      case CRADLE_TO_GRAVE -> true;
      case CRADLE_TO_GATE -> stage != Stage.DISTRIBUTION && stage != Stage.USE && stage != Stage.END_OF_LIFE;
      case CRADLE_TO_CUSTOMER -> stage != Stage.USE && stage != Stage.END_OF_LIFE;
      case GATE_TO_GATE -> stage == Stage.PRODUCTION || stage == Stage.PACKAGING || stage == Stage.WASTE;
    };
  }

  public static Optional<Boundary> fromId(String id) {
    return Identified.byId(Boundary.class, id);
  }
}

package org.tanji.core.model;

import java.util.Optional;

/** How shared inputs are split between the studied product and its coproducts. */
public enum Allocation implements Identified {
  MASS("mass"),
  ECONOMIC("economic");

  private final String id;

  Allocation(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }

  public static Optional<Allocation> fromId(String id) {
    return Identified.byId(Allocation.class, id);
  }
}

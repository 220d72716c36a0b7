package org.tanji.core.model;

import java.util.Arrays;
import java.util.Optional;

/** How shared inputs are split between the studied product and its coproducts. */
public enum Allocation {
  MASS("mass"),
  ECONOMIC("economic");

  private final String id;

  Allocation(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<Allocation> fromId(String id) {
    return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
  }
}

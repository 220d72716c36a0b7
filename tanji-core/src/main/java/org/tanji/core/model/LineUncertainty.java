package org.tanji.core.model;

/**
 * The uncertainty a line gives its quantities: its amount, or for a transport line its mass and
 * distance. Each part may be null (that quantity stays fixed); an amount line has no mass or
 * distance part, a transport line no amount part.
 */
public record LineUncertainty(Uncertainty amount, Uncertainty mass, Uncertainty distance) {

  public LineUncertainty {
    if (amount == null && mass == null && distance == null) {
      throw new IllegalArgumentException("a line's uncertainty needs at least one part");
    }
  }

  /** The uncertainty of an amount line. */
  public static LineUncertainty ofAmount(Uncertainty amount) {
    return new LineUncertainty(amount, null, null);
  }
}

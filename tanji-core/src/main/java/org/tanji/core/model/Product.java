package org.tanji.core.model;

import org.tanji.core.units.Quantity;

/**
 * The studied product.
 *
 * @param name the product's name
 * @param declaredUnit the quantity the footprint is expressed for ({@code 1 t}, {@code 1 piece})
 * @param output how much was produced in the period; same dimension as the declared unit
 * @param massPerUnit the mass of one declared unit, or null; needed for per-kg figures of counts
 * @param price the value of one declared unit (economic allocation), or null
 * @param description free text, or null
 */
public record Product(
    String name,
    Quantity declaredUnit,
    Quantity output,
    Quantity massPerUnit,
    Double price,
    String description) {

  public static Product empty() {
    return new Product(null, null, null, null, null, null);
  }
}

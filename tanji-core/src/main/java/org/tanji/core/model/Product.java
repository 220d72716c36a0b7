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
 * @param customsCode its CN or HS code, or null; exchange formats (PACT, CBAM) name the product by it
 * @param geography where it is made, or null when the study does not say
 * @param fossilCarbon the fossil carbon in one declared unit (a mass of C), or null when not assessed
 */
public record Product(
    String name,
    Quantity declaredUnit,
    Quantity output,
    Quantity massPerUnit,
    Double price,
    String description,
    CustomsCode customsCode,
    Geography geography,
    Quantity fossilCarbon) {

  /** A product without customs code, geography or fossil carbon content. */
  public Product(String name, Quantity declaredUnit, Quantity output, Quantity massPerUnit, Double price,
      String description) {
    this(name, declaredUnit, output, massPerUnit, price, description, null, null, null);
  }

  public static Product empty() {
    return new Product(null, null, null, null, null, null);
  }
}

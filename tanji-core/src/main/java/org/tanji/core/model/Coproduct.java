package org.tanji.core.model;

import org.tanji.core.units.Quantity;

/**
 * Another product made from the same inputs, for allocation.
 *
 * @param name its name
 * @param output how much of it was produced in the period
 * @param price value of one of its declared units (or of one unit of its output), or null
 * @param declaredUnit the unit its price and mass refer to, or null for one unit of its output
 * @param massPerUnit mass of one declared unit when the output is a count, or null
 */
public record Coproduct(String name, Quantity output, Double price, Quantity declaredUnit, Quantity massPerUnit) {}

package org.tanji.io.pact;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The time a ProductFootprint may be used in (PACT v3, "Validity period"): from
 * {@code validityPeriodStart} (including) to {@code validityPeriodEnd} (excluding). A bound the
 * footprint leaves out is the specification's default: the reference period's end, and three years
 * after it. The import, which judges a supplier's footprint, and the host, which filters its own
 * footprints by validity, both read the period here, so they cannot disagree.
 *
 * @param from the first instant of validity
 * @param until the first instant the footprint is no longer valid
 * @param declared whether the footprint gives both bounds itself
 */
public record PactValidity(Instant from, Instant until, boolean declared) {

  /** How long a footprint that gives no end stays valid after its reference period. */
  public static final Period DEFAULT_LENGTH = Period.ofYears(3);

  public PactValidity {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
  }

  /**
   * The validity period of a footprint with these bounds, each given or not.
   *
   * @throws DateTimeException when the reference period ends so late that three years after it
   *     cannot be written (the year 999,999,999)
   */
  public static PactValidity of(Optional<Instant> start, Optional<Instant> end, Instant referencePeriodEnd) {
    Instant from = start.orElse(referencePeriodEnd);
    Instant until = end.isPresent() ? end.get() : defaultEnd(referencePeriodEnd);
    return new PactValidity(from, until, start.isPresent() && end.isPresent());
  }

  /** Three years after the reference period's end, in UTC: 29 February 2024 gives 28 February 2027. */
  public static Instant defaultEnd(Instant referencePeriodEnd) {
    return referencePeriodEnd.atOffset(ZoneOffset.UTC).plus(DEFAULT_LENGTH).toInstant();
  }

  /** True when the period holds no instant: its end is before its start. */
  public boolean reversed() {
    return until.isBefore(from);
  }
}

package org.tanji.core.model;

import java.time.LocalDate;
import java.util.Objects;

/** The time boundary of a study: first and last day, both included. */
public record Period(LocalDate start, LocalDate end) {
  public Period {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("period ends before it starts: " + start + " to " + end);
    }
  }
}

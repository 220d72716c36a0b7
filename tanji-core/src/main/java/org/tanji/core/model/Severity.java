package org.tanji.core.model;

import java.util.Locale;

/** How serious a finding is. */
public enum Severity {
  /** The study cannot be computed. */
  ERROR,
  /** Computed, but something needs the assessor's attention. */
  WARNING,
  /** Worth knowing; nothing wrong. */
  INFO;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}

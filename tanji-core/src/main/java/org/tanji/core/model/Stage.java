package org.tanji.core.model;

import java.util.Arrays;
import java.util.Optional;

/** A life-cycle stage, as written in study files ({@code raw-materials}, {@code transport} …). */
public enum Stage {
  RAW_MATERIALS("raw-materials"),
  TRANSPORT("transport"),
  PRODUCTION("production"),
  PACKAGING("packaging"),
  WASTE("waste"),
  DISTRIBUTION("distribution"),
  USE("use"),
  END_OF_LIFE("end-of-life");

  private final String id;

  Stage(String id) {
    this.id = id;
  }

  /** The identifier used in study files and in the result JSON. */
  public String id() {
    return id;
  }

  /** The message key of the stage's display name. */
  public String textKey() {
    return "stage." + id;
  }

  public static Optional<Stage> fromId(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
  }
}

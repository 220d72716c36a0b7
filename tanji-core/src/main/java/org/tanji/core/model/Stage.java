package org.tanji.core.model;

import java.util.Optional;

/** A life-cycle stage, as written in study files ({@code raw-materials}, {@code transport} …). */
public enum Stage implements Identified {
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

  @Override
  public String id() {
    return id;
  }

  /** The message key of the stage's display name. */
  public String textKey() {
    return "stage." + id;
  }

  public static Optional<Stage> fromId(String id) {
    return Identified.byId(Stage.class, id);
  }
}

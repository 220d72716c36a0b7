package org.tanji.core.model;

import java.util.Optional;

/**
 * The data-quality levels of one inventory line (seed 003's method). Each part may be absent;
 * the calculator scores an absent part 1 and says so.
 *
 * @param activity how the activity amount was obtained, or null
 * @param calibration how the instruments were calibrated, or null
 * @param factorPoints points for the emission factor overriding its type (1–6), or null
 */
public record Quality(ActivityLevel activity, Calibration calibration, Integer factorPoints) {

  public Quality {
    if (factorPoints != null && (factorPoints < 1 || factorPoints > 6)) {
      throw new IllegalArgumentException("factor points must be 1 to 6: " + factorPoints);
    }
  }

  /** How an activity amount was obtained. */
  public enum ActivityLevel implements Identified {
    CONTINUOUS("continuous", 6),
    PERIODIC("periodic", 3),
    ESTIMATED("estimated", 1);

    private final String id;
    private final int points;

    ActivityLevel(String id, int points) {
      this.id = id;
      this.points = points;
    }

    @Override
    public String id() {
      return id;
    }

    public int points() {
      return points;
    }

    public static Optional<ActivityLevel> fromId(String id) {
      return Identified.byId(ActivityLevel.class, id);
    }
  }

  /** Whether the measuring instruments were calibrated to rule. */
  public enum Calibration implements Identified {
    COMPLIANT("compliant", 6),
    PARTIAL("partial", 3),
    NONE("none", 1);

    private final String id;
    private final int points;

    Calibration(String id, int points) {
      this.id = id;
      this.points = points;
    }

    @Override
    public String id() {
      return id;
    }

    public int points() {
      return points;
    }

    public static Optional<Calibration> fromId(String id) {
      return Identified.byId(Calibration.class, id);
    }
  }
}

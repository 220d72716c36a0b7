package org.tanji.core.uncertainty;

import org.tanji.core.model.Factor;
import org.tanji.core.model.FactorType;
import org.tanji.core.model.Quality;
import org.tanji.core.model.Uncertainty;
import org.tanji.core.model.Uncertainty.PedigreeScores;

/**
 * Distributions from the seed reports' data-quality levels, for studies that ask for them with
 * {@code uncertainty: {fromQuality: true}}: each level becomes pedigree scores, and the pedigree
 * matrix turns those into a lognormal. The table is in docs/uncertainty.md.
 *
 * <p>Activity data (amount, mass): reliability from how it was obtained and how the instruments
 * were calibrated, the worse of the two (continuous or compliant 1, periodic or partial 2,
 * estimated 4, no calibration rule 3; a missing level counts as the worst); the other
 * indicators 1, as the data are the plant's own for the period; basic variance 0.0006. A
 * transport distance: the same, with the transport basic variance 0.12. Factors: by type.
 */
public final class QualityMapping {

  private QualityMapping() {}

  /** The distribution of an amount or a transport mass. */
  public static Uncertainty activity(Quality quality) {
    return new Uncertainty.Pedigree(activityScores(quality), Pedigree.BASIC_ENERGY);
  }

  /** The distribution of a transport distance. */
  public static Uncertainty distance(Quality quality) {
    return new Uncertainty.Pedigree(activityScores(quality), Pedigree.BASIC_TRANSPORT);
  }

  /** The distribution of a factor's value, from its type (a factor without one scores worst). */
  public static Uncertainty factor(Factor factor) {
    return new Uncertainty.Pedigree(factorScores(factor.type()), Pedigree.BASIC_ENERGY);
  }

  static PedigreeScores activityScores(Quality q) {
    int activity = 4;
    int calibration = 3;
    if (q != null && q.activity() != null) {
      activity = switch (q.activity()) {
        case CONTINUOUS -> 1;
        case PERIODIC -> 2;
        case ESTIMATED -> 4;
      };
    }
    if (q != null && q.calibration() != null) {
      calibration = switch (q.calibration()) {
        case COMPLIANT -> 1;
        case PARTIAL -> 2;
        case NONE -> 3;
      };
    }
    return new PedigreeScores(Math.max(activity, calibration), 1, 1, 1, 1);
  }

  static PedigreeScores factorScores(FactorType type) {
    if (type == null) {
      return new PedigreeScores(4, 3, 3, 4, 4);
    }
    return switch (type) {
      case MEASURED -> new PedigreeScores(1, 1, 1, 1, 1);
      case PROCESS -> new PedigreeScores(2, 2, 2, 1, 2);
      case SUPPLIER -> new PedigreeScores(2, 3, 2, 2, 2);
      case REGIONAL -> new PedigreeScores(2, 2, 3, 2, 3);
      case NATIONAL -> new PedigreeScores(2, 2, 3, 3, 3);
      case INTERNATIONAL -> new PedigreeScores(3, 3, 3, 4, 4);
    };
  }
}

package org.tanji.core.cbam;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.tanji.core.cbam.GoodsCategory.Sector;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Finding;

/**
 * What an importer declares when the producer stays silent: the EU default value with the mark-up
 * of the year of import, beside the producer's actual embedded emissions, per tonne and for an
 * export volume. Both sides count the emissions CBAM charges for the good's sector: direct only
 * for iron and steel, aluminium and hydrogen (Annex II of Regulation (EU) 2023/956), direct and
 * indirect for cement and fertilisers.
 *
 * @param cn the good's CN code as written
 * @param year the year of import whose mark-up applies
 * @param markUp the mark-up as a fraction (0.10 in 2026)
 * @param defaultValue the default value counted for the sector, before the mark-up (t CO₂e/t)
 * @param markedUp the default value with the mark-up (t CO₂e/t)
 * @param actual the actual specific embedded emissions counted for the sector (t CO₂e/t); empty
 *     when Tanji could not compute them (the findings say why)
 * @param volume the export volume in t, when given
 */
public record CostOfSilence(String cn, int year, double markUp, double defaultValue, double markedUp,
    OptionalDouble actual, OptionalDouble volume) {

  public static final String NOT_COMPARED = "CBAM_DEFAULT_NOT_COMPARED";

  /** The first year of the definitive period, the first whose imports carry the mark-up. */
  public static final int FIRST_YEAR = 2026;

  public CostOfSilence {
    Objects.requireNonNull(cn, "cn");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(volume, "volume");
  }

  /**
   * The mark-up on default values for imports in a year: 10 % in 2026, 20 % in 2027, 30 % from
   * 2028, the schedule of the Commission's default values for the definitive period (docs/cbam.md).
   *
   * @throws IllegalArgumentException for a year before 2026, when no certificates were due
   */
  public static double markUp(int year) {
    if (year < FIRST_YEAR) {
      throw new IllegalArgumentException("the definitive period starts in 2026; no mark-up applies in " + year);
    }
    return switch (year) {
      case 2026 -> 0.10;
      case 2027 -> 0.20;
      default -> 0.30;
    };
  }

  /** The comparisons for every good with a default value, and findings for those that cannot be compared. */
  public record Comparison(List<CostOfSilence> costs, List<Finding> findings) {
    public Comparison {
      costs = List.copyOf(costs);
      findings = List.copyOf(findings);
    }
  }

  /**
   * The year goods made in the file's reporting period are imported in, when nobody says: the year
   * after the period ends, and {@link #FIRST_YEAR} at the earliest (no mark-up applies before it).
   */
  public static int importYear(CbamResult result) {
    return Math.max(FIRST_YEAR, result.installation().period().end().getYear() + 1);
  }

  /**
   * Compares every good of the file that gives an EU default value (the goods of the input and of
   * its result are in the same order).
   *
   * @throws IllegalArgumentException for a year before 2026
   */
  public static Comparison compare(CbamInput input, CbamResult result, int year, OptionalDouble volume) {
    List<CostOfSilence> costs = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < input.goods().size(); i++) {
      Good good = input.goods().get(i);
      if (good.euDefault() == null) {
        continue;
      }
      Optional<CostOfSilence> c = of(result.goods().get(i), good.euDefault(), year, volume);
      if (c.isPresent()) {
        costs.add(c.get());
      } else {
        Optional<GoodsCategory> category = result.goods().get(i).category();
        String why = category.isEmpty() ? "cbam.silence.notCbam"
            : category.get().sector() == Sector.FERTILISERS ? "cbam.silence.fertilisers" : "cbam.silence.noIndirect";
        findings.add(Finding.warning(NOT_COMPARED, good.euDefault().where(), Text.of(why, good.cn())));
      }
    }
    return new Comparison(costs, findings);
  }

  /** True when CBAM charges the indirect emissions of goods of this sector. */
  static boolean countsIndirect(Sector sector) {
    return sector == Sector.CEMENT || sector == Sector.FERTILISERS;
  }

  /**
   * The comparison for one good, or empty when its CN code is not a CBAM good, when it is a
   * fertiliser (whose default values follow another schedule of mark-ups) or, for a good whose
   * indirect emissions count, the default value gives no indirect part.
   *
   * @param volume the export volume in t, when wanted
   * @throws IllegalArgumentException for a year before 2026
   */
  public static Optional<CostOfSilence> of(CbamResult.GoodResult good, DefaultValue dv, int year,
      OptionalDouble volume) {
    double markUp = markUp(year);
    if (good.category().isEmpty()) {
      return Optional.empty();
    }
    Sector sector = good.category().get().sector();
    if (sector == Sector.FERTILISERS) {
      return Optional.empty();
    }
    boolean indirect = countsIndirect(sector);
    if (indirect && dv.indirect().isEmpty()) {
      return Optional.empty();
    }
    double counted = dv.direct() + (indirect ? dv.indirect().getAsDouble() : 0);
    OptionalDouble actual = indirect ? good.seeTotal() : good.seeDirect();
    return Optional.of(new CostOfSilence(good.cn(), year, markUp, counted, counted * (1 + markUp), actual,
        volume));
  }

  /** Marked-up default minus actual, per tonne (t CO₂e/t); empty when the actual is unknown. */
  public OptionalDouble differencePerTonne() {
    return actual.isPresent() ? OptionalDouble.of(markedUp - actual.getAsDouble()) : OptionalDouble.empty();
  }

  /** Emissions declared for the volume with the marked-up default (t CO₂e); empty without a volume. */
  public OptionalDouble defaultForVolume() {
    return volume.isPresent() ? OptionalDouble.of(markedUp * volume.getAsDouble()) : OptionalDouble.empty();
  }

  /** Emissions declared for the volume with the actual figure (t CO₂e); empty without volume or actual. */
  public OptionalDouble actualForVolume() {
    return volume.isPresent() && actual.isPresent()
        ? OptionalDouble.of(actual.getAsDouble() * volume.getAsDouble()) : OptionalDouble.empty();
  }

  /** The certificates' worth of emissions that silence costs for the volume (t CO₂e). */
  public OptionalDouble differenceForVolume() {
    OptionalDouble d = differencePerTonne();
    return volume.isPresent() && d.isPresent()
        ? OptionalDouble.of(d.getAsDouble() * volume.getAsDouble()) : OptionalDouble.empty();
  }
}

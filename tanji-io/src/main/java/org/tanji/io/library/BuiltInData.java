package org.tanji.io.library;

import java.util.Locale;
import java.util.Map;
import org.tanji.core.model.Factor;
import org.tanji.core.model.FactorType;
import org.tanji.core.units.Quantity;
import org.tanji.core.units.Units;

/** Turns the rows of the shared reference data into library factors with their ids. */
final class BuiltInData {

  private BuiltInData() {}

  /** Province codes (GB/T 2260) to the pinyin used in ids. */
  private static final Map<String, String> PROVINCES = Map.ofEntries(
      Map.entry("110000", "beijing"), Map.entry("120000", "tianjin"), Map.entry("130000", "hebei"),
      Map.entry("140000", "shanxi"), Map.entry("150000", "inner-mongolia"), Map.entry("210000", "liaoning"),
      Map.entry("220000", "jilin"), Map.entry("230000", "heilongjiang"), Map.entry("310000", "shanghai"),
      Map.entry("320000", "jiangsu"), Map.entry("330000", "zhejiang"), Map.entry("340000", "anhui"),
      Map.entry("350000", "fujian"), Map.entry("360000", "jiangxi"), Map.entry("370000", "shandong"),
      Map.entry("410000", "henan"), Map.entry("420000", "hubei"), Map.entry("430000", "hunan"),
      Map.entry("440000", "guangdong"), Map.entry("450000", "guangxi"), Map.entry("460000", "hainan"),
      Map.entry("500000", "chongqing"), Map.entry("510000", "sichuan"), Map.entry("520000", "guizhou"),
      Map.entry("530000", "yunnan"), Map.entry("540000", "tibet"), Map.entry("610000", "shaanxi"),
      Map.entry("620000", "gansu"), Map.entry("630000", "qinghai"), Map.entry("640000", "ningxia"),
      Map.entry("650000", "xinjiang"));

  static void electricity(CsvRows csv, Map<String, Factor> out) {
    for (CsvRows.Row r : csv.rows) {
      String level = r.get("level");
      String code = r.get("regionCode");
      String slug = switch (level) {
        case "national" -> "national";
        case "grid-region" -> code.toLowerCase(Locale.ROOT).replace('_', '-');
        case "province" -> PROVINCES.get(code);
        default -> throw new IllegalStateException("unknown level " + level + " on line " + r.line());
      };
      if (slug == null) {
        throw new IllegalStateException("no id for region code " + code + " on line " + r.line());
      }
      String year = r.get("dataYear");
      String id = "cn-electricity-co2-" + year + "-" + slug;
      Quantity value = Units.parseQuantity(r.get("value") + " " + r.get("unit"));
      FactorType type = level.equals("national") ? FactorType.NATIONAL : FactorType.REGIONAL;
      String name = r.get("regionName") + " 电力平均二氧化碳排放因子 " + year;
      String note = "MEE/NBS average CO2 emission factor of electricity (generation, CO2 only; not a life-cycle factor). "
          + r.get("url");
      out.put(id, new Factor(id, name, value, r.get("source"), type, Integer.valueOf(year), r.get("regionName"),
          "electricity generation (CO2 only)", note, r.get("publishedOn"), id));
    }
  }

  static void reference(CsvRows csv, Map<String, Factor> out) {
    for (CsvRows.Row r : csv.rows) {
      String id = r.get("id");
      Quantity value = Units.parseQuantity(r.get("value") + " " + r.get("unit"));
      String year = r.get("year");
      out.put(id, new Factor(id, r.get("name"), value, r.get("source"), FactorType.NATIONAL,
          year == null ? null : Integer.valueOf(year), "CN", r.get("boundary"), r.get("note"), null, id));
    }
  }

  /**
   * Combustion CO₂ of fuels: NCV × carbon content × oxidation rate × 44/12, with the derivation kept
   * in the note. The value is the data file's derived factor, which a test checks against the
   * product of its parameters.
   */
  static void fuels(CsvRows csv, Map<String, Factor> out) {
    for (CsvRows.Row r : csv.rows) {
      String id = "cn-fuel-" + r.get("fuel");
      Quantity value = Units.parseQuantity(r.get("derivedFactor") + " " + r.get("derivedUnit"));
      String derivation = r.get("ncv") + " " + r.get("ncvUnit") + " × " + r.get("carbonContent_tC_per_TJ")
          + " tC/TJ × " + r.get("oxidationRate") + " × 44/12";
      out.put(id, new Factor(id, r.get("name") + " (燃烧)", value, r.get("source"), FactorType.NATIONAL, null, "CN",
          "combustion (CO2 only)", derivation, null, id));
    }
  }

  /** The combustion factor a fuel row's parameters give, in t CO₂ per unit of fuel (for tests). */
  static double derive(CsvRows.Row r) {
    double ncvGjPerUnit = Double.parseDouble(r.get("ncv"));
    double carbonTcPerTj = Double.parseDouble(r.get("carbonContent_tC_per_TJ"));
    double oxidation = Double.parseDouble(r.get("oxidationRate"));
    return ncvGjPerUnit / 1000 * carbonTcPerTj * oxidation * 44 / 12;
  }
}

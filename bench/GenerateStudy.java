import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a large, realistic, deterministic study file for benchmarking {@code tanji calc}.
 *
 * <pre>
 *   java bench/GenerateStudy.java OUT.yaml LINES FACTORS [yaml|json] [uncertainty]
 * </pre>
 *
 * <p>With {@code uncertainty} the study asks for distributions from its quality levels
 * ({@code uncertainty: {fromQuality: true}}): every amount, mass, distance and factor gets a
 * pedigree lognormal, the heaviest case for {@code tanji uncertainty}.
 *
 * <p>The same arguments always give the same bytes (fixed seed). Factors have mixed dimensions
 * (per t, per kWh or MWh, per t*km, per m3, per Nm3) and types; every factor is used by at least
 * one line when LINES &ge; FACTORS; lines cover every stage, both amount lines and mass + distance
 * transport lines, each with a quality block. Magnitudes are chosen so that the study computes
 * without errors: raw-material input mass exceeds the product output, and the per-kg intensity
 * lies within the plausible range (0.05–1000 kgCO2e/kg). Numbers are plain decimals.
 *
 * <p>Single-file program for JDK 17+, no dependencies. It is benchmark tooling, not part of Tanji.
 */
public final class GenerateStudy {

  private static final long SEED = 42;

  /** Whether the study asks for distributions from its quality levels. */
  private static boolean uncertain;

  private static final String[] TYPES = {"measured", "process", "supplier", "regional", "national", "international"};
  private static final String[] ACTIVITY = {"continuous", "periodic", "estimated"};
  private static final String[] CALIBRATION = {"compliant", "partial", "none"};
  private static final String[] STAGES = {"raw-materials", "transport", "production", "packaging", "waste"};

  /** Kinds of factor: stage of the lines using it, name stems, value range, units. */
  enum Kind {
    MATERIAL("raw-materials", "mat", 40, new String[] {"圆钢", "Round steel bar", "Scrap steel", "Ferrochrome",
        "Ferromanganese", "Pig iron", "Alloy steel billet", "Molybdenum iron", "Quenching oil", "Refractory brick"}),
    ELECTRICITY("production", "grid", 10, new String[] {"电力", "Grid electricity", "Purchased electricity",
        "Green power PPA"}),
    GAS("production", "ng", 8, new String[] {"天然气", "Natural gas", "Pipeline gas", "LNG regasified"}),
    WATER("production", "water", 7, new String[] {"自来水", "Tap water", "Industrial water", "Cooling water make-up"}),
    TRANSPORT("transport", "freight", 20, new String[] {"道路货运", "Road freight", "Rail freight", "Inland barge",
        "Heavy truck"}),
    PACKAGING("packaging", "pack", 8, new String[] {"PP 吨袋", "PP bulk bag", "Steel drum", "Wooden pallet",
        "Stretch film"}),
    WASTE("waste", "waste", 7, new String[] {"一般固废处置", "Slag to landfill", "Scrap oil treatment",
        "Sludge disposal", "Dust to recovery"});

    final String stage;
    final String key;
    final int weight;
    final String[] names;

    Kind(String stage, String key, int weight, String[] names) {
      this.stage = stage;
      this.key = key;
      this.weight = weight;
      this.names = names;
    }
  }

  /** A factor; {@code perBase} is kgCO2e per t, kWh, t*km, m3 or Nm3. */
  record Factor(String key, String name, Kind kind, double perBase, String value, String source, String type,
      Integer year, String region) {}

  /** A line; {@code text} fields are already formatted quantities. */
  record Line(String name, String stage, String factor, String amount, String mass, String distance,
      String activity, String calibration, String source, double kgCO2e, double rawMassT) {}

  public static void main(String[] args) throws IOException {
    uncertain = args.length == 5 && args[4].equals("uncertainty");
    if (args.length < 3 || args.length > 5 || args.length == 5 && !uncertain) {
      System.err.println("usage: java bench/GenerateStudy.java OUT.yaml LINES FACTORS [yaml|json] [uncertainty]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int lines = Integer.parseInt(args[1]);
    int factors = Integer.parseInt(args[2]);
    String format = args.length >= 4 ? args[3].toLowerCase(Locale.ROOT)
        : args[0].toLowerCase(Locale.ROOT).endsWith(".json") ? "json" : "yaml";
    if (lines < 1 || factors < Kind.values().length) {
      System.err.println("GenerateStudy: need LINES >= 1 and FACTORS >= " + Kind.values().length);
      System.exit(2);
    }
    if (!format.equals("yaml") && !format.equals("json")) {
      System.err.println("GenerateStudy: format must be yaml or json, not " + format);
      System.exit(2);
    }
    if (lines < factors) {
      System.err.println("GenerateStudy: warning: " + lines + " lines cannot use all " + factors
          + " factors; expect UNUSED_FACTOR warnings");
    }

    SplittableRandom rnd = new SplittableRandom(SEED);
    List<Factor> fs = factors(rnd, factors);
    List<Line> ls = lines(rnd, fs, lines);

    double totalKg = 0;
    double rawT = 0;
    for (Line l : ls) {
      totalKg += l.kgCO2e();
      rawT += l.rawMassT();
    }
    // a yield of about 93 %: output below raw-material input, as the mass balance check requires
    double outputT = rawT * 0.93;
    String output = dec(outputT, 2) + " t";
    double perKg = totalKg / (outputT * 1000);
    if (!(perKg >= 0.05 && perKg <= 1000)) {
      throw new IllegalStateException("generated intensity " + perKg + " kgCO2e/kg is implausible");
    }

    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      if (format.equals("json")) {
        json(w, fs, ls, output);
      } else {
        yaml(w, fs, ls, output);
      }
    }
    System.err.printf(Locale.ROOT, "GenerateStudy: %s: %d lines, %d factors, %s; expected total ≈ %s kgCO2e,"
        + " %s kgCO2e/kg, raw materials %s t, output %s%n", out, ls.size(), fs.size(), format,
        dec(totalKg, 0), dec(perKg, 4), dec(rawT, 2), output);
  }

  // ------------------------------------------------------------------ content

  private static List<Factor> factors(SplittableRandom rnd, int count) {
    Kind[] kinds = Kind.values();
    int weights = 0;
    for (Kind k : kinds) {
      weights += k.weight;
    }
    // how many factors of each kind: proportional to weight, at least one each, rest to materials
    int[] per = new int[kinds.length];
    int assigned = 0;
    for (int i = 0; i < kinds.length; i++) {
      per[i] = Math.max(1, count * kinds[i].weight / weights);
      assigned += per[i];
    }
    per[0] += count - assigned;

    List<Factor> out = new ArrayList<>(count);
    for (int i = 0; i < kinds.length; i++) {
      Kind k = kinds[i];
      for (int j = 0; j < per[i]; j++) {
        String key = String.format(Locale.ROOT, "%s-%04d", k.key, j + 1);
        String name = k.names[rnd.nextInt(k.names.length)] + " " + String.format(Locale.ROOT, "%s-%04d", k.key.toUpperCase(Locale.ROOT), j + 1);
        String type = TYPES[rnd.nextInt(TYPES.length)];
        Integer year = rnd.nextInt(4) == 0 ? null : 2019 + rnd.nextInt(5);
        String region = rnd.nextInt(3) == 0 ? "CN-37" : null;
        double perBase;
        String value;
        switch (k) {
          case MATERIAL -> {
            perBase = uniform(rnd, 300, 6000); // kgCO2e/t
            value = dec(perBase, 1) + " kgCO2e/t";
          }
          case ELECTRICITY -> {
            perBase = uniform(rnd, 0.35, 0.95); // kgCO2e/kWh
            value = rnd.nextBoolean() ? dec(perBase, 4) + " tCO2e/MWh" : dec(perBase, 4) + " kgCO2e/kWh";
            perBase = Double.parseDouble(dec(perBase, 4));
          }
          case GAS -> {
            perBase = uniform(rnd, 1.9, 2.25); // kgCO2e/Nm3
            value = dec(perBase, 3) + " kgCO2e/Nm3";
          }
          case WATER -> {
            perBase = uniform(rnd, 0.15, 1.2); // kgCO2e/m3
            value = dec(perBase, 3) + " kgCO2e/m3";
          }
          case TRANSPORT -> {
            perBase = uniform(rnd, 0.01, 0.2); // kgCO2e/(t*km)
            value = dec(perBase, 4) + " kgCO2e/(t*km)";
          }
          case PACKAGING -> {
            perBase = uniform(rnd, 150, 3500);
            value = dec(perBase, 1) + " kgCO2e/t";
          }
          case WASTE -> {
            perBase = uniform(rnd, 10, 900);
            value = dec(perBase, 1) + " kgCO2e/t";
          }
          default -> throw new AssertionError(k);
        }
        perBase = Double.parseDouble(value.substring(0, value.indexOf(' ')));
        String source = SOURCES[rnd.nextInt(SOURCES.length)] + " (" + (year == null ? 2022 : year) + ")";
        out.add(new Factor(key, name, k, perBase, value, source, type, year, region));
      }
    }
    return out;
  }

  private static final String[] SOURCES = {
    "中国产品全生命周期温室气体排放系数集", "Ecoinvent 3.9 cut-off", "Supplier EPD",
    "山东省产品碳足迹评价通则 附表1", "Plant metering records", "CLCD 0.8", "IPCC 2006 Guidelines"};

  /** Where a line's amount comes from, by kind of factor (same order as {@link Kind}). */
  private static final String[][] LINE_SOURCES = {
    {"《生产运行统计》", "Purchase ledger", "Weighbridge records"},
    {"《耗能统计表》", "Utility bills", "Sub-meter readings"},
    {"《耗能统计表》", "Gas supplier invoices"},
    {"Water bills", "《耗能统计表》"},
    {"产品原材料运输距离", "Freight invoices", "Estimated from route planning"},
    {"《产品包装材料及包装材料消耗量统计表》", "Purchase ledger"},
    {"Waste transfer manifests", "《固废处置台账》"}};

  private static List<Line> lines(SplittableRandom rnd, List<Factor> fs, int count) {
    List<Line> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      // the first pass uses every factor once; then factors at random
      Factor f = i < fs.size() ? fs.get(i) : fs.get(rnd.nextInt(fs.size()));
      String name = f.name().substring(0, f.name().lastIndexOf(' ')) + " " + String.format(Locale.ROOT, "L%06d", i + 1);
      String activity = ACTIVITY[rnd.nextInt(ACTIVITY.length)];
      String calibration = CALIBRATION[rnd.nextInt(CALIBRATION.length)];
      String[] sources = LINE_SOURCES[f.kind().ordinal()];
      String source = rnd.nextInt(4) == 0 ? null : sources[rnd.nextInt(sources.length)];
      String amount = null;
      String mass = null;
      String distance = null;
      double base; // activity in the factor's base unit
      double rawMassT = 0;
      switch (f.kind()) {
        case MATERIAL -> {
          double t = Double.parseDouble(dec(uniform(rnd, 5, 2000), 2));
          if (rnd.nextInt(5) == 0) {
            amount = dec(t * 1000, 0) + " kg";
            t = Double.parseDouble(dec(t * 1000, 0)) / 1000;
          } else {
            amount = dec(t, 2) + " t";
          }
          base = t;
          rawMassT = t;
        }
        case ELECTRICITY -> {
          double kwh = Double.parseDouble(dec(uniform(rnd, 1000, 3_000_000), 0));
          if (rnd.nextBoolean()) {
            amount = dec(kwh / 1000, 3) + " MWh";
          } else {
            amount = dec(kwh, 0) + " kWh";
          }
          base = kwh;
        }
        case GAS -> {
          base = Double.parseDouble(dec(uniform(rnd, 100, 400_000), 1));
          amount = dec(base, 1) + " Nm3";
        }
        case WATER -> {
          base = Double.parseDouble(dec(uniform(rnd, 10, 80_000), 1));
          amount = dec(base, 1) + " m3";
        }
        case TRANSPORT -> {
          double t = Double.parseDouble(dec(uniform(rnd, 1, 2000), 2));
          double km = Double.parseDouble(dec(uniform(rnd, 5, 1500), 0));
          if (rnd.nextInt(6) == 0) {
            // some reports give the transport work directly
            amount = dec(t * km, 2) + " t*km";
          } else {
            mass = dec(t, 2) + " t";
            distance = dec(km, 0) + " km";
          }
          base = t * km;
        }
        case PACKAGING -> {
          base = Double.parseDouble(dec(uniform(rnd, 0.05, 60), 3));
          amount = dec(base, 3) + " t";
        }
        case WASTE -> {
          base = Double.parseDouble(dec(uniform(rnd, 0.5, 300), 2));
          amount = dec(base, 2) + " t";
        }
        default -> throw new AssertionError(f.kind());
      }
      out.add(new Line(name, f.kind().stage, f.key(), amount, mass, distance, activity, calibration, source,
          base * f.perBase(), rawMassT));
    }
    // group by stage as reports do; the sort is stable, so the order within a stage is the generation order
    List<String> order = List.of(STAGES);
    out.sort(Comparator.comparingInt(l -> order.indexOf(l.stage())));
    return out;
  }

  // ------------------------------------------------------------------ writers

  private static void yaml(Writer w, List<Factor> fs, List<Line> ls, String output) throws IOException {
    w.write("# Generated by bench/GenerateStudy.java (seed " + SEED + "): " + ls.size() + " inventory lines, "
        + fs.size() + " factors.\n");
    w.write("# Benchmark input for `tanji calc`; not a real study.\n");
    w.write("tanji: 1\n");
    if (uncertain) {
      w.write("uncertainty: {fromQuality: true}\n");
    }
    w.write("study:\n");
    w.write("  title: " + y("锻造耐磨钢球产品碳足迹评价 (benchmark, " + ls.size() + " lines)") + "\n");
    w.write("  language: zh\n");
    w.write("  standards: [ISO 14067:2018, PAS 2050:2011]\n");
    w.write("  boundary: cradle-to-gate\n");
    w.write("  period: {start: 2023-01-01, end: 2023-12-31}\n");
    w.write("  gwp: AR5\n");
    w.write("organization:\n");
    w.write("  name: " + y("基准测试钢球有限公司") + "\n");
    w.write("  address: " + y("济南市章丘区") + "\n");
    w.write("  industry: " + y("锻造钢球") + "\n");
    w.write("product:\n");
    w.write("  name: " + y("锻造耐磨钢球") + "\n");
    w.write("  declaredUnit: 1 t\n");
    w.write("  output: " + output + "\n");
    w.write("factors:\n");
    for (Factor f : fs) {
      w.write("  " + f.key() + ":\n");
      w.write("    name: " + y(f.name()) + "\n");
      w.write("    value: " + y(f.value()) + "\n");
      w.write("    source: " + y(f.source()) + "\n");
      w.write("    type: " + f.type() + "\n");
      if (f.year() != null) {
        w.write("    year: " + f.year() + "\n");
      }
      if (f.region() != null) {
        w.write("    region: " + f.region() + "\n");
      }
    }
    w.write("inventory:\n");
    for (Line l : ls) {
      w.write("  - name: " + y(l.name()) + "\n");
      w.write("    stage: " + l.stage() + "\n");
      if (l.amount() != null) {
        w.write("    amount: " + y(l.amount()) + "\n");
      } else {
        w.write("    mass: " + y(l.mass()) + "\n");
        w.write("    distance: " + y(l.distance()) + "\n");
      }
      w.write("    factor: " + l.factor() + "\n");
      if (l.source() != null) {
        w.write("    source: " + y(l.source()) + "\n");
      }
      w.write("    quality: {activity: " + l.activity() + ", calibration: " + l.calibration() + "}\n");
    }
  }

  private static void json(Writer w, List<Factor> fs, List<Line> ls, String output) throws IOException {
    w.write("{\n");
    w.write("  \"tanji\": 1,\n");
    if (uncertain) {
      w.write("  \"uncertainty\": {\"fromQuality\": true},\n");
    }
    w.write("  \"study\": {\n");
    w.write("    \"title\": " + j("锻造耐磨钢球产品碳足迹评价 (benchmark, " + ls.size() + " lines)") + ",\n");
    w.write("    \"language\": \"zh\",\n");
    w.write("    \"standards\": [\"ISO 14067:2018\", \"PAS 2050:2011\"],\n");
    w.write("    \"boundary\": \"cradle-to-gate\",\n");
    w.write("    \"period\": {\"start\": \"2023-01-01\", \"end\": \"2023-12-31\"},\n");
    w.write("    \"gwp\": \"AR5\"\n");
    w.write("  },\n");
    w.write("  \"organization\": {\n");
    w.write("    \"name\": " + j("基准测试钢球有限公司") + ",\n");
    w.write("    \"address\": " + j("济南市章丘区") + ",\n");
    w.write("    \"industry\": " + j("锻造钢球") + "\n");
    w.write("  },\n");
    w.write("  \"product\": {\n");
    w.write("    \"name\": " + j("锻造耐磨钢球") + ",\n");
    w.write("    \"declaredUnit\": \"1 t\",\n");
    w.write("    \"output\": " + j(output) + "\n");
    w.write("  },\n");
    w.write("  \"factors\": {\n");
    for (int i = 0; i < fs.size(); i++) {
      Factor f = fs.get(i);
      StringBuilder b = new StringBuilder();
      b.append("    ").append(j(f.key())).append(": {")
          .append("\"name\": ").append(j(f.name()))
          .append(", \"value\": ").append(j(f.value()))
          .append(", \"source\": ").append(j(f.source()))
          .append(", \"type\": ").append(j(f.type()));
      if (f.year() != null) {
        b.append(", \"year\": ").append(f.year());
      }
      if (f.region() != null) {
        b.append(", \"region\": ").append(j(f.region()));
      }
      b.append(i + 1 < fs.size() ? "},\n" : "}\n");
      w.write(b.toString());
    }
    w.write("  },\n");
    w.write("  \"inventory\": [\n");
    for (int i = 0; i < ls.size(); i++) {
      Line l = ls.get(i);
      StringBuilder b = new StringBuilder();
      b.append("    {\"name\": ").append(j(l.name()))
          .append(", \"stage\": ").append(j(l.stage()));
      if (l.amount() != null) {
        b.append(", \"amount\": ").append(j(l.amount()));
      } else {
        b.append(", \"mass\": ").append(j(l.mass())).append(", \"distance\": ").append(j(l.distance()));
      }
      b.append(", \"factor\": ").append(j(l.factor()));
      if (l.source() != null) {
        b.append(", \"source\": ").append(j(l.source()));
      }
      b.append(", \"quality\": {\"activity\": ").append(j(l.activity()))
          .append(", \"calibration\": ").append(j(l.calibration())).append("}");
      b.append(i + 1 < ls.size() ? "},\n" : "}\n");
      w.write(b.toString());
    }
    w.write("  ]\n");
    w.write("}\n");
  }

  // ------------------------------------------------------------------ helpers

  private static double uniform(SplittableRandom rnd, double lo, double hi) {
    return lo + (hi - lo) * rnd.nextDouble();
  }

  /** A plain decimal with the given number of decimals: no exponent, no separators. */
  private static String dec(double v, int decimals) {
    return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }

  /** A YAML plain scalar when that is safe, else a double-quoted one. */
  private static String y(String s) {
    boolean plain = !s.isEmpty()
        && "-?:,[]{}#&*!|>'\"%@`".indexOf(s.charAt(0)) < 0
        && !s.contains(": ") && !s.contains(" #") && !s.endsWith(":")
        && !Character.isWhitespace(s.charAt(0)) && !Character.isWhitespace(s.charAt(s.length() - 1))
        && !s.matches("(?i)true|false|yes|no|on|off|null|~|[-+.\\d].*");
    // quantities ("2420 kgCO2e/t") start with a digit but are not numbers, so they stay plain
    if (!plain && s.matches("\\d+(\\.\\d+)? \\S.*") && !s.contains(": ") && !s.contains(" #")) {
      plain = true;
    }
    return plain ? s : j(s);
  }

  /** A JSON (and YAML double-quoted) string. */
  private static String j(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}

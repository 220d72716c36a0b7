package org.tanji.core.units;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tanji.core.i18n.Spelling;
import org.tanji.core.i18n.Text;

/**
 * The one unit table of the project, and the parser for unit expressions and quantities.
 *
 * <p>Unit expressions combine table entries with {@code *} (also {@code ·}, {@code ×}), {@code /}
 * and parentheses: {@code kgCO2e/(t*km)}, {@code tCO2e/MWh}. A division followed by an unbracketed
 * product ({@code kgCO2e/t*km}) is refused as ambiguous rather than read one way or the other.
 */
public final class Units {

  public static final String UNKNOWN_UNIT = "UNKNOWN_UNIT";
  public static final String INVALID_QUANTITY = "INVALID_QUANTITY";

  private static final Map<String, Unit> TABLE = new LinkedHashMap<>();
  private static final Map<Dimension, String> PREFERRED = new LinkedHashMap<>();

  static {
    Dimension m = Dimension.MASS;
    add(m, 1e-3, "g", "克");
    add(m, 1, "kg", "千克", "公斤");
    add(m, 1e3, "t", "tonne", "tonnes", "吨");
    add(m, 0.45359237, "lb", "lbs"); // the international pound, exactly
    Dimension e = Dimension.ENERGY;
    add(e, 1, "J");
    add(e, 1e3, "kJ");
    add(e, 1e6, "MJ");
    add(e, 1e9, "GJ");
    add(e, 1e12, "TJ");
    add(e, 3.6e3, "Wh");
    add(e, 3.6e6, "kWh", "度", "千瓦时");
    add(e, 3.6e9, "MWh");
    add(e, 3.6e12, "GWh");
    add(e, 1.055056e9, "MMBtu"); // a million international-table Btu
    // coal equivalent (标准煤) at GB/T 2589's 29.3076 GJ/t; oil equivalent at the IEA's 41.868 GJ/t
    add(e, 29.3076e9, "tce", "吨标准煤", "吨标煤");
    add(e, 29.3076e6, "kgce", "千克标准煤", "公斤标准煤", "kg标准煤");
    add(e, 41.868e9, "toe", "吨油当量");
    Dimension v = Dimension.VOLUME;
    add(v, 1e-6, "mL", "ml", "毫升");
    add(v, 1e-3, "L", "l", "升");
    add(v, 1, "kL", "kl", "千升");
    add(v, 1, "m3", "m³", "立方米");
    add(v, 3.785411784e-3, "gal", "USgal"); // the US liquid gallon
    Dimension area = Dimension.AREA;
    add(area, 1, "m2", "m²", "平方米");
    add(area, 1e4, "ha", "hm2", "公顷");
    add(area, 1e4 / 15, "亩", "mu"); // the Chinese mu: 1/15 ha
    add(Dimension.GAS_VOLUME, 1, "Nm3", "Nm³");
    Dimension len = Dimension.LENGTH;
    add(len, 1, "m", "米");
    add(len, 1e3, "km", "公里", "千米");
    add(Dimension.TRANSPORT_WORK, 1e6, "tkm", "tonne-km");
    // named counts are counts: a sheet, a book, a machine, a set is one of the declared things
    add(Dimension.COUNT, 1, "piece", "pieces", "pcs", "pc", "个", "件", "sheet", "sheets", "张", "本", "台", "套",
        "unit", "units", "set", "sets");
    // money, for spend-based factors; each currency apart (no rate, no conversion)
    add(Dimension.CNY, 1, "CNY", "元", "RMB", "yuan");
    add(Dimension.USD, 1, "USD", "US$");
    add(Dimension.EUR, 1, "EUR", "€");
    Dimension c = Dimension.CO2E;
    add(c, 1e-3, "gCO2e", "gCO₂e", "gCO2eq", "gCO2-eq");
    add(c, 1, "kgCO2e", "kgCO₂e", "kgCO2eq", "kgCO2-eq");
    add(c, 1e3, "tCO2e", "tCO₂e", "tCO2eq", "tCO2-eq");
    addCo2Only(1e-3, "gCO2", "gCO₂");
    addCo2Only(1, "kgCO2", "kgCO₂");
    addCo2Only(1e3, "tCO2", "tCO₂");

    PREFERRED.put(Dimension.MASS, "t");
    PREFERRED.put(Dimension.ENERGY, "kWh");
    PREFERRED.put(Dimension.VOLUME, "m3");
    PREFERRED.put(Dimension.GAS_VOLUME, "Nm3");
    PREFERRED.put(Dimension.LENGTH, "km");
    PREFERRED.put(Dimension.TRANSPORT_WORK, "t·km");
    PREFERRED.put(Dimension.COUNT, "piece");
    PREFERRED.put(Dimension.AREA, "m2");
    PREFERRED.put(Dimension.CNY, "CNY");
    PREFERRED.put(Dimension.USD, "USD");
    PREFERRED.put(Dimension.EUR, "EUR");
    PREFERRED.put(Dimension.CO2E, "kgCO2e");
  }

  private static void add(Dimension dim, double scale, String symbol, String... aliases) {
    put(new Unit(symbol, scale, dim, false), aliases);
  }

  private static void addCo2Only(double scale, String symbol, String... aliases) {
    put(new Unit(symbol, scale, Dimension.CO2E, true), aliases);
  }

  private static void put(Unit unit, String... aliases) {
    TABLE.put(unit.symbol(), unit);
    for (String alias : aliases) {
      TABLE.put(alias, unit);
    }
  }

  private Units() {}

  /** Every symbol and alias the table knows, in table order. */
  public static List<String> symbols() {
    return List.copyOf(TABLE.keySet());
  }

  /** The table entry for a single symbol or alias, if there is one. */
  public static Optional<Unit> lookup(String symbol) {
    return Optional.ofNullable(TABLE.get(symbol));
  }

  /** The table entry for a symbol that is known to be in the table. */
  public static Unit unit(String symbol) {
    return lookup(symbol).orElseThrow(() -> new IllegalArgumentException("not in the unit table: " + symbol));
  }

  /** A unit a person would write for this dimension ({@code t*km} for transport work), if any. */
  public static Optional<String> preferredSymbol(Dimension dimension) {
    return Optional.ofNullable(PREFERRED.get(dimension));
  }

  // ---------------------------------------------------------------- quantities

  private static final Pattern QUANTITY =
      Pattern.compile("\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)(.*)", Pattern.DOTALL);
  private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(?:[,，]\\d{3})+(?:\\.\\d*)?");

  /**
   * Reads {@code "<number> <unit>"}: a plain decimal, optionally with an exponent, and a unit
   * expression.
   *
   * @throws QuantityFormatException {@code INVALID_QUANTITY} when the number is missing or malformed
   *     (NaN, thousands separators, no unit), {@code UNKNOWN_UNIT} when the unit is not known
   */
  public static Quantity parseQuantity(String text) {
    if (text == null || text.isBlank()) {
      throw new QuantityFormatException(INVALID_QUANTITY, Text.of("quantity.empty"));
    }
    String stripped = text.strip();
    Matcher thousands = THOUSANDS.matcher(stripped);
    if (thousands.lookingAt()) {
      String plain = thousands.group().replaceAll("[,，]", "");
      throw refusal(Text.of("quantity.thousands.plain", stripped), "quantity.thousands", stripped,
          plain + stripped.substring(thousands.end()));
    }
    Matcher matcher = QUANTITY.matcher(stripped);
    if (!matcher.matches()) {
      throw new QuantityFormatException(INVALID_QUANTITY, Text.of("quantity.noNumber", stripped));
    }
    String rest = matcher.group(2);
    if (rest.length() > 1 && (rest.charAt(0) == ',' || rest.charAt(0) == '，') && Character.isDigit(rest.charAt(1))) {
      throw new QuantityFormatException(INVALID_QUANTITY, Text.of("quantity.comma", stripped));
    }
    // the rest is stripped here rather than by the pattern: a lazy group before trailing space
    // backtracks quadratically on long runs of white space
    String unitText = rest.strip();
    if (unitText.isEmpty()) {
      throw new QuantityFormatException(INVALID_QUANTITY, Text.of("quantity.noUnit", stripped));
    }
    if (Character.isDigit(unitText.charAt(0)) && !rest.isEmpty() && Character.isWhitespace(rest.charAt(0))
        && !isUnit(unitText)) {
      // "44 369.94 t": a space used as a thousands separator ("1 10^4Nm3" is one of a unit with a multiple)
      throw refusal(Text.of("quantity.spaceInNumber.plain", stripped), "quantity.spaceInNumber", stripped,
          matcher.group(1) + unitText);
    }
    double value = Double.parseDouble(matcher.group(1));
    if (!Double.isFinite(value)) {
      throw new QuantityFormatException(INVALID_QUANTITY, Text.of("quantity.tooLarge", stripped));
    }
    if (value == 0 && matcher.group(1).replaceAll("[eE].*", "").matches(".*[1-9].*")) {
      throw new QuantityFormatException(INVALID_QUANTITY, Text.of("quantity.tooSmall", stripped));
    }
    Unit unit;
    try {
      unit = parseUnit(unitText);
    } catch (QuantityFormatException e) {
      // a better unit expression makes a better quantity: the suggestion stays the whole text read
      throw e.suggestion().map(s -> new QuantityFormatException(e.code(), e.text(), matcher.group(1) + " " + s))
          .orElse(e);
    }
    return new Quantity(value, unit, stripped);
  }

  /**
   * A refusal of a quantity that suggests {@code suggestion} when it reads as a quantity, and says
   * only what is wrong ({@code plain}) when it does not: following a suggestion must never lead to
   * a second refusal.
   */
  private static QuantityFormatException refusal(Text plain, String suggestingKey, String typed, String suggestion) {
    try {
      parseQuantity(suggestion);
      return new QuantityFormatException(INVALID_QUANTITY, Text.of(suggestingKey, typed, suggestion), suggestion);
    } catch (QuantityFormatException e) {
      return new QuantityFormatException(INVALID_QUANTITY, plain);
    }
  }

  private static boolean isUnit(String text) {
    try {
      parseUnit(text);
      return true;
    } catch (QuantityFormatException e) {
      return false;
    }
  }

  /**
   * The number and the unit of a quantity's text as written ({@code "2420 kgCO2e/t"} →
   * {@code 2420}, {@code kgCO2e/t}), for writing it back in two columns.
   *
   * @throws QuantityFormatException when the text does not start with a number
   */
  public static String[] split(String quantityText) {
    Matcher m = QUANTITY.matcher(quantityText.strip());
    if (!m.matches()) {
      throw new QuantityFormatException(INVALID_QUANTITY, Text.of("quantity.noNumber", quantityText));
    }
    return new String[] {m.group(1), m.group(2).strip()};
  }

  /**
   * Reads a unit expression.
   *
   * @throws QuantityFormatException {@code UNKNOWN_UNIT} for a name not in the table (with a
   *     suggestion for near misses), {@code INVALID_QUANTITY} for a malformed or ambiguous expression
   */
  public static Unit parseUnit(String text) {
    if (text == null || text.isBlank()) {
      throw new QuantityFormatException(INVALID_QUANTITY, Text.of("unit.empty"));
    }
    Unit direct = TABLE.get(text.strip());
    if (direct != null) {
      return direct;
    }
    Unit parsed = new Parser(text).parse();
    return parsed.withSymbol(text.strip());
  }

  /** The closest known symbol for a name that is not in the table, if one is close enough. */
  public static Optional<String> suggest(String name) {
    return Spelling.closest(name, TABLE.keySet());
  }

  /**
   * Recursive descent over: expr := term ('/' term)* ; term := factor (('*'|'·'|'×') factor)* ;
   * factor := NAME | '(' expr ')'.
   */
  private static final Pattern POWER_OF_TEN = Pattern.compile("10\\^(\\d{1,2})(.+)");

  private static final class Parser {
    /** Deeper parentheses than anyone writes; the limit keeps the recursion off the stack's end. */
    private static final int MAX_DEPTH = 20;

    private final String src;
    private int pos;
    private int depth;

    Parser(String src) {
      this.src = src;
    }

    Unit parse() {
      Unit unit = expr();
      skipSpace();
      if (pos < src.length()) {
        char c = src.charAt(pos);
        if (c == ')') {
          throw invalid(Text.of("unit.unbalanced", src));
        }
        throw invalid(Text.of("unit.unexpected", src, String.valueOf(c), pos + 1));
      }
      return unit;
    }

    private Unit expr() {
      Unit left = term();
      while (true) {
        skipSpace();
        if (peek() != '/') {
          return left;
        }
        pos++;
        int before = pos;
        int[] factors = new int[1];
        Unit right = term(factors);
        if (factors[0] > 1) {
          String denominator = src.substring(before, pos).strip();
          String bracketed = src.substring(0, before).strip() + "(" + denominator + ")" + src.substring(pos);
          throw isValid(bracketed)
              ? new QuantityFormatException(INVALID_QUANTITY, Text.of("unit.ambiguous", src.strip(), bracketed.strip()),
                  bracketed.strip())
              : invalid(Text.of("unit.ambiguous.plain", src.strip()));
        }
        requireScale(left.scale() / right.scale());
        left = left.dividedBy(right);
      }
    }

    private Unit term() {
      return term(new int[1]);
    }

    private Unit term(int[] factorCount) {
      Unit left = factor();
      factorCount[0] = 1;
      while (true) {
        skipSpace();
        char c = peek();
        if (c == '*' || c == '·' || c == '×' || c == '⋅') {
          pos++;
          Unit right = factor();
          requireScale(left.scale() * right.scale());
          left = left.times(right);
          factorCount[0]++;
        } else if (c != 0 && c != '/' && c != ')') {
          // two names side by side: "kg CO2e"
          throw missingOperator();
        } else {
          return left;
        }
      }
    }

    /** A combined scale must stay a positive double: "GWh*GWh*…" thirty times does not. */
    private void requireScale(double scale) {
      if (!(scale > 0) || Double.isInfinite(scale)) {
        throw invalid(Text.of("unit.scaleRange", src.strip()));
      }
    }

    private QuantityFormatException missingOperator() {
      String joined = src.strip().replaceAll("\\s+", "");
      if (!joined.equals(src.strip()) && isValid(joined)) {
        return new QuantityFormatException(INVALID_QUANTITY, Text.of("unit.space", src.strip(), joined), joined);
      }
      return invalid(Text.of("unit.missingOperator", src.strip()));
    }

    private Unit factor() {
      skipSpace();
      char c = peek();
      if (c == '(') {
        if (++depth > MAX_DEPTH) {
          throw invalid(Text.of("unit.tooDeep", MAX_DEPTH));
        }
        pos++;
        Unit inner = expr();
        depth--;
        skipSpace();
        if (peek() != ')') {
          throw invalid(Text.of("unit.unbalanced", src));
        }
        pos++;
        return inner;
      }
      int start = pos;
      while (pos < src.length() && isNameChar(src.charAt(pos))) {
        pos++;
      }
      if (start == pos) {
        throw invalid(c == 0 ? Text.of("unit.incomplete", src) : Text.of("unit.unexpected", src, String.valueOf(c), pos + 1));
      }
      String name = src.substring(start, pos);
      Unit unit = TABLE.get(name);
      if (unit == null) {
        unit = multiple(name);
      }
      if (unit == null) {
        throw unknown(name, start);
      }
      return unit;
    }

    /**
     * A unit with a numeric multiple, as statistics are often kept: {@code 10^4Nm3} (the fuel
     * defaults' natural gas), {@code 万kWh} (ten thousand kWh), {@code 万t}.
     */
    private static Unit multiple(String name) {
      Matcher power = POWER_OF_TEN.matcher(name);
      if (power.matches()) {
        Unit base = TABLE.get(power.group(2));
        return base == null ? null : new Unit(name, base.scale() * Math.pow(10, Integer.parseInt(power.group(1))),
            base.dimension(), base.co2Only());
      }
      if (name.startsWith("万") && name.length() > 1) {
        Unit base = TABLE.get(name.substring(1));
        return base == null ? null : new Unit(name, base.scale() * 1e4, base.dimension(), base.co2Only());
      }
      return null;
    }

    private QuantityFormatException unknown(String name, int start) {
      // "t.km" (as seed 003 prints it) is meant as a product; say so before any near miss
      String dotted = name.replace('.', '*');
      Optional<String> suggestion = name.contains(".") && isValid(dotted) ? Optional.of(dotted) : suggest(name);
      if (suggestion.isEmpty()) {
        return new QuantityFormatException(UNKNOWN_UNIT, Text.of("unit.unknown", name));
      }
      // the message names the unit meant; the suggestion is the whole expression, when that reads
      String whole = (src.substring(0, start) + suggestion.get() + src.substring(pos)).strip();
      return new QuantityFormatException(UNKNOWN_UNIT, Text.of("unit.unknown.suggest", name, suggestion.get()),
          isValid(whole) ? whole : null);
    }

    private static boolean isValid(String candidate) {
      try {
        new Parser(candidate).parse();
        return true;
      } catch (QuantityFormatException e) {
        return false;
      }
    }

    private static boolean isNameChar(char c) {
      return !Character.isWhitespace(c) && c != '*' && c != '·' && c != '×' && c != '⋅'
          && c != '/' && c != '(' && c != ')';
    }

    private char peek() {
      return pos < src.length() ? src.charAt(pos) : 0;
    }

    private void skipSpace() {
      while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
        pos++;
      }
    }

    private static QuantityFormatException invalid(Text text) {
      return new QuantityFormatException(INVALID_QUANTITY, text);
    }
  }
}

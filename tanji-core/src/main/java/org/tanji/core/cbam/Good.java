package org.tanji.core.cbam;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tanji.core.model.CustomsCode;

/**
 * A good the installation sells (sheet {@code Summary_Products}): its CN code, the process it
 * comes from, its qualifying parameters and the carbon price paid for it.
 *
 * @param cn the eight-digit CN code as the user wrote it (read by {@link CustomsCode#parse})
 * @param name the product name used with the importer (on invoices)
 * @param process the id of the production process it arises from
 * @param qualifying the qualifying parameters of Annex IV of Implementing Regulation (EU) 2023/1773,
 *     by key ({@code reducingAgent}, {@code millId}, {@code mn} …), as written
 * @param carbonPrice the carbon price due in the country of origin, or null when none
 * @param euDefault the EU default value for the good's CN code and country of origin, as the user
 *     gives it (Tanji bundles no table of default values), or null when not given
 * @param where the key path of the good in its file
 */
public record Good(String cn, String name, String process, Map<String, String> qualifying,
    CarbonPrice carbonPrice, DefaultValue euDefault, String where) {

  /** A good without an EU default value beside it. */
  public Good(String cn, String name, String process, Map<String, String> qualifying, CarbonPrice carbonPrice,
      String where) {
    this(cn, name, process, qualifying, carbonPrice, null, where);
  }

  /**
   * The carbon price due per tonne of the good in the country of origin, and the rebate against it,
   * as the template's Summary_Products asks for them (a currency beside plain amounts).
   *
   * @param instrument the type of instrument ({@code national ETS}, {@code carbon tax} …), or null
   * @param currency the currency of both amounts ({@code CNY}), or null when the file leaves it out
   * @param due the price due per tonne of good
   * @param rebate the rebate or compensation per tonne of good; 0 when there is none
   */
  public record CarbonPrice(String instrument, String currency, double due, double rebate) {
    public CarbonPrice {
      if (!Double.isFinite(due) || !Double.isFinite(rebate)) {
        throw new IllegalArgumentException("carbon price and rebate must be finite: " + due + ", " + rebate);
      }
    }

    /** What remains due after the rebate (the template's "effective carbon price due"). */
    public double effective() {
      return due - rebate;
    }
  }

  /** @throws IllegalArgumentException unless {@code cn} reads as an eight-digit CN code */
  public Good {
    Objects.requireNonNull(cn, "cn");
    if (CustomsCode.parse(cn).filter(CustomsCode::isCn).isEmpty()) {
      throw new IllegalArgumentException("a good's CN code has 8 digits, not " + cn);
    }
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(where, "where");
    qualifying = Collections.unmodifiableMap(new LinkedHashMap<>(qualifying));
  }

  /** The CN code's eight digits, without the spaces or dots it was written with. */
  public String cnDigits() {
    return CustomsCode.parse(cn).orElseThrow().digits();
  }
}

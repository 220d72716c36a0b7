package org.tanji.core.cbam;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tanji.core.units.Quantity;

/**
 * A good the installation sells (sheet {@code Summary_Products}): its CN code, the process it
 * comes from, its qualifying parameters and the carbon price paid for it.
 *
 * @param cn the eight-digit CN code as the user wrote it
 * @param name the product name used with the importer (on invoices)
 * @param process the id of the production process it arises from
 * @param qualifying the qualifying parameters of Annex IV of Implementing Regulation (EU) 2023/1773,
 *     by key ({@code reducingAgent}, {@code millId}, {@code mn} …), as written
 * @param carbonPrice the carbon price due in the country of origin, or null when none
 * @param where the key path of the good in its file
 */
public record Good(String cn, String name, String process, Map<String, String> qualifying,
    CarbonPrice carbonPrice, String where) {

  /**
   * A carbon price due per unit of the good, and the rebate against it.
   *
   * @param instrument the type of instrument ({@code national ETS}, {@code carbon tax} …)
   * @param due the price due per tonne of good (money per mass)
   * @param rebate the rebate or compensation per tonne of good, or null when none
   */
  public record CarbonPrice(String instrument, Quantity due, Quantity rebate) {
    public CarbonPrice {
      Objects.requireNonNull(due, "due");
    }
  }

  public Good {
    Objects.requireNonNull(cn, "cn");
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(where, "where");
    qualifying = Collections.unmodifiableMap(new LinkedHashMap<>(qualifying));
  }
}

package org.tanji.core.cbam;

import java.util.Objects;
import org.tanji.core.units.Quantity;

/**
 * A precursor bought from another installation (sheet {@code E_PurchPrec}), with the specific
 * embedded emissions its supplier reported, or a default value.
 *
 * @param id the key processes refer to it by
 * @param name as the user names it
 * @param category its aggregated goods category
 * @param country country of origin, or null
 * @param seeDirect specific embedded direct emissions (CO₂e per mass), or null when unknown
 * @param seeIndirect specific embedded indirect emissions (CO₂e per mass), or null when unknown
 * @param electricity specific embedded electricity (energy per mass), or null when not reported
 * @param defaultValue true when the SEE is a default value rather than the supplier's actual figure
 * @param source who reported the SEE or which default table it comes from
 * @param where the key path of the precursor in its file
 */
public record PurchasedPrecursor(String id, String name, GoodsCategory category, String country,
    Quantity seeDirect, Quantity seeIndirect, Quantity electricity, boolean defaultValue, String source,
    String where) {

  public PurchasedPrecursor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(where, "where");
  }
}

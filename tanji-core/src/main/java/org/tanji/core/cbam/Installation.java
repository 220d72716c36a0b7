package org.tanji.core.cbam;

import java.util.Objects;
import org.tanji.core.model.Period;

/**
 * The installation whose emissions are reported (sheet {@code A_InstData} of the communication
 * template). Text fields the file leaves out are null; the period is required.
 *
 * @param name the installation's name (in English for the template)
 * @param address street and number
 * @param city city or town
 * @param country country name or ISO code as the user writes it
 * @param unlocode the UN/LOCODE of the installation's place ({@code CNJNA})
 * @param latitude latitude as written ({@code 36.71°})
 * @param longitude longitude as written
 * @param period the reporting period, both days included
 */
public record Installation(String name, String address, String city, String country, String unlocode,
    String latitude, String longitude, Period period) {

  public Installation {
    Objects.requireNonNull(period, "period");
  }
}

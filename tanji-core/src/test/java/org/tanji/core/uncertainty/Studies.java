package org.tanji.core.uncertainty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tanji.core.model.Activity;
import org.tanji.core.model.Claims;
import org.tanji.core.model.Factor;
import org.tanji.core.model.FactorType;
import org.tanji.core.model.InventoryLine;
import org.tanji.core.model.LineUncertainty;
import org.tanji.core.model.Organization;
import org.tanji.core.model.Product;
import org.tanji.core.model.Quality;
import org.tanji.core.model.ReportInfo;
import org.tanji.core.model.SourceMap;
import org.tanji.core.model.Stage;
import org.tanji.core.model.Study;
import org.tanji.core.model.StudyInfo;
import org.tanji.core.model.Uncertainty;
import org.tanji.core.units.Quantity;
import org.tanji.core.units.Units;

/** Small studies built in code: a product of 1 t made, so that the total is the per-unit figure. */
final class Studies {

  private final Map<String, Factor> factors = new LinkedHashMap<>();
  private final List<InventoryLine> lines = new ArrayList<>();
  private boolean fromQuality;

  static Studies study() {
    return new Studies();
  }

  static Quantity q(String text) {
    return Units.parseQuantity(text);
  }

  Studies factor(String key, String value, Uncertainty u) {
    factors.put(key, Factor.local(key, key, q(value), null, FactorType.NATIONAL, null, null, null, null, null)
        .withUncertainty(u));
    return this;
  }

  Studies line(String name, String amount, String factor, Uncertainty u) {
    int i = lines.size();
    lines.add(new InventoryLine(i, name, Stage.RAW_MATERIALS, new Activity.Amount(q(amount), factor),
        new Quality(Quality.ActivityLevel.CONTINUOUS, Quality.Calibration.COMPLIANT, null), false, null, null, null,
        u == null ? null : LineUncertainty.ofAmount(u)));
    return this;
  }

  Studies line(String name, Stage stage, String amount, String factor, Quality quality) {
    int i = lines.size();
    lines.add(new InventoryLine(i, name, stage, new Activity.Amount(q(amount), factor), quality, false, null, null,
        null));
    return this;
  }

  Studies transport(String name, String mass, String distance, String factor, LineUncertainty u) {
    int i = lines.size();
    lines.add(new InventoryLine(i, name, Stage.TRANSPORT, new Activity.Transport(q(mass), q(distance), factor),
        new Quality(Quality.ActivityLevel.PERIODIC, Quality.Calibration.PARTIAL, null), false, null, null, null, u));
    return this;
  }

  Studies fromQuality() {
    fromQuality = true;
    return this;
  }

  Study build() {
    return new Study(StudyInfo.empty(), Organization.empty(),
        new Product("p", q("1 t"), q("1 t"), null, null, null), factors, lines, List.of(), null, Study.DEFAULT_CUTOFF,
        Claims.none(), List.of(), ReportInfo.none(), SourceMap.empty(), fromQuality);
  }

  Simulation simulation() {
    return Simulation.prepare(build(), List.of());
  }
}

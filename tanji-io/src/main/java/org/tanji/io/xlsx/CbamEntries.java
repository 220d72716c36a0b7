package org.tanji.io.xlsx;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tanji.core.cbam.CbamInput;
import org.tanji.core.cbam.CbamResult;
import org.tanji.core.cbam.Good;
import org.tanji.core.cbam.GoodsCategory;
import org.tanji.core.cbam.ProductionProcess;
import org.tanji.core.cbam.ProductionProcess.EnergyFlow;
import org.tanji.core.cbam.PurchasedPrecursor;
import org.tanji.core.cbam.SourceStream;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Finding;
import org.tanji.core.units.Dimension;
import org.tanji.core.units.Unit;
import org.tanji.core.units.Units;
import org.tanji.io.xlsx.CbamTemplate.Entry;

/**
 * What goes into which input cell of the communication template for one installation: the
 * mapping from Tanji's CBAM data (and the direct emissions it computed per process) to
 * {@link CbamCell}s, in the units the template prints beside each cell.
 */
final class CbamEntries {

  private static final Unit T = Units.unit("t");
  private static final Unit TJ = Units.unit("TJ");
  private static final Unit MWH = Units.unit("MWh");
  private static final Unit GJ_PER_T = Units.parseUnit("GJ/t");
  private static final Unit GJ_PER_1000_NM3 = Units.parseUnit("GJ/10^3Nm3");
  private static final Unit T_CO2_PER_TJ = Units.parseUnit("tCO2/TJ");
  private static final Unit T_CO2_PER_T = Units.parseUnit("tCO2/t");
  private static final Unit T_CO2_PER_MWH = Units.parseUnit("tCO2/MWh");
  private static final Unit MWH_PER_T = Units.parseUnit("MWh/t");

  /**
   * Qualifying parameters (the reader's Good.qualifying keys) and the template's columns for them;
   * scrapPerTonne has one column for steel and one for aluminium, chosen by the good's category.
   */
  private static final Map<String, CbamCell> QUALIFYING = Map.of("reducingAgent", CbamCell.PRODUCT_REDUCING_AGENT,
      "millId", CbamCell.PRODUCT_STEEL_MILL_ID, "mn", CbamCell.PRODUCT_MANGANESE, "cr", CbamCell.PRODUCT_CHROMIUM,
      "ni", CbamCell.PRODUCT_NICKEL, "otherAlloys", CbamCell.PRODUCT_OTHER_ALLOYS, "carbon", CbamCell.PRODUCT_CARBON,
      "scrapPerTonne", CbamCell.PRODUCT_SCRAP_PER_T_STEEL, "otherMaterials", CbamCell.PRODUCT_OTHER_MATERIALS,
      "clinkerFactor", CbamCell.PRODUCT_CLINKER_FACTOR);

  private final List<Entry> entries = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();

  private CbamEntries() {}

  /** The entries for an installation's data and its computed result, with findings on what does not fit. */
  static CbamEntries of(CbamInput input, CbamResult result) {
    CbamEntries e = new CbamEntries();
    e.installation(input);
    e.categories(input);
    for (int i = 0; i < input.processes().size(); i++) {
      e.process(i, input.processes().get(i), result.processes().get(i).directEmissions(), input);
    }
    for (int k = 0; k < input.purchasedPrecursors().size(); k++) {
      e.purchased(k, input.purchasedPrecursors().get(k), input);
    }
    for (int s = 0; s < input.sourceStreams().size(); s++) {
      e.stream(s, input.sourceStreams().get(s));
    }
    double indirect = result.processes().stream()
        .mapToDouble(p -> p.attributedIndirect().orElse(0)).sum();
    e.add(CbamCell.INDIRECT_EMISSIONS, 0, 0, indirect, "processes");
    for (int g = 0; g < input.goods().size(); g++) {
      e.good(g, input.goods().get(g), input, result.goods().get(g));
    }
    return e;
  }

  List<Entry> entries() {
    return List.copyOf(entries);
  }

  List<Finding> findings() {
    return List.copyOf(findings);
  }

  private void add(CbamCell cell, int index, int part, Object value, String where) {
    if (value != null) {
      entries.add(new Entry(cell, index, part, value, where));
    }
  }

  private void installation(CbamInput input) {
    var inst = input.installation();
    String w = "installation";
    add(CbamCell.REPORTING_PERIOD_START, 0, 0, inst.period().start(), w + ".period");
    add(CbamCell.REPORTING_PERIOD_END, 0, 0, inst.period().end(), w + ".period");
    add(CbamCell.INSTALLATION_NAME_EN, 0, 0, inst.name(), w + ".name");
    add(CbamCell.STREET, 0, 0, inst.address(), w + ".address");
    add(CbamCell.CITY, 0, 0, inst.city(), w + ".city");
    add(CbamCell.COUNTRY, 0, 0, inst.country(), w + ".country");
    add(CbamCell.UNLOCODE, 0, 0, inst.unlocode(), w + ".unlocode");
    add(CbamCell.LATITUDE, 0, 0, inst.latitude(), w + ".latitude");
    add(CbamCell.LONGITUDE, 0, 0, inst.longitude(), w + ".longitude");
  }

  /** Section 3 of A_InstData: every category the installation makes or buys as a precursor. */
  private void categories(CbamInput input) {
    Set<GoodsCategory> categories = new LinkedHashSet<>();
    input.processes().forEach(p -> categories.add(p.category()));
    input.purchasedPrecursors().forEach(p -> categories.add(p.category()));
    int i = 0;
    for (GoodsCategory c : categories) {
      add(CbamCell.GOODS_CATEGORY, i++, 0, c.templateName(), "processes");
    }
  }

  private static String nameOf(ProductionProcess p) {
    return p.name() == null ? p.id() : p.name();
  }

  private void process(int i, ProductionProcess p, double directEmissions, CbamInput input) {
    String w = p.where();
    add(CbamCell.PROCESS_CATEGORY, i, 0, p.category().templateName(), w + ".category");
    add(CbamCell.PROCESS_NAME, i, 0, nameOf(p), w + ".name");
    double production = p.production().in(T);
    add(CbamCell.PROCESS_PRODUCTION, i, 0, production, w + ".production");
    // what other processes of the installation consume of this one's output (D_Processes (c))
    double consumed = 0;
    for (int j = 0; j < input.processes().size(); j++) {
      double used = usedBy(input.processes().get(j), p.id());
      if (used != 0) {
        add(CbamCell.PROCESS_CONSUMED_IN, i, j, used, input.processes().get(j).where() + ".precursors");
        consumed += used;
      }
    }
    add(CbamCell.PROCESS_FOR_MARKET, i, 0, production - consumed, w + ".production");
    boolean heat = p.heatImported() != null || p.heatExported() != null;
    boolean wasteGas = p.wasteGasImported() != null || p.wasteGasExported() != null;
    add(CbamCell.PROCESS_HEAT_RELEVANT, i, 0, heat, w);
    add(CbamCell.PROCESS_WASTE_GAS_RELEVANT, i, 0, wasteGas, w);
    add(CbamCell.PROCESS_DIRECT_EMISSIONS, i, 0, directEmissions, w);
    flow(i, p.heatImported(), CbamCell.PROCESS_HEAT_IMPORTED, CbamCell.PROCESS_HEAT_EF_IMPORTED, TJ, T_CO2_PER_TJ);
    flow(i, p.heatExported(), CbamCell.PROCESS_HEAT_EXPORTED, CbamCell.PROCESS_HEAT_EF_EXPORTED, TJ, T_CO2_PER_TJ);
    if (p.wasteGasImported() != null) {
      add(CbamCell.PROCESS_WASTE_GAS_IMPORTED, i, 0, p.wasteGasImported().in(TJ), w + ".wasteGasImported");
    }
    if (p.wasteGasExported() != null) {
      add(CbamCell.PROCESS_WASTE_GAS_EXPORTED, i, 0, p.wasteGasExported().in(TJ), w + ".wasteGasExported");
    }
    if (p.electricity() != null) {
      add(CbamCell.PROCESS_ELECTRICITY, i, 0, p.electricity().in(MWH), w + ".electricity");
    }
    if (p.electricityFactor() != null) {
      add(CbamCell.PROCESS_ELECTRICITY_EF, i, 0, p.electricityFactor().in(T_CO2_PER_MWH), w + ".electricity.factor");
    }
    add(CbamCell.PROCESS_ELECTRICITY_EF_SOURCE, i, 0, p.electricitySource(), w + ".electricity.source");
    flow(i, p.electricityExported(), CbamCell.PROCESS_ELECTRICITY_EXPORTED, CbamCell.PROCESS_ELECTRICITY_EXPORTED_EF,
        MWH, T_CO2_PER_MWH);
  }

  private void flow(int i, EnergyFlow f, CbamCell amount, CbamCell factor, Unit amountUnit, Unit factorUnit) {
    if (f != null) {
      add(amount, i, 0, f.amount().in(amountUnit), f.where());
      add(factor, i, 0, f.factor().in(factorUnit), f.where());
    }
  }

  private static double usedBy(ProductionProcess consumer, String precursor) {
    return consumer.precursors().stream().filter(u -> u.precursor().equals(precursor))
        .mapToDouble(u -> u.amount().in(T)).sum();
  }

  private void purchased(int k, PurchasedPrecursor p, CbamInput input) {
    String w = p.where();
    add(CbamCell.PRECURSOR_CATEGORY, k, 0, p.category().templateName(), w + ".category");
    add(CbamCell.PRECURSOR_COUNTRY, k, 0, p.country(), w + ".country");
    add(CbamCell.PRECURSOR_NAME, k, 0, p.name() == null ? p.id() : p.name(), w + ".name");
    double total = 0;
    for (int j = 0; j < input.processes().size(); j++) {
      double used = usedBy(input.processes().get(j), p.id());
      if (used != 0) {
        add(CbamCell.PRECURSOR_CONSUMED_IN, k, j, used, input.processes().get(j).where() + ".precursors");
        total += used;
      }
    }
    // Tanji knows what the processes consumed, not what was bought: the purchase is taken as that
    add(CbamCell.PRECURSOR_PURCHASED, k, 0, total, w);
    String source = p.defaultValue() ? "Default" : "Measured";
    if (p.seeDirect() != null) {
      add(CbamCell.PRECURSOR_SEE_DIRECT, k, 0, p.seeDirect().in(T_CO2_PER_T), w + ".see.direct");
      add(CbamCell.PRECURSOR_SEE_DIRECT_SOURCE, k, 0, source, w + ".see.source");
    }
    if (p.seeIndirect() != null) {
      double indirect = p.seeIndirect().in(T_CO2_PER_T);
      double electricity = p.electricity() == null ? 0 : p.electricity().in(MWH_PER_T);
      if (electricity > 0) {
        // the template takes SEE (indirect) as electricity per t times its factor
        add(CbamCell.PRECURSOR_ELECTRICITY, k, 0, electricity, w + ".electricity");
        add(CbamCell.PRECURSOR_ELECTRICITY_SOURCE, k, 0, source, w + ".see.source");
        add(CbamCell.PRECURSOR_ELECTRICITY_EF, k, 0, indirect / electricity, w + ".see.indirect");
        add(CbamCell.PRECURSOR_ELECTRICITY_EF_SOURCE, k, 0, source, w + ".see.source");
      } else if (indirect == 0) {
        add(CbamCell.PRECURSOR_ELECTRICITY, k, 0, 0.0, w + ".electricity");
        add(CbamCell.PRECURSOR_ELECTRICITY_SOURCE, k, 0, source, w + ".see.source");
      } else {
        findings.add(Finding.error("CBAM_TEMPLATE_NO_ELECTRICITY", w + ".electricity",
            Text.of("cbam.template.noIndirect", p.id())));
      }
    }
  }

  private void stream(int s, SourceStream st) {
    String w = st.where();
    String method = switch (st.method()) {
      case COMBUSTION -> "Combustion";
      case PROCESS -> "Process emissions";
      case MASS_BALANCE -> "Mass Balance";
    };
    add(CbamCell.STREAM_METHOD, s, 0, method, w + ".method");
    add(CbamCell.STREAM_NAME, s, 0, st.name(), w + ".name");
    boolean gas = Dimension.GAS_VOLUME.equals(st.amount().dimension());
    // the method computes with any amount whose unit fits its NCV or factor (12 m3 × 38 GJ/m3); the
    // template's stream rows take tonnes or 1000 Nm3 only, with NCV and factor per those
    if (!gas && !Dimension.MASS.equals(st.amount().dimension())
        || st.ncv() != null && !st.ncv().dimension().equals((gas ? GJ_PER_1000_NM3 : GJ_PER_T).dimension())) {
      findings.add(Finding.error("CBAM_TEMPLATE_UNIT", w + ".amount", Text.of("cbam.template.streamUnit", st.name(),
          st.amount().text())));
      return;
    }
    Unit amountUnit = gas ? Units.parseUnit("10^3Nm3") : T;
    add(CbamCell.STREAM_ACTIVITY, s, 0, st.amount().in(amountUnit), w + ".amount");
    add(CbamCell.STREAM_ACTIVITY_UNIT, s, 0, gas ? "1000Nm3" : "t", w + ".amount");
    if (st.ncv() != null) {
      Unit ncvUnit = gas ? GJ_PER_1000_NM3 : GJ_PER_T;
      add(CbamCell.STREAM_NCV, s, 0, st.ncv().in(ncvUnit), w + ".ncv");
    }
    if (st.factor() != null) {
      boolean perEnergy = st.factor().dimension().equals(T_CO2_PER_TJ.dimension());
      Unit f = perEnergy ? T_CO2_PER_TJ : gas ? Units.parseUnit("tCO2/10^3Nm3") : T_CO2_PER_T;
      add(CbamCell.STREAM_EMISSION_FACTOR, s, 0, st.factor().in(f), w + ".factor");
      add(CbamCell.STREAM_EMISSION_FACTOR_UNIT, s, 0, perEnergy ? "tCO2/TJ" : gas ? "tCO2/1000Nm3" : "tCO2/t",
          w + ".factor");
    }
    switch (st.method()) {
      case COMBUSTION -> add(CbamCell.STREAM_OXIDATION, s, 0, st.oxidation() * 100, w + ".oxidation");
      case PROCESS -> add(CbamCell.STREAM_CONVERSION, s, 0, st.conversion() * 100, w + ".conversion");
      case MASS_BALANCE -> add(CbamCell.STREAM_CARBON_CONTENT, s, 0, st.carbonContent(), w + ".carbonContent");
    }
    // the template's percentages are numbers 0–100 (its version notes, 2.0)
    add(CbamCell.STREAM_BIOMASS, s, 0, st.biomass() * 100, w + ".biomass");
  }

  private void good(int g, Good good, CbamInput input, CbamResult.GoodResult result) {
    String w = good.where();
    boolean aluminium = result.category().map(c -> c.sector() == GoodsCategory.Sector.ALUMINIUM).orElse(false);
    input.processes().stream().filter(p -> p.id().equals(good.process())).findFirst()
        .ifPresent(p -> add(CbamCell.PRODUCT_PROCESS, g, 0, nameOf(p), w + ".process"));
    add(CbamCell.PRODUCT_CN_CODE, g, 0, good.cnDigits(), w + ".cn");
    add(CbamCell.PRODUCT_NAME, g, 0, good.name(), w + ".name");
    good.qualifying().forEach((key, v) -> {
      CbamCell cell = aluminium && key.equals("scrapPerTonne") ? CbamCell.PRODUCT_SCRAP_PER_T_ALUMINIUM
          : QUALIFYING.get(key);
      if (cell != null) { // the reader takes only the template's parameters; a Good built otherwise may hold others
        add(cell, g, 0, number(v), w + ".qualifying." + key);
      }
    });
    Good.CarbonPrice cp = good.carbonPrice();
    if (cp != null) {
      add(CbamCell.PRODUCT_CARBON_PRICE_TYPE, g, 0, cp.instrument(), w + ".carbonPrice.instrument");
      add(CbamCell.PRODUCT_CURRENCY, g, 0, cp.currency(), w + ".carbonPrice.currency");
      add(CbamCell.PRODUCT_CARBON_PRICE, g, 0, cp.due(), w + ".carbonPrice.due");
      add(CbamCell.PRODUCT_REBATE, g, 0, cp.rebate(), w + ".carbonPrice.rebate");
    }
  }

  /** A qualifying parameter as a number when it is one (alloy contents), else as typed (reducing agent). */
  private static Object number(String v) {
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      return v;
    }
  }
}

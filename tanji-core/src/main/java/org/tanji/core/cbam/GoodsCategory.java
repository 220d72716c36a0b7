package org.tanji.core.cbam;

import java.util.Arrays;
import java.util.Optional;

/**
 * The aggregated goods categories of CBAM (Implementing Regulation (EU) 2023/1773, Annex II), each
 * with its sector and the name the Commission's communication template gives it.
 */
public enum GoodsCategory {
  CALCINED_CLAYS("calcined-clays", "Calcined clays", Sector.CEMENT),
  CEMENT_CLINKER("cement-clinker", "Cement clinker", Sector.CEMENT),
  CEMENT("cement", "Cement", Sector.CEMENT),
  ALUMINOUS_CEMENT("aluminous-cement", "Aluminous cement", Sector.CEMENT),
  HYDROGEN("hydrogen", "Hydrogen", Sector.HYDROGEN),
  AMMONIA("ammonia", "Ammonia", Sector.FERTILISERS),
  NITRIC_ACID("nitric-acid", "Nitric acid", Sector.FERTILISERS),
  UREA("urea", "Urea", Sector.FERTILISERS),
  MIXED_FERTILISERS("mixed-fertilisers", "Mixed fertilisers", Sector.FERTILISERS),
  SINTERED_ORE("sintered-ore", "Sintered Ore", Sector.IRON_STEEL),
  PIG_IRON("pig-iron", "Pig iron", Sector.IRON_STEEL),
  FERRO_ALLOYS("ferro-alloys", "Alloys (FeMn, FeCr, FeNi)", Sector.IRON_STEEL),
  DIRECT_REDUCED_IRON("direct-reduced-iron", "Direct reduced iron", Sector.IRON_STEEL),
  CRUDE_STEEL("crude-steel", "Crude steel", Sector.IRON_STEEL),
  IRON_OR_STEEL_PRODUCTS("iron-or-steel-products", "Iron or steel products", Sector.IRON_STEEL),
  UNWROUGHT_ALUMINIUM("unwrought-aluminium", "Unwrought aluminium", Sector.ALUMINIUM),
  ALUMINIUM_PRODUCTS("aluminium-products", "Aluminium products", Sector.ALUMINIUM),
  ELECTRICITY("electricity", "Electricity (export to EU)", Sector.ELECTRICITY);

  /** The sectors of Annex I of Regulation (EU) 2023/956. */
  public enum Sector { CEMENT, FERTILISERS, IRON_STEEL, ALUMINIUM, HYDROGEN, ELECTRICITY }

  private final String id;
  private final String templateName;
  private final Sector sector;

  GoodsCategory(String id, String templateName, Sector sector) {
    this.id = id;
    this.templateName = templateName;
    this.sector = sector;
  }

  /** The key used in CBAM files ({@code iron-or-steel-products}). */
  public String id() {
    return id;
  }

  /** The category's name in the Commission's communication template ({@code Iron or steel products}). */
  public String templateName() {
    return templateName;
  }

  public Sector sector() {
    return sector;
  }

  /** The category with this file key, if there is one. */
  public static Optional<GoodsCategory> ofId(String id) {
    return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
  }

  /** The category with this template name, if there is one. */
  public static Optional<GoodsCategory> ofTemplateName(String name) {
    return Arrays.stream(values()).filter(c -> c.templateName.equals(name)).findFirst();
  }
}

package org.tanji.io.xlsx;

import java.util.Objects;
import org.apache.poi.ss.util.CellReference;

/**
 * The input cells of the Commission's CBAM communication template (version 2.1 and 2.1.1) that
 * Tanji fills: sheet, first cell and meaning, in one place (docs/cbam.md prints this table).
 *
 * <p>A repeated cell is addressed by an index (the n-th source stream, production process,
 * purchased precursor or product; each block of the template repeats at a fixed row stride) and,
 * for a group inside a block, a second index that moves down rows (a process's production routes,
 * the processes that consume its output).
 */
public enum CbamCell {
  REPORTING_PERIOD_START("A_InstData", "I9", 1, 0, Span.NONE, 1, "reporting period start"),
  REPORTING_PERIOD_END("A_InstData", "L9", 1, 0, Span.NONE, 1, "reporting period end"),
  INSTALLATION_NAME_EN("A_InstData", "I20", 1, 0, Span.NONE, 1, "name of the installation (English)"),
  STREET("A_InstData", "I21", 1, 0, Span.NONE, 1, "street, number"),
  CITY("A_InstData", "I25", 1, 0, Span.NONE, 1, "city"),
  COUNTRY("A_InstData", "I26", 1, 0, Span.NONE, 1, "country"),
  UNLOCODE("A_InstData", "I27", 1, 0, Span.NONE, 1, "UN/LOCODE"),
  LATITUDE("A_InstData", "I28", 1, 0, Span.NONE, 1, "latitude of the main emission source"),
  LONGITUDE("A_InstData", "I29", 1, 0, Span.NONE, 1, "longitude of the main emission source"),
  GOODS_CATEGORY("A_InstData", "E62", 10, 1, Span.NONE, 1, "aggregated goods category produced"),
  PROCESS_CATEGORY("A_InstData", "E83", 10, 1, Span.NONE, 1, "goods category of the production process"),
  PROCESS_NAME("A_InstData", "L83", 10, 1, Span.NONE, 1, "name of the production process"),
  PRECURSOR_CATEGORY("A_InstData", "E102", 20, 1, Span.NONE, 1, "goods category of the purchased precursor"),
  PRECURSOR_COUNTRY("A_InstData", "F102", 20, 1, Span.NONE, 1, "country code of the purchased precursor"),
  PRECURSOR_NAME("A_InstData", "L102", 20, 1, Span.NONE, 1, "name of the purchased precursor"),
  STREAM_METHOD("B_EmInst", "D17", 75, 1, Span.NONE, 1, "method of the source stream"),
  STREAM_NAME("B_EmInst", "E17", 75, 1, Span.NONE, 1, "name of the source stream"),
  STREAM_ACTIVITY("B_EmInst", "F17", 75, 1, Span.NONE, 1, "activity data"),
  STREAM_ACTIVITY_UNIT("B_EmInst", "G17", 75, 1, Span.NONE, 1, "unit of the activity data (t or 1000Nm3)"),
  STREAM_NCV("B_EmInst", "H17", 75, 1, Span.NONE, 1, "net calorific value (GJ/t or GJ/1000Nm3)"),
  STREAM_EMISSION_FACTOR("B_EmInst", "J17", 75, 1, Span.NONE, 1, "emission factor"),
  STREAM_EMISSION_FACTOR_UNIT("B_EmInst", "K17", 75, 1, Span.NONE, 1, "unit of the emission factor"),
  STREAM_CARBON_CONTENT("B_EmInst", "L17", 75, 1, Span.NONE, 1, "carbon content (tC/t, mass balance)"),
  STREAM_OXIDATION("B_EmInst", "N17", 75, 1, Span.NONE, 1, "oxidation factor (%)"),
  STREAM_CONVERSION("B_EmInst", "P17", 75, 1, Span.NONE, 1, "conversion factor (%)"),
  STREAM_BIOMASS("B_EmInst", "R17", 75, 1, Span.NONE, 1, "biomass content (%)"),
  INDIRECT_EMISSIONS("C_Emissions&Energy", "M26", 1, 0, Span.NONE, 1, "total indirect emissions of the installation (tCO2e)"),
  PROCESS_PRODUCTION("D_Processes", "L16", 10, 65, Span.DOWN, 8, "total production level per route (t)"),
  PROCESS_FOR_MARKET("D_Processes", "L27", 10, 65, Span.NONE, 1, "produced for the market (t)"),
  PROCESS_CONSUMED_IN("D_Processes", "L32", 10, 65, Span.DOWN, 9, "consumed in other production processes (t)"),
  PROCESS_HEAT_RELEVANT("D_Processes", "K50", 10, 65, Span.NONE, 1, "measurable heat applicable"),
  PROCESS_WASTE_GAS_RELEVANT("D_Processes", "L50", 10, 65, Span.NONE, 1, "waste gases applicable"),
  PROCESS_DIRECT_EMISSIONS("D_Processes", "L54", 10, 65, Span.NONE, 1, "directly attributable emissions (tCO2e)"),
  PROCESS_HEAT_IMPORTED("D_Processes", "L57", 10, 65, Span.NONE, 1, "net measurable heat imported (TJ)"),
  PROCESS_HEAT_EXPORTED("D_Processes", "M57", 10, 65, Span.NONE, 1, "net measurable heat exported (TJ)"),
  PROCESS_HEAT_EF_IMPORTED("D_Processes", "L58", 10, 65, Span.NONE, 1, "emission factor of imported heat (tCO2/TJ)"),
  PROCESS_HEAT_EF_EXPORTED("D_Processes", "M58", 10, 65, Span.NONE, 1, "emission factor of exported heat (tCO2/TJ)"),
  PROCESS_WASTE_GAS_IMPORTED("D_Processes", "L61", 10, 65, Span.NONE, 1, "waste gas imported (TJ)"),
  PROCESS_WASTE_GAS_EXPORTED("D_Processes", "M61", 10, 65, Span.NONE, 1, "waste gas exported (TJ)"),
  PROCESS_ELECTRICITY("D_Processes", "L65", 10, 65, Span.NONE, 1, "electricity consumption (MWh)"),
  PROCESS_ELECTRICITY_EF("D_Processes", "L66", 10, 65, Span.NONE, 1, "emission factor of the electricity (tCO2/MWh)"),
  PROCESS_ELECTRICITY_EF_SOURCE("D_Processes", "L67", 10, 65, Span.NONE, 1, "source of the electricity emission factor"),
  PROCESS_ELECTRICITY_EXPORTED("D_Processes", "L71", 10, 65, Span.NONE, 1, "electricity exported (MWh)"),
  PROCESS_ELECTRICITY_EXPORTED_EF("D_Processes", "L72", 10, 65, Span.NONE, 1, "emission factor of the exported electricity (tCO2/MWh)"),
  PRECURSOR_PURCHASED("E_PurchPrec", "L17", 20, 44, Span.DOWN, 8, "purchased amount per route (t)"),
  PRECURSOR_CONSUMED_IN("E_PurchPrec", "L28", 20, 44, Span.DOWN, 10, "amount consumed in each production process (t)"),
  PRECURSOR_SEE_DIRECT("E_PurchPrec", "L49", 20, 44, Span.NONE, 1, "specific embedded direct emissions (tCO2e/t)"),
  PRECURSOR_SEE_DIRECT_SOURCE("E_PurchPrec", "M49", 20, 44, Span.NONE, 1, "source of the direct SEE"),
  PRECURSOR_ELECTRICITY("E_PurchPrec", "L50", 20, 44, Span.NONE, 1, "specific electricity consumption (MWh/t)"),
  PRECURSOR_ELECTRICITY_SOURCE("E_PurchPrec", "M50", 20, 44, Span.NONE, 1, "source of the specific electricity consumption"),
  PRECURSOR_ELECTRICITY_EF("E_PurchPrec", "L51", 20, 44, Span.NONE, 1, "electricity emission factor (tCO2/MWh)"),
  PRECURSOR_ELECTRICITY_EF_SOURCE("E_PurchPrec", "M51", 20, 44, Span.NONE, 1, "source of the electricity emission factor"),
  PRODUCT_PROCESS("Summary_Products", "D10", 100, 1, Span.NONE, 1, "production process the product arises from"),
  PRODUCT_CN_CODE("Summary_Products", "F10", 100, 1, Span.NONE, 1, "CN code (8 digits)"),
  PRODUCT_NAME("Summary_Products", "H10", 100, 1, Span.NONE, 1, "product name"),
  PRODUCT_REDUCING_AGENT("Summary_Products", "P10", 100, 1, Span.NONE, 1, "main reducing agent of the precursor"),
  PRODUCT_STEEL_MILL_ID("Summary_Products", "Q10", 100, 1, Span.NONE, 1, "steel mill identification number"),
  PRODUCT_MANGANESE("Summary_Products", "R10", 100, 1, Span.NONE, 1, "manganese content (%)"),
  PRODUCT_CHROMIUM("Summary_Products", "S10", 100, 1, Span.NONE, 1, "chromium content (%)"),
  PRODUCT_NICKEL("Summary_Products", "T10", 100, 1, Span.NONE, 1, "nickel content (%)"),
  PRODUCT_OTHER_ALLOYS("Summary_Products", "U10", 100, 1, Span.NONE, 1, "other alloy content (%)"),
  PRODUCT_CARBON("Summary_Products", "V10", 100, 1, Span.NONE, 1, "carbon content (%)"),
  PRODUCT_SCRAP_PER_T_STEEL("Summary_Products", "W10", 100, 1, Span.NONE, 1, "t scrap per t steel"),
  PRODUCT_OTHER_MATERIALS("Summary_Products", "X10", 100, 1, Span.NONE, 1, "other materials (%)"),
  PRODUCT_SCRAP_PER_T_ALUMINIUM("Summary_Products", "Z10", 100, 1, Span.NONE, 1, "t scrap per t aluminium"),
  PRODUCT_CLINKER_FACTOR("Summary_Products", "AB10", 100, 1, Span.NONE, 1, "clinker factor"),
  PRODUCT_CARBON_PRICE_TYPE("Summary_Products", "AL10", 100, 1, Span.NONE, 1, "type of instrument (carbon pricing)"),
  PRODUCT_CURRENCY("Summary_Products", "AP10", 100, 1, Span.NONE, 1, "currency of the carbon price"),
  PRODUCT_CARBON_PRICE("Summary_Products", "AR10", 100, 1, Span.NONE, 1, "carbon price due per unit of product"),
  PRODUCT_REBATE("Summary_Products", "AX10", 100, 1, Span.NONE, 1, "rebate or other compensation per unit of product");

  /** Where a cell's second index moves: nowhere, or down rows. */
  public enum Span { NONE, DOWN }

  private final String sheet;
  private final CellReference first;
  private final int count;
  private final int stride;
  private final Span span;
  private final int width;
  private final String meaning;

  CbamCell(String sheet, String first, int count, int stride, Span span, int width, String meaning) {
    this.sheet = sheet;
    this.first = new CellReference(first);
    this.count = count;
    this.stride = stride;
    this.span = span;
    this.width = width;
    this.meaning = meaning;
  }

  public String sheet() {
    return sheet;
  }

  /** How many times the cell repeats (source streams, processes, precursors, products). */
  public int count() {
    return count;
  }

  /** How many cells the group inside one repetition has (routes, consuming processes). */
  public int width() {
    return width;
  }

  /** What the template asks for in this cell, in the template's own (English) words. */
  public String meaning() {
    return meaning;
  }

  /** The first cell, as the template's sheets print it ({@code A_InstData!I9}). */
  public String firstCell() {
    return sheet + "!" + first.formatAsString(false);
  }

  /**
   * The row (0-based) and column of the cell's {@code index}-th repetition, {@code part}-th cell
   * of its group.
   *
   * @throws IndexOutOfBoundsException when index or part is beyond what the template holds
   */
  public CellReference at(int index, int part) {
    Objects.checkIndex(index, count);
    Objects.checkIndex(part, width);
    int row = first.getRow() + index * stride + (span == Span.DOWN ? part : 0);
    return new CellReference(sheet, row, first.getCol(), false, false);
  }
}

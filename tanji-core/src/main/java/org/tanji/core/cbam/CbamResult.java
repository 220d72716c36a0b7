package org.tanji.core.cbam;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.tanji.core.model.Finding;

/**
 * What the CBAM calculation gives: emissions per source stream and per production process, the
 * specific embedded emissions of each good, and the findings. Emissions are in t CO₂e, specific
 * figures in t CO₂e per t (MWh per t for electricity), unrounded.
 *
 * <p>A figure that depends on something unknown (a precursor without SEE, an electricity factor
 * missing) is empty rather than computed from a guess; the findings say why.
 *
 * @param installation the installation as read
 * @param sourceStreams one result per source stream, in file order
 * @param processes one result per production process, in file order
 * @param goods one result per good, in file order
 * @param directEmissions the installation's direct emissions: the fossil CO₂ of all source streams
 * @param biomassEmissions the biomass CO₂ of all source streams, reported but not counted
 * @param findings everything wrong or worth knowing, from reading and from computing
 */
public record CbamResult(Installation installation, List<StreamResult> sourceStreams, List<ProcessResult> processes,
    List<GoodResult> goods, double directEmissions, double biomassEmissions, List<Finding> findings) {

  public CbamResult {
    Objects.requireNonNull(installation, "installation");
    sourceStreams = List.copyOf(sourceStreams);
    processes = List.copyOf(processes);
    goods = List.copyOf(goods);
    findings = List.copyOf(findings);
  }

  /** The result of the production process of this id, if the file has one. */
  public java.util.Optional<ProcessResult> process(String id) {
    return processes.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public boolean hasErrors() {
    return findings.stream().anyMatch(Finding::isError);
  }

  /**
   * One source stream's emissions.
   *
   * @param fossil fossil CO₂ (t), negative for a mass-balance output
   * @param biomass biomass CO₂ (t)
   * @param energy its energy content in TJ, when it has a calorific value
   */
  public record StreamResult(String name, SourceStream.Method method, String process, double fossil, double biomass,
      OptionalDouble energy) {}

  /**
   * One production process: its attributed emissions (Annex III, F.1 of Implementing Regulation
   * (EU) 2023/1773) and its specific (embedded) emissions. A figure that a mistyped unit made
   * impossible to compute is NaN; the findings name the unit.
   *
   * @param production total production (t)
   * @param directEmissions DirEm*: the fossil CO₂ of its source streams (t)
   * @param heat emissions of imported minus exported measurable heat (t)
   * @param wasteGases the waste-gas correction (t)
   * @param electricityExported minus the emissions of exported electricity (t)
   * @param attributedDirect AttrEm(dir) = DirEm* + heat + waste gases + exported electricity (t)
   * @param attributedIndirect AttrEm(indir) = electricity consumed × its factor (t); empty when the factor is missing
   * @param electricity electricity consumed (MWh)
   * @param seDirect specific direct emissions of the process alone (t/t)
   * @param seIndirect specific indirect emissions of the process alone (t/t)
   * @param seeDirect specific embedded direct emissions, precursors included (t/t)
   * @param seeIndirect specific embedded indirect emissions, precursors included (t/t)
   * @param embeddedElectricity electricity embedded per t, precursors included (MWh/t)
   * @param defaultShare the share of SEE (direct) that comes from default values of purchased precursors (0–1)
   */
  public record ProcessResult(String id, String name, GoodsCategory category, double production,
      double directEmissions, double heat, double wasteGases, double electricityExported, double attributedDirect,
      OptionalDouble attributedIndirect, double electricity, double seDirect, OptionalDouble seIndirect,
      OptionalDouble seeDirect, OptionalDouble seeIndirect, OptionalDouble embeddedElectricity,
      OptionalDouble defaultShare) {}

  /**
   * One good: the figures the communication template sends to the importer.
   *
   * @param category the category of its CN code in Annex I, empty when the code is not a CBAM good
   * @param seeTotal SEE (direct) + SEE (indirect)
   * @param electricitySource the source of the electricity factor of its process
   * @param qualifying the good's qualifying parameters, as given
   * @param carbonPrice the carbon price due per t and its rebate, when the file gives them
   */
  public record GoodResult(String cn, String name, String process, java.util.Optional<GoodsCategory> category,
      OptionalDouble seeDirect, OptionalDouble seeIndirect, OptionalDouble seeTotal, OptionalDouble defaultShare,
      OptionalDouble embeddedElectricity, java.util.Optional<String> electricitySource,
      java.util.Map<String, String> qualifying, java.util.Optional<Good.CarbonPrice> carbonPrice) {}
}

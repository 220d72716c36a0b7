package org.tanji.core.cbam;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the CBAM calculation needs about one installation and one reporting period: the
 * content of the Commission's communication template, as an immutable value.
 */
public record CbamInput(Installation installation, List<SourceStream> sourceStreams,
    List<ProductionProcess> processes, List<PurchasedPrecursor> purchasedPrecursors, List<Good> goods) {

  public CbamInput {
    Objects.requireNonNull(installation, "installation");
    sourceStreams = List.copyOf(sourceStreams);
    processes = List.copyOf(processes);
    purchasedPrecursors = List.copyOf(purchasedPrecursors);
    goods = List.copyOf(goods);
  }

  /** The production process of this id, if the file has one. */
  public Optional<ProductionProcess> process(String id) {
    return processes.stream().filter(p -> p.id().equals(id)).findFirst();
  }
}

package org.tanji.core.calc;

import org.tanji.core.model.Stage;

/** A life-cycle stage's emissions and share of the study's total. */
public record StageResult(Stage stage, double kgCO2e, double share) {}
